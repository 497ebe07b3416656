import Foundation
import Synchronization

/// Cancels attempts that outlive their deadline, for every in-flight request at once, with one
/// timer that ticks every 50 ms. (A sleeping child task per request would keep its timer, and its
/// memory, until the deadline even after the answer came: memory would grow with the run.)
final class TimeoutWatch: Sendable {
    private struct Entry {
        var deadline: Date
        var cancel: @Sendable () -> Void
    }

    private let entries = Mutex<[Int: Entry]>([:])
    private let nextID = Mutex(0)
    private let ticker = Mutex<Task<Void, Never>?>(nil)

    /// Starts the ticker; `stop` ends it.
    func start() {
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 50_000_000)
                self?.expire(now: Date())
            }
        }
        ticker.withLock { $0 = task }
    }

    func stop() {
        ticker.withLock { $0?.cancel() }
    }

    /// Watches one attempt; `cancel` runs once if the deadline passes first. Returns the id to `release`.
    func watch(until deadline: Date, cancel: @escaping @Sendable () -> Void) -> Int {
        let id = nextID.withLock { id in
            id += 1
            return id
        }
        entries.withLock { $0[id] = Entry(deadline: deadline, cancel: cancel) }
        return id
    }

    func release(_ id: Int) {
        _ = entries.withLock { $0.removeValue(forKey: id) }
    }

    private func expire(now: Date) {
        let expired = entries.withLock { entries -> [Entry] in
            let due = entries.filter { $0.value.deadline <= now }
            for id in due.keys { entries[id] = nil }
            return Array(due.values)
        }
        for entry in expired { entry.cancel() }
    }
}
