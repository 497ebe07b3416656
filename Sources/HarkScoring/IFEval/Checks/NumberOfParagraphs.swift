/// `length_constraints:number_paragraphs`: parts split on `\s?\*\*\*\s?`; an empty first or last
/// part is dropped, an empty inner part fails; the count must equal.
///
/// The `speech-ifeval` profile splits the stripped text on `\s*\*\*\*\s*` or a run of newlines
/// (`re.split(r"\s*\*\*\*\s*|\n{1,}", value.strip())`): a blank line separates once, a line of
/// spaces between two newlines is an empty inner part.
struct NumberOfParagraphs: IFEvalCheck {
    let count: Int
    let splitOnNewlines: Bool

    init(_ arguments: IFEvalArguments, splitOnNewlines: Bool = false) throws {
        count = try arguments.integer("num_paragraphs")
        self.splitOnNewlines = splitOnNewlines
    }

    func isFollowed(by response: String) -> Bool {
        let paragraphs =
            splitOnNewlines ? Self.splitOnStarsOrNewlineRuns(PythonText.strip(response)) : Self.splitOnStars(response)
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
        var start = 0
        var index = 0
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

    /// `re.split(r"\s*\*\*\*\s*|\n{1,}", text)`: at each position, a whitespace run (possibly
    /// empty) followed by `***` and more whitespace, else a run of newlines.
    static func splitOnStarsOrNewlineRuns(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var parts: [String] = []
        var start = 0
        var index = 0
        var runEnd = 0
        while index < scalars.count {
            var spaceEnd = max(index, runEnd)
            while spaceEnd < scalars.count, PythonText.isRegexSpace(scalars[spaceEnd]) { spaceEnd += 1 }
            runEnd = spaceEnd
            var matchEnd: Int?
            if spaceEnd + 2 < scalars.count, scalars[spaceEnd] == "*", scalars[spaceEnd + 1] == "*",
                scalars[spaceEnd + 2] == "*"
            {
                var end = spaceEnd + 3
                while end < scalars.count, PythonText.isRegexSpace(scalars[end]) { end += 1 }
                matchEnd = end
            } else if scalars[index] == "\n" {
                var end = index
                while end < scalars.count, scalars[end] == "\n" { end += 1 }
                matchEnd = end
            }
            guard let end = matchEnd else {
                index += 1
                continue
            }
            parts.append(PythonText.string(scalars[start..<index]))
            start = end
            index = end
        }
        parts.append(PythonText.string(scalars[start...]))
        return parts
    }
}
