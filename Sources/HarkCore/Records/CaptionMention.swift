/// A sound object a caption mentions, or a mention it does not count, with the text that made it:
/// what a user audits ECHO by, in `scores.jsonl`.
public struct CaptionMention: Sendable, Hashable, Codable {
    /// The object counted (a label of the suite, or the sound class's name); nil when ignored.
    public var object: String?
    /// The words as the caption writes them, and where they start (in Unicode scalars); for an
    /// object a judge listed, its words as listed, and where the caption has them, if it does.
    public var text: String
    public var at: Int?
    /// Why the words are no mention: `negated` ("no dog barking"), `compound` ("dog-like"),
    /// `broader than a label` ("an animal" when a dog is labelled).
    public var ignored: String?

    public init(object: String?, text: String, at: Int?, ignored: String? = nil) {
        self.object = object
        self.text = text
        self.at = at
        self.ignored = ignored
    }
}
