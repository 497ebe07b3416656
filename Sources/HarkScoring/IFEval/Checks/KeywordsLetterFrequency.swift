/// `keywords:letter_frequency`: occurrences of the letter in the lowercased response, compared.
///
/// A "letter" that is one character but no ASCII letter (`#` and `!` in two of Google's 541
/// prompts) is counted as written, as google-research's current checker does. lm-eval's checker
/// (and the 2024 one) replaces it with a letter drawn at random, unseeded, so hark's verdict is
/// marked approximate there.
struct KeywordsLetterFrequency: IFEvalCheck {
    let letter: Unicode.Scalar
    let frequency: Int
    let relation: Relation
    let isApproximate: Bool

    init(_ arguments: IFEvalArguments) throws {
        let text = PythonText.strip(try arguments.string("letter"))
        guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first else {
            throw arguments.missing("letter", "one character")
        }
        isApproximate = !(scalar.isASCII && scalar.properties.isAlphabetic)
        letter = PythonText.lower(String(scalar)).unicodeScalars.first!
        frequency = try arguments.integer("let_frequency")
        relation = try arguments.relation("let_relation")
    }

    func isFollowed(by response: String) -> Bool {
        relation.holds(PythonText.lower(response).unicodeScalars.lazy.filter { $0 == letter }.count, frequency)
    }
}
