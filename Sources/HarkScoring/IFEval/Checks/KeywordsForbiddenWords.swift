/// `keywords:forbidden_words`: no forbidden word matches `\bword\b`, case-insensitively.
struct KeywordsForbiddenWords: IFEvalCheck {
    let words: [PythonPattern]

    init(_ arguments: IFEvalArguments) throws {
        words = try Set(arguments.strings("forbidden_words")).sorted().map {
            try PythonPattern($0, ignoreCase: true, wholeWord: true)
        }
    }

    func isFollowed(by response: String) -> Bool {
        !words.contains { $0.firstMatch(in: response) }
    }
}
