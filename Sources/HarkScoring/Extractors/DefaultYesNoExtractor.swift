public import HarkCore
import Synchronization

/// hark's yes/no reading: the way a careful person reads an answer, in 16 languages, and why when
/// it cannot (see `DefaultReading` for its layers). Uses the asked object where the suite gives
/// one, to read descriptions that name it ("A dog can be heard barking").
///
/// Models repeat themselves ("Yes.", "No, there is no dog barking in the audio."), so readings are
/// remembered: a bounded table of answers already read, per object, shared by the copies of one
/// extractor.
public struct DefaultYesNoExtractor: YesNoExtractor {
    public static let name = "default"

    private let memo: ReadingMemo?

    /// `remembering: false` reads every answer afresh (to measure the reading itself).
    public init(remembering: Bool = true) {
        memo = remembering ? ReadingMemo() : nil
    }

    public func extract(_ response: String) -> YesNo? {
        read(response, object: nil).answer
    }

    public func read(_ response: String, object: String?) -> YesNoReading {
        guard let memo else { return DefaultReading.read(response, object: object) }
        return memo.reading(of: response, object: object) {
            DefaultReading.read(response, presence: memo.presence(of: object))
        }
    }
}

/// Answers already read, keyed by object and answer, and each object's prepared words; emptied
/// when it reaches its capacity, so that memory stays bounded however many distinct answers a run
/// has.
final class ReadingMemo: Sendable {
    struct Key: Hashable {
        var object: String?
        var response: String
    }

    static let capacity = 16_384
    private let readings = Mutex<[Key: YesNoReading]>([:])
    private let presences = Mutex<[String: ObjectPresence]>([:])

    /// The object's words and synonyms, prepared once per object rather than once per answer.
    func presence(of object: String?) -> ObjectPresence {
        guard let object else { return ObjectPresence(object: nil) }
        if let known = presences.withLock({ $0[object] }) { return known }
        let presence = ObjectPresence(object: object)
        presences.withLock { table in
            if table.count >= Self.capacity { table.removeAll(keepingCapacity: true) }
            table[object] = presence
        }
        return presence
    }

    func reading(of response: String, object: String?, read: () -> YesNoReading) -> YesNoReading {
        let key = Key(object: object, response: response)
        if let known = readings.withLock({ $0[key] }) { return known }
        let reading = read()
        readings.withLock { table in
            if table.count >= Self.capacity { table.removeAll(keepingCapacity: true) }
            table[key] = reading
        }
        return reading
    }
}
