/// `combination:repeat_prompt`: the stripped, lowercased response starts with the stripped,
/// lowercased prompt to repeat. The `speech-ifeval` profile then strips ASCII double and single quotes
/// from both ends (`.strip('"\'')`: a model that answers `"Answer:" dog` repeated the prompt).
struct RepeatPrompt: IFEvalCheck {
    let prompt: String
    let stripQuotes: Bool

    init(_ arguments: IFEvalArguments, stripQuotes: Bool = false) throws {
        prompt = PythonText.lower(PythonText.strip(try arguments.string("prompt_to_repeat")))
        self.stripQuotes = stripQuotes
    }

    func isFollowed(by response: String) -> Bool {
        var text = PythonText.lower(PythonText.strip(response))
        if stripQuotes { text = PythonText.strip(text, characters: ["\"", "'"]) }
        return PythonText.hasPrefix(text, prompt)
    }
}
