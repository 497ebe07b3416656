/// `length_constraints:number_paragraphs`: parts split on `\s?\*\*\*\s?`; an empty first or last
/// part is dropped, an empty inner part fails; the count must equal.
///
/// The `speech-ifeval` profile splits on `***` or on newlines (see `Profile`).
struct NumberOfParagraphs: IFEvalCheck {
    let count: Int
    let splitOnNewlines: Bool

    init(_ arguments: IFEvalArguments, splitOnNewlines: Bool = false) throws {
        count = try arguments.integer("num_paragraphs")
        self.splitOnNewlines = splitOnNewlines
    }

    func isFollowed(by response: String) -> Bool {
        let paragraphs = splitOnNewlines ? Self.splitOnStarsOrNewlines(response) : Self.splitOnStars(response)
        var number = paragraphs.count
        for (index, paragraph) in paragraphs.enumerated() where PythonText.isBlank(paragraph) {
            guard index == 0 || index == paragraphs.count - 1 else { return false }
            number -= 1
        }
        return number == count
    }

    /// `re.split(r"\s?\*\*\*\s?", text)`.
    static func splitOnStars(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        func isStars(_ index: Int) -> Bool {
            index + 2 < scalars.count && scalars[index] == "*" && scalars[index + 1] == "*" && scalars[index + 2] == "*"
        }
        var parts: [String] = []
        var start = 0, index = 0
        while index < scalars.count {
            var end: Int?
            if PythonText.isRegexSpace(scalars[index]) && isStars(index + 1) {
                end = index + 4
            } else if isStars(index) {
                end = index + 3
            }
            guard var matchEnd = end else {
                index += 1
                continue
            }
            if matchEnd < scalars.count && PythonText.isRegexSpace(scalars[matchEnd]) { matchEnd += 1 }
            parts.append(PythonText.string(scalars[start..<index]))
            start = matchEnd
            index = matchEnd
        }
        parts.append(PythonText.string(scalars[start...]))
        return parts
    }

    /// Speech-IFEval's split: on `***` or on any newline.
    static func splitOnStarsOrNewlines(_ text: String) -> [String] {
        splitOnStars(text).flatMap { PythonText.lines($0) }
    }
}
