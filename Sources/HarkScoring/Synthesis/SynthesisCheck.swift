public import HarkCore

/// Checks a training answer a text model wrote before it is kept, reading it as hark reads a
/// model's answers: the yes/no reader (`DefaultYesNoExtractor`) for the answer to a negative's
/// question, and the caption reader (`CaptionReader`, the AudioSet vocabulary with the manifest's
/// labels) for the sounds an answer asserts or denies.
public struct SynthesisCheck: Sendable {
    /// Why an answer is refused.
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        /// No answer, or only blanks.
        case empty
        /// A negative answer that says the absent sound is there ("yes", or the object asserted).
        case affirmsAbsent = "affirms-absent"
        /// A negative answer whose yes/no cannot be read.
        case noDecision = "no-decision"
        /// An answer that denies a sound labelled present ("there is no dog").
        case deniesPresent = "denies-present"
        /// An answer that names none of the sounds labelled present.
        case mentionsNone = "mentions-none"
        /// An answer that asserts a sound no clip is labelled with: the text model made it up.
        case mentionsUnlabelled = "mentions-unlabelled"
    }

    public struct Refusal: Sendable, Hashable {
        public var reason: Reason
        /// The words of the answer that decided it.
        public var detail: String
    }

    /// The objects a mention was read as.
    static func names(_ mention: CaptionMention) -> [String] {
        (mention.object ?? "").components(separatedBy: ", ").filter { !$0.isEmpty }
    }

    /// One name is the other, or holds all its words ("dog" and the label "dog barking").
    static func same(_ first: String, _ second: String) -> Bool {
        let one = Set(first.lowercased().split(separator: " "))
        let other = Set(second.lowercased().split(separator: " "))
        return one.isSubset(of: other) || other.isSubset(of: one)
    }

    private let reader: CaptionReader
    private let yesNo = DefaultYesNoExtractor()

    /// `labels`: every object the clips are labelled with; `synonyms` maps other names to them.
    public init(labels: Set<String>, synonyms: [String: String] = [:]) {
        reader = CaptionReader(vocabulary: SoundVocabulary(source: .audioset, labels: labels, synonyms: synonyms))
    }

    /// Why the answer is refused, or nil to keep it. `present`: the objects labelled in the clips;
    /// `object`: a negative's absent object.
    public func check(_ answer: String, kind: SynthesisKind, present: Set<String>, object: String?) -> Refusal? {
        guard !answer.allSatisfy(\.isWhitespace) else { return Refusal(reason: .empty, detail: "") }
        let labels = Set(present.map { $0.lowercased() })
        let asked = object.map { $0.lowercased() }
        let reading = reader.read(answer, labels: labels.union(asked.map { [$0] } ?? []))
        if let asked {
            switch yesNo.read(answer, object: asked).answer {
            case .yes?: return Refusal(reason: .affirmsAbsent, detail: "answers yes")
            case .no?: break
            case nil: return Refusal(reason: .noDecision, detail: "no yes or no to the question")
            }
            if let mention = reading.mentions.first(where: { mention in
                mention.ignored == nil && Self.names(mention).contains { Self.same($0, asked) }
            }) {
                return Refusal(reason: .affirmsAbsent, detail: mention.text)
            }
        }
        func isLabel(_ object: String) -> Bool { labels.contains { Self.same($0, object) } }
        // Two clips may each lack what the other has: a denial there is a difference, not an error.
        if !kind.isMultiAudio {
            for mention in reading.mentions where mention.ignored == "negated" {
                let denied = reader.read(mention.text, labels: labels).objects
                if denied.contains(where: isLabel) { return Refusal(reason: .deniesPresent, detail: mention.text) }
            }
        }
        let asserted = reading.objects.filter { object in asked.map { !Self.same(object, $0) } ?? true }
        if !asserted.contains(where: isLabel) {
            return Refusal(reason: .mentionsNone, detail: reading.objects.sorted().joined(separator: ", "))
        }
        if let invented = asserted.sorted().first(where: { !isLabel($0) }),
            let mention = reading.mentions.first(where: { Self.names($0).contains(invented) })
        {
            return Refusal(reason: .mentionsUnlabelled, detail: mention.text)
        }
        return nil
    }
}
