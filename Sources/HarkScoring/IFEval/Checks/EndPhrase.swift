/// `startend:end_checker`: the response — stripped of spaces, then of double quotes, lowercased —
/// ends with the phrase (stripped, lowercased).
struct EndPhrase: IFEvalCheck {
    let phrase: String

    init(_ arguments: IFEvalArguments) throws {
        phrase = PythonText.lower(PythonText.strip(try arguments.string("end_phrase")))
    }

    func isFollowed(by response: String) -> Bool {
        PythonText.hasSuffix(PythonText.lower(PythonText.strip(PythonText.strip(response), characters: ["\""])), phrase)
    }
}
