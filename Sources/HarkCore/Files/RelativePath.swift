public import Foundation

extension URL {
    /// This file's path relative to the folder `base` ("../clips/a.wav"), so that links and
    /// `audio_root`s written into suites and reports survive moving the tree.
    public func path(relativeTo base: URL) -> String {
        let source = base.standardizedFileURL.pathComponents
        let target = standardizedFileURL.pathComponents
        let common = zip(source, target).prefix { $0 == $1 }.count
        let path = Array(repeating: "..", count: source.count - common) + target.dropFirst(common)
        return path.isEmpty ? "." : path.joined(separator: "/")
    }
}
