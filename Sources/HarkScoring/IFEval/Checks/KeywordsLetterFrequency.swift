/// `keywords:letter_frequency`: occurrences of the letter in the lowercased response, compared.
/// The letter must be one ASCII letter (the reference replaces any other with a random one).
struct KeywordsLetterFrequency: IFEvalCheck {
    let letter: Unicode.Scalar
    let frequency: Int
    let relation: Relation

    init(_ arguments: IFEvalArguments) throws {
        let text = try arguments.string("letter")
        guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first, scalar.isASCII, scalar.properties.isAlphabetic else {
            throw arguments.missing("letter", "one ASCII letter")
        }
        letter = PythonText.lower(String(scalar)).unicodeScalars.first!
        frequency = try arguments.integer("let_frequency")
        relation = try arguments.relation("let_relation")
    }

    func isFollowed(by response: String) -> Bool {
        relation.holds(PythonText.lower(response).unicodeScalars.lazy.filter { $0 == letter }.count, frequency)
    }
}
