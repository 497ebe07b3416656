public import HarkCore

/// hark's yes/no reading: the way a careful person reads an answer, in 16 languages, and why when
/// it cannot (see `DefaultReading` for its layers). Uses the asked object where the suite gives
/// one, to read descriptions that name it ("A dog can be heard barking").
public struct DefaultYesNoExtractor: YesNoExtractor {
    public static let name = "default"

    public init() {}

    public func extract(_ response: String) -> YesNo? {
        read(response, object: nil).answer
    }

    public func read(_ response: String, object: String?) -> YesNoReading {
        DefaultReading.read(response, object: object)
    }
}
