import Foundation

/// Wall-clock and CPU time of repeated runs of one piece of work, summarised by medians.
struct Measurement {
    var wall: [Double] = []
    var cpu: [Double] = []

    static func of(repeats: Int, warmup: Bool = true, _ work: () throws -> Void) rethrows -> Measurement {
        if warmup { try work() }
        var measurement = Measurement()
        for _ in 0..<repeats {
            let (wallStart, cpuStart) = (monotonicSeconds(), cpuSeconds())
            try work()
            measurement.wall.append(monotonicSeconds() - wallStart)
            measurement.cpu.append(cpuSeconds() - cpuStart)
        }
        return measurement
    }

    var medianWall: Double { Self.median(wall) }
    var medianCPU: Double { Self.median(cpu) }
    var spread: String {
        String(format: "min %.1f / max %.1f ms", (wall.min() ?? 0) * 1_000, (wall.max() ?? 0) * 1_000)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// CPU time of the whole process (every thread), to show the work stays on one core.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
