/// `detectable_format:number_bullet_lists`: exactly n matches of `^\s*\*[^\*].*$` plus
/// `^\s*-.*$` (multiline), matched as Python's `re.findall` does — including a blank-line run
/// that `\s*` crosses and a `[^\*]` that takes a newline.
///
/// The `speech-ifeval` profile adds `^\s*•.*$` and `^\s*\d.*$` to the sum, and first reads a
/// literal backslash-n in the text as a newline.
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
            return Self.matches(scalars, marker: .star) + Self.matches(scalars, marker: .dash) == count
        }
        let scalars = Array(response.replacingOccurrences(of: "\\n", with: "\n").unicodeScalars)
        return Marker.allCases.reduce(0) { $0 + Self.matches(scalars, marker: $1) } == count
    }

    /// What starts a bullet: `\*[^\*]` and `-` in IFEval; Speech-IFEval adds `•` and `\d`.
    enum Marker: CaseIterable {
        case star, dash, dot, digit

        /// Where the marker that starts at `index` ends, if one does.
        func end(in scalars: [Unicode.Scalar], at index: Int) -> Int? {
            let scalar = scalars[index]
            switch self {
            case .star: return scalar == "*" && index + 1 < scalars.count && scalars[index + 1] != "*" ? index + 2 : nil
            case .dash: return scalar == "-" ? index + 1 : nil
            case .dot: return scalar == "•" ? index + 1 : nil
            case .digit: return PythonText.isDigit(scalar) ? index + 1 : nil
            }
        }
    }

    /// `len(re.findall(r"^\s*MARKER.*$", text, re.M))` for one marker.
    static func matches(_ scalars: [Unicode.Scalar], marker: Marker) -> Int {
        var found = 0
        var lineStart = 0
        while lineStart <= scalars.count {
            var index = lineStart
            while index < scalars.count, PythonText.isRegexSpace(scalars[index]) { index += 1 }
            var matchEnd: Int?
            if index < scalars.count, let markerEnd = marker.end(in: scalars, at: index) {
                matchEnd = endOfLine(scalars, from: markerEnd)
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
}
