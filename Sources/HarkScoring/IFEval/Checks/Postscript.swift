/// `detectable_content:postscript`: in the lowercased response, the marker somewhere: "P.S." as
/// `p\.\s?s\.`, "P.P.S" as `p\.\s?p\.\s?s`, any other marker as a pattern (the reference puts it
/// into a regex as written, so its dots match any character but a newline).
struct Postscript: IFEvalCheck {
    let pattern: [Element]

    enum Element: Equatable {
        case scalar(Unicode.Scalar)
        /// `\s?`
        case optionalSpace
        /// `.`
        case any
    }

    init(_ arguments: IFEvalArguments) throws {
        let marker = PythonText.strip(try arguments.string("postscript_marker"))
        switch marker {
        case "P.P.S":
            pattern = [
                .scalar("p"), .scalar("."), .optionalSpace, .scalar("p"), .scalar("."), .optionalSpace, .scalar("s"),
            ]
        case "P.S.": pattern = [.scalar("p"), .scalar("."), .optionalSpace, .scalar("s"), .scalar(".")]
        default:
            let lowered = PythonText.lower(marker)
            if lowered.unicodeScalars.contains(where: { $0 != "." && PythonPattern.metacharacters.contains($0) }) {
                throw arguments.missing("postscript_marker", "a marker without regex syntax other than dots")
            }
            pattern = lowered.unicodeScalars.map { $0 == "." ? .any : .scalar($0) }
        }
    }

    func isFollowed(by response: String) -> Bool {
        let text = Array(PythonText.lower(response).unicodeScalars)
        return text.indices.contains { matches(text, from: $0, element: 0) }
    }

    private func matches(_ text: [Unicode.Scalar], from position: Int, element: Int) -> Bool {
        guard element < pattern.count else { return true }
        switch pattern[element] {
        case .optionalSpace:
            if position < text.count, PythonText.isRegexSpace(text[position]),
                matches(text, from: position + 1, element: element + 1)
            {
                return true
            }
            return matches(text, from: position, element: element + 1)
        case .any:
            return position < text.count && text[position] != "\n"
                && matches(text, from: position + 1, element: element + 1)
        case .scalar(let scalar):
            return position < text.count && text[position] == scalar
                && matches(text, from: position + 1, element: element + 1)
        }
    }
}
