/// `detectable_format:number_bullet_lists`: exactly n matches of `^\s*\*[^\*].*$` plus
/// `^\s*-.*$` (multiline), matched as Python's `re.findall` does — including a blank-line run
/// that `\s*` crosses and a `[^\*]` that takes a newline.
///
/// The `speech-ifeval` profile also counts lines starting with `•` or a digit, and reads a literal
/// backslash-n in the text as a newline (see `Profile`).
struct NumberOfBulletLists: IFEvalCheck {
    let count: Int
    let speechMarkers: Bool

    init(_ arguments: IFEvalArguments, speechMarkers: Bool = false) throws {
        count = try arguments.integer("num_bullets")
        self.speechMarkers = speechMarkers
    }

    func isFollowed(by response: String) -> Bool {
        guard speechMarkers else {
            let scalars = Array(response.unicodeScalars)
            return Self.matches(scalars, star: true) + Self.matches(scalars, star: false) == count
        }
        let text = response.replacingOccurrences(of: "\\n", with: "\n")
        return Self.speechBullets(in: text) == count
    }

    /// `len(re.findall(r"^\s*\*[^\*].*$", text, re.M))` (star) or `r"^\s*-.*$"`.
    static func matches(_ scalars: [Unicode.Scalar], star: Bool) -> Int {
        var found = 0
        var lineStart = 0
        while lineStart <= scalars.count {
            var index = lineStart
            while index < scalars.count, PythonText.isRegexSpace(scalars[index]) { index += 1 }
            var matchEnd: Int?
            if index < scalars.count {
                if star, scalars[index] == "*", index + 1 < scalars.count, scalars[index + 1] != "*" {
                    matchEnd = endOfLine(scalars, from: index + 2)
                } else if !star, scalars[index] == "-" {
                    matchEnd = endOfLine(scalars, from: index + 1)
                }
            }
            let resume = matchEnd ?? lineStart
            if matchEnd != nil { found += 1 }
            guard let newline = scalars[resume...].firstIndex(of: "\n") else { break }
            lineStart = newline + 1
        }
        return found
    }

    /// Where `.*$` ends: the next newline, or the end.
    static func endOfLine(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
        guard index < scalars.count else { return scalars.count }
        return scalars[index...].firstIndex(of: "\n") ?? scalars.count
    }

    /// Speech-IFEval: lines starting (after spaces) with `*`, `-`, `•` or a digit.
    static func speechBullets(in text: String) -> Int {
        PythonText.lines(text).filter { line in
            guard let first = PythonText.strip(line).unicodeScalars.first else { return false }
            return first == "*" || first == "-" || first == "•" || ("0"..."9").contains(first)
        }.count
    }
}
