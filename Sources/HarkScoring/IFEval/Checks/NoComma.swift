/// `punctuation:no_comma`: no ",".
struct NoComma: IFEvalCheck {
    init(_ arguments: IFEvalArguments) {}

    func isFollowed(by response: String) -> Bool {
        !response.utf8.contains(UInt8(ascii: ","))
    }
}
