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

    /// What the watcher does after a look at the signals counted.
    enum Step: Equatable {
        /// Nothing yet: no signal, or the grace still running.
        case wait
        /// The first signal: stop intake, and cancel at `deadline`.
        case stopIntake(deadline: Date)
        /// A second signal: cancel now.
        case cancelAgain
        /// The grace is over: cancel now.
        case cancelAfterGrace
    }

    /// The first signal stops intake and sets the deadline `grace` seconds on; a second signal, or
    /// the deadline passing, cancels.
    static func step(signals count: Int, deadline: Date?, now: Date, grace: Double) -> Step {
        guard count > 0 else { return .wait }
        if count > 1 { return .cancelAgain }
        guard let deadline else { return .stopIntake(deadline: now.addingTimeInterval(grace)) }
        return now >= deadline ? .cancelAfterGrace : .wait
    }

    /// Acts on the signals counted, every 50 ms, as `step` says.
    private static func watch(stop: RunStop, grace: Double, cancel: @Sendable () -> Void) async {
        var deadline: Date?
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 50_000_000)
            let count = signalCount.load(ordering: .sequentiallyConsistent)
            let name = lastSignal.load(ordering: .sequentiallyConsistent) == SIGINT ? "SIGINT" : "SIGTERM"
            let step = step(signals: count, deadline: deadline, now: Date(), grace: grace)
            if step == .wait { continue }
            if deadline == nil {
                // The first look at a signal (both may have come before it): intake stops.
                stop.request(signal: lastSignal.load(ordering: .sequentiallyConsistent))
                Terminal.error(
                    "\nhark: \(name): sending no more requests; waiting up to \(seconds(grace)) s for those in flight "
                        + "(\(name) again stops at once)")
            }
            switch step {
            case .wait: continue
            case .stopIntake(let at):
                deadline = at
                continue
            case .cancelAgain: Terminal.error("\nhark: \(name) again: stopping now")
            case .cancelAfterGrace:
                Terminal.error("\nhark: the grace of \(seconds(grace)) s is over: cancelling the requests in flight")
            }
            cancel()
            return
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
