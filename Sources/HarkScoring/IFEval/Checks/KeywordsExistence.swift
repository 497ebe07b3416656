/// `keywords:existence`: every keyword is found (a case-insensitive regex search).
struct KeywordsExistence: IFEvalCheck {
    let keywords: [PythonPattern]

    init(_ arguments: IFEvalArguments) throws {
        keywords = try arguments.strings("keywords").sorted().map { try PythonPattern($0, ignoreCase: true) }
    }

    func isFollowed(by response: String) -> Bool {
        keywords.allSatisfy { $0.firstMatch(in: response) }
    }
}
