public import Foundation

/// A clip as a request carries it: the path relative to the suite's audio root, where it is on
/// this machine, its content hash and duration. Journals keep all but the location; audio bytes
/// are never written anywhere.
public struct Clip: Sendable, Hashable, Codable {
    public var path: String
    public var sha256: String
    public var seconds: Double
    /// The file on this machine; not recorded.
    public var location: URL?

    public init(path: String, sha256: String, seconds: Double, location: URL? = nil) {
        self.path = path
        self.sha256 = sha256
        self.seconds = seconds
        self.location = location
    }

    enum CodingKeys: String, CodingKey {
        case path, sha256, seconds
    }
}
