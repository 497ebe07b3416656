import Synchronization

/// Picks the endpoint with the fewest requests in flight (the lowest index on a tie).
final class EndpointBalancer: Sendable {
    private let inFlight: Mutex<[Int]>

    init(count: Int) {
        inFlight = Mutex([Int](repeating: 0, count: count))
    }

    func acquire() -> Int {
        inFlight.withLock { counts in
            let index = counts.indices.min { counts[$0] < counts[$1] } ?? 0
            counts[index] += 1
            return index
        }
    }

    func release(_ index: Int) {
        inFlight.withLock { $0[index] -= 1 }
    }
}
