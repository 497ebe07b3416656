/// `startend:quotation`: the stripped response is longer than one character and starts and ends
/// with `"`.
struct Quotation: IFEvalCheck {
    init(_ arguments: IFEvalArguments) {}

    func isFollowed(by response: String) -> Bool {
        let text = PythonText.strip(response).unicodeScalars
        return text.count > 1 && text.first == "\"" && text.last == "\""
    }
}
