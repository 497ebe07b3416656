/// `change_case:english_lowercase`: the response is lower case (`str.islower`) and in English;
/// text with nothing to detect passes (see `LangDetect`). The `speech-ifeval` profile skips the
/// language test.
struct EnglishLowercase: IFEvalCheck {
    let detectLanguage: Bool

    init(_ arguments: IFEvalArguments, detectLanguage: Bool = true) {
        self.detectLanguage = detectLanguage
    }

    func isFollowed(by response: String) -> Bool {
        guard PythonText.isLower(response) else { return false }
        guard detectLanguage, let language = LangDetect.shared.detect(response) else { return true }
        return language == "en"
    }
}
