public import Foundation
public import HarkCore

/// Writes yes-no hallucination suites from labelled clips: for each clip, up to k objects it holds
/// ("yes") and as many it does not ("no"), the absent ones chosen at random, by popularity or
/// adversarially (by co-occurrence), deterministically from a seed.
///
/// Names are compared after the vocabulary's synonyms: no negative is the clip's own sound under
/// another name, nor a parent or child of it in the ontology. A clip with fewer than k objects (or
/// fewer than k absent candidates) gets as many probes of each label as it can, counted in
/// `reduced`; one with none is left out. Ties — equal popularity, equal co-occurrence — are broken
/// by a seeded draw per clip (not by name, which would make one object the negative of every clip).
/// Adversarial sampling scores candidates by co-occurrence with the clip's objects; where the
/// labels never co-occur (single-label data) it uses the ontology's siblings when one is given, and
/// otherwise falls back to popularity with a warning; the source is each item's `cooccurrence` tag.
public struct ProbeGenerator: Sendable {
    public static let kuan2024Templates = [
        "Is there a sound of {object} in the audio?",
        "Does the audio contain the sound of {object}?",
        "Have you noticed the sound of {object}?",
        "Can you hear the sound of {object}?",
        "Can you detect the sound of {object}?",
    ]

    public var k = 3
    public var seed: UInt64 = 0
    public var vocabulary = ObjectVocabulary()

    public init(k: Int = 3, seed: UInt64 = 0, vocabulary: ObjectVocabulary = ObjectVocabulary()) {
        self.k = k
        self.seed = seed
        self.vocabulary = vocabulary
    }

    public struct Probe: Sendable, Hashable {
        public var clip: String
        public var object: String
        public var label: YesNo
    }

    /// Where adversarial negatives come from.
    public enum CooccurrenceSource: String, Sendable {
        /// Labels that appear together in the clips.
        case labels
        /// Objects under the same parent in the ontology.
        case ontologySiblings = "ontology-siblings"
        /// None: popularity stands in.
        case none
    }

    public struct Output: Sendable {
        public var probes: [Probe] = []
        /// Clips left out, with the reason.
        public var skipped: [(clip: String, line: Int, reason: String)] = []
        /// Clips given fewer than k probes of each label.
        public var reduced = 0
        /// Adversarial runs: where the co-occurrence came from.
        public var cooccurrence: CooccurrenceSource?

        /// How often each object was asked as absent, most often first (ties by name).
        public var negativeCounts: [(object: String, count: Int)] {
            var counts: [String: Int] = [:]
            for probe in probes where probe.label == .no { counts[probe.object, default: 0] += 1 }
            return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
        }
    }

    public func generate(_ manifest: ClipManifest, sampling: NegativeSampling) -> Output {
        let clips = manifest.entries.map { entry in (entry, Set(entry.objects.map(vocabulary.name))) }
        var frequency: [String: Int] = [:]
        var cooccurrence: [String: [String: Int]] = [:]
        for (_, objects) in clips {
            for object in objects {
                frequency[object, default: 0] += 1
                for other in objects where other != object {
                    cooccurrence[object, default: [:]][other, default: 0] += 1
                }
            }
        }
        let universe = Set(frequency.keys).union(vocabulary.extra.map(vocabulary.name))
        let alphabetical = universe.sorted()
        var output = Output()
        var source = CooccurrenceSource.labels
        if sampling == .adversarial {
            source = !cooccurrence.isEmpty ? .labels : (vocabulary.parents.isEmpty ? .none : .ontologySiblings)
            output.cooccurrence = source
        }
        for (entry, present) in clips {
            let excluded = vocabulary.related(to: present, among: universe)
            let candidates = alphabetical.filter { !excluded.contains($0) }
            let count = min(k, present.count, candidates.count)
            guard count > 0 else {
                let reason = present.isEmpty ? "holds no objects" : "no object in the vocabulary is absent from it"
                output.skipped.append((entry.clip, entry.line, reason))
                continue
            }
            if count < k { output.reduced += 1 }
            var generator = SplitMix64(seed: StableHash.value(entry.clip, seed: seed))
            let positives = Array(generator.shuffled(present.sorted()).prefix(count))
            // A seeded rank per clip breaks ties.
            let tieSeed = StableHash.value(entry.clip, seed: seed &+ 1)
            func tie(_ candidate: String) -> UInt64 { StableHash.value(candidate, seed: tieSeed) }
            func popularity(_ candidate: String) -> Int { frequency[candidate] ?? 0 }
            func closeness(_ candidate: String) -> Int {
                switch source {
                case .labels: present.reduce(0) { $0 + (cooccurrence[$1]?[candidate] ?? 0) }
                case .ontologySiblings:
                    present.filter { !vocabulary.parents($0).isDisjoint(with: vocabulary.parents(candidate)) }.count
                case .none: 0
                }
            }
            let negatives: [String]
            switch sampling {
            case .random:
                negatives = Array(generator.shuffled(candidates).prefix(count))
            case .popular:
                negatives = Array(
                    candidates.sorted { (popularity($0), tie($0)) > (popularity($1), tie($1)) }.prefix(count))
            case .adversarial:
                negatives = Array(
                    candidates.sorted {
                        (closeness($0), popularity($0), tie($0)) > (closeness($1), popularity($1), tie($1))
                    }.prefix(count))
            }
            output.probes += positives.sorted().map { Probe(clip: entry.clip, object: $0, label: .yes) }
            output.probes += negatives.map { Probe(clip: entry.clip, object: $0, label: .no) }
        }
        return output
    }

    /// Writes a suite folder: `suite.yaml` and `items.jsonl`; clips stay where they are, found
    /// through `audioRoot` (relative to the folder).
    /// Adversarial suites tag each item with where its co-occurrence came from.
    public static func writeSuite(
        _ output: Output, id: String, sampling: NegativeSampling, templates: [String], prefix: String?,
        audioRoot: String,
        to directory: URL
    ) throws {
        guard !output.probes.isEmpty else {
            throw HarkError.badInput(
                "no probes: every clip was left out (\(output.skipped.count) clips), so the \(sampling.rawValue) suite would be empty"
            )
        }
        var tags: [String: JSONValue] = ["sampling": .string(sampling.rawValue)]
        if let source = output.cooccurrence { tags["cooccurrence"] = .string(source.rawValue) }
        var counters: [String: Int] = [:]
        let items = output.probes.map { probe -> JSONValue in
            let stem = (probe.clip as NSString).deletingPathExtension.replacingOccurrences(of: "/", with: "_")
            let base = "\(stem)-\(probe.label.rawValue)"
            counters[base, default: 0] += 1
            return .object([
                "id": .string("\(base)-\(counters[base] ?? 0)"), "audio": .string(probe.clip),
                "object": .string(probe.object),
                "label": .string(probe.label.rawValue), "tags": .object(tags),
            ])
        }
        try SuiteWriter.write(
            id: id, task: .yesNo,
            description: "Object-hallucination probes, \(sampling.rawValue) negatives (hark probes generate)",
            audioRoot: audioRoot, prompt: SuiteManifest.Prompt(prefix: prefix, templates: templates),
            scoring: "{extractor: default, positive_class: \"no\", policy: hark}", items: items, to: directory)
    }
}
