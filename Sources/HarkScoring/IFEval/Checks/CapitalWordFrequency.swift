/// `change_case:capital_word_frequency`: tokens of NLTK's `word_tokenize` that are all upper
/// case (`str.isupper`), compared.
struct CapitalWordFrequency: IFEvalCheck {
    let frequency: Int
    let relation: Relation

    init(_ arguments: IFEvalArguments) throws {
        frequency = try arguments.integer("capital_frequency")
        relation = try arguments.relation("capital_relation")
    }

    func isFollowed(by response: String) -> Bool {
        relation.holds(TreebankWordTokenizer.shared.upperCaseTokenCount(response), frequency)
    }
}
