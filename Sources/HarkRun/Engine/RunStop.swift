public import HarkCore
import Synchronization

/// A request to stop a run early (SIGINT, SIGTERM): the engine sends no new request once it is
/// made, and the session ends with `RunStopped` after journaling what was answered.
public final class RunStop: Sendable {
    private let signal = Mutex<Int32?>(nil)

    public init() {}

    /// Records the stop; returns false when one was already requested.
    @discardableResult
    public func request(signal number: Int32) -> Bool {
        signal.withLock { current in
            guard current == nil else { return false }
            current = number
            return true
        }
    }

    public var isRequested: Bool { signal.withLock { $0 != nil } }

    /// The signal that asked for the stop.
    public var requestedBy: Int32? { signal.withLock { $0 } }
}

/// A run stopped before every planned sample was asked; its journal and manifest are written and
/// `--resume` continues it.
public struct RunStopped: Error, ExitCoded, CustomStringConvertible {
    public var signal: Int32?
    public var answered: Int
    public var planned: Int

    public var exitStatus: ExitStatus { signal == 15 ? .terminated : .interrupted }

    public var description: String {
        let by =
            switch signal {
            case 15: "SIGTERM"
            case 2: "SIGINT"
            default: "cancellation"
            }
        return "stopped by \(by): \(answered) of \(planned) planned samples answered, the manifest's counts written"
    }
}
