import Dispatch
import Foundation
import HarkRun

/// SIGINT and SIGTERM during `hark run`: the first stops intake and lets the requests in flight
/// finish for `grace` seconds; a second signal, or the end of the grace, cancels them. Either way
/// the run then writes its manifest and stops its worker.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    init(stop: RunStop, grace: Double, cancel: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "hark.signals")
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            let name = number == SIGINT ? "SIGINT" : "SIGTERM"
            source.setEventHandler {
                guard stop.request(signal: number) else {
                    Terminal.error("\nhark: \(name) again: stopping now")
                    cancel()
                    return
                }
                Terminal.error(
                    "\nhark: \(name): sending no more requests; waiting up to \(Self.seconds(grace)) s for those in flight "
                        + "(\(name) again stops at once)")
                queue.asyncAfter(deadline: .now() + grace, execute: cancel)
            }
            source.resume()
            return source
        }
    }

    /// Restores the default handling.
    func end() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// The command line that continues the run: this one with `--resume`.
    static func resumeCommand(_ arguments: [String] = CommandLine.arguments) -> String {
        var words = ["hark"] + arguments.dropFirst()
        if !words.contains("--resume") { words.append("--resume") }
        return words.map(shellQuoted).joined(separator: " ")
    }

    private static func shellQuoted(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./=:,@+".unicodeScalars.contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
