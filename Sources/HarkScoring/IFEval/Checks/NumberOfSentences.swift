/// `length_constraints:number_sentences`: the sentence count (NLTK's English Punkt), compared.
struct NumberOfSentences: IFEvalCheck {
    let count: Int
    let relation: Relation

    init(_ arguments: IFEvalArguments) throws {
        count = try arguments.integer("num_sentences")
        relation = try arguments.relation("relation")
    }

    func isFollowed(by response: String) -> Bool {
        relation.holds(PunktSentenceSplitter.english.count(in: response), count)
    }
}
