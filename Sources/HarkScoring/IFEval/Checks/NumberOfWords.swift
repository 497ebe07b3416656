/// `length_constraints:number_words`: the count of `\w+` runs, compared.
struct NumberOfWords: IFEvalCheck {
    let count: Int
    let relation: Relation

    init(_ arguments: IFEvalArguments) throws {
        count = try arguments.integer("num_words")
        relation = try arguments.relation("relation")
    }

    func isFollowed(by response: String) -> Bool {
        relation.holds(PythonText.wordCount(response), count)
    }
}
