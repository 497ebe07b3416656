/// `detectable_format:title`: some match of `<<[^\n]+>>` is not blank once its outer `<` and `>`
/// are stripped. A match runs from a line's first usable `<<` to the last `>>` on that line.
struct Title: IFEvalCheck {
    init(_ arguments: IFEvalArguments) {}

    func isFollowed(by response: String) -> Bool {
        PythonText.lines(response).contains { line in
            guard let title = Self.match(in: Array(line.unicodeScalars)) else { return false }
            var inner = title[...]
            while inner.first == "<" { inner.removeFirst() }
            while inner.last == ">" { inner.removeLast() }
            return inner.contains { !PythonText.isWhitespace($0) }
        }
    }

    /// The first match of `<<[^\n]+>>` in a line (greedy: to the last `>>` that leaves one
    /// character or more between).
    static func match(in line: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard line.count >= 5 else { return nil }
        for start in 0..<(line.count - 4) where line[start] == "<" && line[start + 1] == "<" {
            var end = line.count - 2
            while end >= start + 3 {
                if line[end] == ">" && line[end + 1] == ">" { return Array(line[start..<end + 2]) }
                end -= 1
            }
        }
        return nil
    }
}
