import Foundation

/// The exit codes of every hark command, decided here and nowhere else: 0 ok, 1 a gate or
/// threshold failed, 2 bad input or usage, 3 run incomplete, 4 internal error (hark's own fault,
/// or the machine's: a full disk, an I/O error), 130 and 143 a run stopped by SIGINT or SIGTERM
/// (128 + the signal, as shells report it). An error hark does not know is internal, never 1,
/// which CI reads as "regression".
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case ok = 0
    case failed = 1
    case badInput = 2
    case incomplete = 3
    case internalError = 4
    case interrupted = 130
    case terminated = 143

    /// The status an error ends a command with.
    public static func of(_ error: any Error) -> ExitStatus {
        switch error {
        case let coded as any ExitCoded: return coded.exitStatus
        case is DecodingError: return .badInput
        case let cocoa as CocoaError: return cocoa.isWriteError ? .internalError : .badInput
        default: return .internalError
        }
    }
}

/// An error that knows the status it ends a command with.
public protocol ExitCoded: Error {
    var exitStatus: ExitStatus { get }
}

extension HarkError: ExitCoded {
    public var exitStatus: ExitStatus {
        switch kind {
        case .badInput: .badInput
        case .incomplete: .incomplete
        case .internal: .internalError
        }
    }
}

extension CocoaError {
    /// Writing failed (a full disk, a read-only volume): the machine's fault, not the input's.
    var isWriteError: Bool {
        (CocoaError.Code.fileWriteUnknown.rawValue...CocoaError.Code.fileWriteVolumeReadOnly.rawValue).contains(
            code.rawValue)
    }
}
