/// `detectable_format:constrained_response`: the response holds "My answer is yes.", "My answer
/// is no." or "My answer is maybe.".
struct ConstrainedResponse: IFEvalCheck {
    static let options = ["My answer is yes.", "My answer is no.", "My answer is maybe."]

    init(_ arguments: IFEvalArguments) {}

    func isFollowed(by response: String) -> Bool {
        let text = PythonText.strip(response)
        return Self.options.contains { PythonText.contains(text, $0) }
    }
}
