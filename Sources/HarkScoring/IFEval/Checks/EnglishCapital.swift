/// `change_case:english_capital`: the response is upper case (`str.isupper`) and in English;
/// text with nothing to detect passes (see `LangDetect`). The `speech-ifeval` profile skips the
/// language test.
struct EnglishCapital: IFEvalCheck {
    let detectLanguage: Bool

    init(_ arguments: IFEvalArguments, detectLanguage: Bool = true) {
        self.detectLanguage = detectLanguage
    }

    func isFollowed(by response: String) -> Bool {
        guard PythonText.isUpper(response) else { return false }
        guard detectLanguage, let language = LangDetect.shared.detect(response) else { return true }
        return language == "en"
    }
}
