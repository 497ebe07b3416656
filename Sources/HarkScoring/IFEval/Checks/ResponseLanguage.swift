/// `language:response_language`: langdetect's language (see `LangDetect`) is the one asked for;
/// text with nothing to detect passes.
struct ResponseLanguage: IFEvalCheck {
    let language: String

    init(_ arguments: IFEvalArguments) throws {
        language = try arguments.string("language")
    }

    func isFollowed(by response: String) -> Bool {
        guard let detected = LangDetect.shared.detect(response) else { return true }
        return detected == language
    }
}
