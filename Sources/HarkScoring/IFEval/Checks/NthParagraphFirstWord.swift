/// `length_constraints:nth_paragraph_first_word`: paragraphs split on "\n\n" (blank ones not
/// counted); the count must equal, and the nth paragraph's first word — without leading quotes,
/// cut at the first punctuation mark, lowercased — must be the given word.
struct NthParagraphFirstWord: IFEvalCheck {
    let count: Int
    let nth: Int
    let firstWord: String

    init(_ arguments: IFEvalArguments) throws {
        count = try arguments.integer("num_paragraphs")
        nth = try arguments.integer("nth_paragraph")
        firstWord = PythonText.lower(try arguments.string("first_word"))
    }

    static let punctuation = Set(".,?!'\"".unicodeScalars)

    func isFollowed(by response: String) -> Bool {
        let paragraphs = PythonText.split(response, separator: "\n\n")
        let number = paragraphs.filter { !PythonText.isBlank($0) }.count
        guard nth <= number, nth >= 1 else { return false }
        let paragraph = PythonText.strip(paragraphs[nth - 1])
        guard let first = PythonText.split(paragraph).first else { return false }
        var word = PythonText.strip(first)[...].unicodeScalars
        while word.first == "'" { word.removeFirst() }
        while word.first == "\"" { word.removeFirst() }
        var found = String.UnicodeScalarView()
        for scalar in word {
            if Self.punctuation.contains(scalar) { break }
            found.append(scalar)
        }
        return number == count && PythonText.lower(String(found)) == firstWord
    }
}
