/// `combination:two_responses`: split on "******", the non-blank parts are exactly two and differ
/// (stripped); a blank part between two others fails.
struct TwoResponses: IFEvalCheck {
    init(_ arguments: IFEvalArguments) {}

    func isFollowed(by response: String) -> Bool {
        let parts = PythonText.split(response, separator: "******")
        var valid: [String] = []
        for (index, part) in parts.enumerated() {
            if PythonText.isBlank(part) {
                if index != 0 && index != parts.count - 1 { return false }
            } else {
                valid.append(part)
            }
        }
        return valid.count == 2
            && !PythonText.strip(valid[0]).unicodeScalars.elementsEqual(PythonText.strip(valid[1]).unicodeScalars)
    }
}
