/// `keywords:frequency`: the keyword's non-overlapping case-insensitive matches, compared.
struct KeywordsFrequency: IFEvalCheck {
    let keyword: PythonPattern
    let frequency: Int
    let relation: Relation

    init(_ arguments: IFEvalArguments) throws {
        keyword = try PythonPattern(PythonText.strip(try arguments.string("keyword")), ignoreCase: true)
        frequency = try arguments.integer("frequency")
        relation = try arguments.relation("relation")
    }

    func isFollowed(by response: String) -> Bool {
        relation.holds(keyword.count(in: response), frequency)
    }
}
