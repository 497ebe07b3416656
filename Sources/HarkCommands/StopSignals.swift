import Foundation
import HarkRun
import Synchronization

/// Signals received and not yet handled, written by the C handler (lock-free atomics only).
private let signalCount = Atomic<Int>(0)
private let lastSignal = Atomic<Int32>(0)

/// SIGINT and SIGTERM during `hark run`: the first stops intake and lets the requests in flight
/// finish for `grace` seconds; a second signal, or the end of the grace, cancels them. Either way
/// the run then writes its manifest and stops its worker. A plain handler counts the signals and a
/// task acts on them every 50 ms (a dispatch signal source can miss a signal sent while it is
/// still being registered).
final class StopSignals {
    private let watcher: Task<Void, Never>

    init(stop: RunStop, grace: Double, cancel: @escaping @Sendable () -> Void) {
        // Both globals are touched here first: a Swift global is made on first use, which a
        // signal handler must never be the one to do.
        signalCount.store(0, ordering: .sequentiallyConsistent)
        lastSignal.store(0, ordering: .sequentiallyConsistent)
        for number in [SIGINT, SIGTERM] {
            signal(number) { received in
                lastSignal.store(received, ordering: .sequentiallyConsistent)
                signalCount.add(1, ordering: .sequentiallyConsistent)
            }
        }
        let context = CommandContext.current
        watcher = Task.detached { [stop, cancel] in
            await CommandContext.$current.withValue(context) {
                await StopSignals.watch(stop: stop, grace: grace, cancel: cancel)
            }
        }
    }

    /// Acts on the signals counted: the first stops intake, a second or the end of the grace cancels.
    private static func watch(stop: RunStop, grace: Double, cancel: @Sendable () -> Void) async {
        var deadline: Date?
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 50_000_000)
            let count = signalCount.load(ordering: .sequentiallyConsistent)
            guard count > 0 else { continue }
            let number = lastSignal.load(ordering: .sequentiallyConsistent)
            let name = number == SIGINT ? "SIGINT" : "SIGTERM"
            if deadline == nil {
                stop.request(signal: number)
                deadline = Date().addingTimeInterval(grace)
                Terminal.error(
                    "\nhark: \(name): sending no more requests; waiting up to \(seconds(grace)) s for those in flight "
                        + "(\(name) again stops at once)")
            }
            if count > 1 {
                Terminal.error("\nhark: \(name) again: stopping now")
                cancel()
                return
            }
            if let deadline, Date() >= deadline {
                Terminal.error("\nhark: the grace of \(seconds(grace)) s is over: cancelling the requests in flight")
                cancel()
                return
            }
        }
    }

    /// Restores the default handling.
    func end() {
        watcher.cancel()
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// The command line that continues the run: this one with `--resume`.
    static func resumeCommand(_ arguments: [String] = CommandContext.current.arguments) -> String {
        var words = ["hark"] + arguments
        if !words.contains("--resume") { words.append("--resume") }
        return words.map(shellQuoted).joined(separator: " ")
    }

    private static func shellQuoted(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "-_./=:,@+".unicodeScalars.contains($0)
        }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
