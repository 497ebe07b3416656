/// `detectable_format:number_highlighted_sections`: at least n highlights: matches of
/// `\*[^\n\*]*\*` with something besides spaces inside, plus (as lm-eval counts them too) matches
/// of `\*\*[^\n\*]*\*\*` likewise.
struct NumberOfHighlightedSections: IFEvalCheck {
    let count: Int

    init(_ arguments: IFEvalArguments) throws {
        count = try arguments.integer("num_highlights")
    }

    func isFollowed(by response: String) -> Bool {
        let scalars = Array(response.unicodeScalars)
        return Self.highlights(scalars, stars: 1) + Self.highlights(scalars, stars: 2) >= count
    }

    /// Non-overlapping `stars` + run of neither newline nor star + `stars`, counted when the run
    /// is not blank.
    static func highlights(_ scalars: [Unicode.Scalar], stars: Int) -> Int {
        var found = 0
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "*", index + stars <= scalars.count,
                scalars[index..<index + stars].allSatisfy({ $0 == "*" })
            else {
                index += 1
                continue
            }
            let inner = index + stars
            let end = scalars[inner...].firstIndex { $0 == "\n" || $0 == "*" } ?? scalars.count
            guard end + stars <= scalars.count, scalars[end..<end + stars].allSatisfy({ $0 == "*" }) else {
                index += 1
                continue
            }
            if scalars[inner..<end].contains(where: { !PythonText.isWhitespace($0) }) { found += 1 }
            index = end + stars
        }
        return found
    }
}
