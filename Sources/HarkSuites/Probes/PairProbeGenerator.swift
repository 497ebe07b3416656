public import Foundation
public import HarkCore

/// Multi-audio probes from labelled clips, with ground truth that follows from the labels alone.
/// Clips are paired by a seeded shuffle (each clip first in one pair, second in another), and
/// each pair (first, second) is asked:
///
/// - `which-clip` (multiple choice): "Which clip contains the sound of {object}: the first or the
///   second?", for an object in exactly one of the two;
/// - `both` (yes-no): "Do both clips contain the sound of {object}?", once for an object in both
///   ("yes", when there is one) and once for an object in only one ("no");
/// - `second-new` (yes-no): "Does the second clip contain a sound that the first does not?",
///   "yes" when the second clip's labels are not all among the first's.
///
/// Objects are compared by their vocabulary names (synonyms merged). Pairs with the same labels
/// give no `which-clip` or `both`-"no" probe.
public struct PairProbeGenerator: Sendable {
    public static let whichClipTemplate = "Which clip contains the sound of {object}: the first or the second?"
    public static let bothTemplate = "Do both clips contain the sound of {object}?"
    public static let secondNewQuestion = "Does the second clip contain a sound that the first does not?"

    public var seed: UInt64
    public var vocabulary: ObjectVocabulary

    public init(seed: UInt64 = 0, vocabulary: ObjectVocabulary = ObjectVocabulary()) {
        self.seed = seed
        self.vocabulary = vocabulary
    }

    public struct Output: Sendable {
        /// Yes-no items (`both`, `second-new`).
        public var yesNo: [JSONValue] = []
        /// Multiple-choice items (`which-clip`).
        public var choice: [JSONValue] = []
    }

    /// The pairs of labelled clips, by a seeded shuffle: each clip first in one pair and second in
    /// the next; none for fewer than two labelled clips.
    public func pairs(_ manifest: ClipManifest) -> [(first: ClipManifest.Entry, second: ClipManifest.Entry)] {
        let clips = manifest.entries.filter { !$0.objects.isEmpty }
        guard clips.count >= 2 else { return [] }
        var generator = SplitMix64(seed: seed)
        let order = generator.permutation(of: clips.count)
        return order.indices.map { position in (clips[order[position]], clips[order[(position + 1) % order.count]]) }
    }

    public func generate(_ manifest: ClipManifest) -> Output {
        var output = Output()
        for (position, (first, second)) in pairs(manifest).enumerated() {
            let firstObjects = Set(first.objects.map(vocabulary.name))
            let secondObjects = Set(second.objects.map(vocabulary.name))
            let pairID = "p\(position)"
            let audio = JSONValue.array([.string(first.clip), .string(second.clip)])
            var pairGenerator = SplitMix64(seed: StableHash.value(first.clip + "\n" + second.clip, seed: seed))
            func pick(_ candidates: Set<String>) -> String? {
                let sorted = candidates.sorted()
                return sorted.isEmpty ? nil : sorted[Int(pairGenerator.next() % UInt64(sorted.count))]
            }
            func tags(_ probe: String) -> JSONValue {
                .object(["probe": .string(probe), "pair": .string(pairID)])
            }
            let onlyOne = firstObjects.symmetricDifference(secondObjects)
            if let object = pick(onlyOne) {
                output.choice.append(
                    .object([
                        "id": .string("\(pairID)-which"), "audio": audio,
                        "question": .string(Template.render(Self.whichClipTemplate, ["object": object])),
                        "choices": .array([.string("first"), .string("second")]),
                        "answer": .string(firstObjects.contains(object) ? "first" : "second"),
                        "tags": tags("which-clip"),
                    ]))
                output.yesNo.append(yesNo("\(pairID)-both-no", audio, object: object, label: .no, tags: tags("both")))
            }
            if let object = pick(firstObjects.intersection(secondObjects)) {
                output.yesNo.append(yesNo("\(pairID)-both-yes", audio, object: object, label: .yes, tags: tags("both")))
            }
            let label: YesNo = secondObjects.isSubset(of: firstObjects) ? .no : .yes
            output.yesNo.append(
                .object([
                    "id": .string("\(pairID)-second-new"), "audio": audio, "question": .string(Self.secondNewQuestion),
                    "label": .string(label.rawValue), "tags": tags("second-new"),
                ]))
        }
        return output
    }

    func yesNo(_ id: String, _ audio: JSONValue, object: String, label: YesNo, tags: JSONValue) -> JSONValue {
        .object([
            "id": .string(id), "audio": audio,
            "question": .string(Template.render(Self.bothTemplate, ["object": object])),
            "object": .string(object), "label": .string(label.rawValue), "tags": tags,
        ])
    }

    /// Writes the two suites, `<id>-pairs` (yes-no) and `<id>-which-clip` (multiple choice, the
    /// choices already in the question), under `directory`.
    public static func writeSuites(_ output: Output, id: String, audioRoot: String, to directory: URL) throws -> [URL] {
        let yesNo = directory.appendingPathComponent("\(id)-pairs")
        try SuiteWriter.write(
            id: "\(id)-pairs", task: .yesNo, description: "Multi-audio yes-no probes on clip pairs (hark probes pairs)",
            audioRoot: URL(fileURLWithPath: audioRoot).path(relativeTo: yesNo),
            scoring: "{extractor: default, positive_class: \"no\", policy: hark}", items: output.yesNo, to: yesNo)
        let choice = directory.appendingPathComponent("\(id)-which-clip")
        try SuiteWriter.write(
            id: "\(id)-which-clip", task: .multipleChoice,
            description: "Which of two clips holds a sound (hark probes pairs)",
            audioRoot: URL(fileURLWithPath: audioRoot).path(relativeTo: choice),
            prompt: SuiteManifest.Prompt(choices: .none),
            scoring: "{extractor: default}", items: output.choice, to: choice)
        return [yesNo, choice]
    }
}
