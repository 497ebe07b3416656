/// `detectable_format:multiple_sections`: at least n matches of `\s?{splitter}\s?\d+\s?` (the
/// splitter as written, e.g. "Section"): `re.split` gives one part more than it has matches.
struct MultipleSections: IFEvalCheck {
    let splitter: [Unicode.Scalar]
    let count: Int

    init(_ arguments: IFEvalArguments) throws {
        let text = PythonText.strip(try arguments.string("section_spliter"))
        guard !text.unicodeScalars.contains(where: PythonPattern.metacharacters.contains) else {
            throw arguments.missing("section_spliter", "a word without regex syntax")
        }
        splitter = Array(text.unicodeScalars)
        count = try arguments.integer("num_sections")
    }

    func isFollowed(by response: String) -> Bool {
        Self.matches(of: splitter, in: Array(response.unicodeScalars)) >= count
    }

    /// Non-overlapping matches, left to right: the splitter, an optional whitespace, digits. (The
    /// optional whitespace before the splitter and after the digits moves no match.)
    static func matches(of splitter: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Int {
        guard !splitter.isEmpty else { return 0 }
        var found = 0
        var index = 0
        while index + splitter.count <= text.count {
            guard text[index..<index + splitter.count].elementsEqual(splitter) else {
                index += 1
                continue
            }
            var cursor = index + splitter.count
            if cursor < text.count, PythonText.isRegexSpace(text[cursor]), cursor + 1 < text.count,
                PythonText.isDigit(text[cursor + 1])
            {
                cursor += 1
            }
            guard cursor < text.count, PythonText.isDigit(text[cursor]) else {
                index += 1
                continue
            }
            while cursor < text.count, PythonText.isDigit(text[cursor]) { cursor += 1 }
            if cursor < text.count, PythonText.isRegexSpace(text[cursor]) { cursor += 1 }
            found += 1
            index = cursor
        }
        return found
    }
}
