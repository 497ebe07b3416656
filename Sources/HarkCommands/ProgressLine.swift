import Foundation
import HarkRun
import Synchronization

/// Shows a run's progress on standard error: a live line on a terminal, a plain line every few
/// seconds otherwise (CI logs).
final class ProgressLine: Sendable {
    private let isTerminal = CommandContext.current.ownsProcess && isatty(STDERR_FILENO) != 0
    private let interval: Double
    private let lastShown = Mutex<Double>(0)

    init(interval: Double = 5) {
        self.interval = interval
    }

    func show(_ progress: RunProgress) {
        let now = Date().timeIntervalSince1970
        let finished = progress.done == progress.total
        let due = lastShown.withLock { last -> Bool in
            let wait = isTerminal ? 0.1 : interval
            guard finished || now - last >= wait else { return false }
            last = now
            return true
        }
        guard due else { return }
        let eta = progress.eta.map { String(format: "ETA %.0f s", $0) } ?? "ETA -"
        let line = String(
            format: "%d/%d samples  %.1f/s  %@  errors %d  cache hits %d  in flight ≤%d", progress.done, progress.total,
            progress.rate, eta, progress.errors, progress.cacheHits, progress.concurrency)
        if isTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line + (finished ? "\n" : "")).utf8))
        } else {
            Terminal.error(line)
        }
    }
}
