/// `language:response_language`: the detected language is the one asked for; text whose language
/// cannot be detected passes. Approximate: the reference uses langdetect (see `LanguageDetector`).
struct ResponseLanguage: IFEvalCheck {
    let language: String

    init(_ arguments: IFEvalArguments) throws {
        language = try arguments.string("language")
    }

    func isFollowed(by response: String) -> Bool {
        guard let detected = LanguageDetector.shared.detect(response) else { return true }
        return detected == language
    }
}
