public import Foundation
public import HarkCore

/// Why a clip could not be used, with the file it concerns.
public struct AudioError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case missing
        case unreadable(String)
        /// The bytes are not audio libsndfile recognises.
        case notAudio(String)
        /// Audio, but in an encoding this libsndfile build cannot decode.
        case unsupportedFormat(String)
        /// The file is cut short: fewer frames than its header announced, or a broken stream.
        case truncated(String)
        case zeroFrames
        /// A NaN or infinite sample at the given frame.
        case nonFiniteSamples(frame: Int)
        /// Anything else libsndfile or libsoxr reported, in its own words.
        case library(String)
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public init(url: URL, reason: Reason) {
        self.init(path: url.path, reason: reason)
    }

    public var description: String {
        let why: String =
            switch reason {
            case .missing: "no such file"
            case .unreadable(let message): "cannot be read (\(message))"
            case .notAudio(let message): "not an audio file (libsndfile: \(message))"
            case .unsupportedFormat(let message): "unsupported audio format (libsndfile: \(message))"
            case .truncated(let message): "truncated audio (\(message))"
            case .zeroFrames: "no audio frames"
            case .nonFiniteSamples(let frame): "NaN or infinite sample at frame \(frame)"
            case .library(let message): message
            }
        return "\(path): \(why)"
    }
}

extension AudioError: ExitCoded {
    /// A clip that cannot be read is bad input.
    public var exitStatus: ExitStatus { .badInput }
}
