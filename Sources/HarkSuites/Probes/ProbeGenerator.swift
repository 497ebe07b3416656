public import Foundation
public import HarkCore

/// Writes yes-no hallucination suites from labelled clips: for each clip, k objects it holds
/// ("yes") and k it does not ("no"), the absent ones chosen at random, by popularity or
/// adversarially (by co-occurrence), deterministically from a seed.
///
/// Ties are broken by a fixed rule: popular — higher corpus frequency, then name (Unicode order);
/// adversarial — higher co-occurrence, then higher frequency, then name. Present objects, when a
/// clip holds more than k, are a seeded sample. Clips with fewer than k objects, or too few absent
/// candidates, are reported and left out.
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

    public struct Output: Sendable {
        public var probes: [Probe] = []
        /// Clips left out, with the reason.
        public var skipped: [(clip: String, line: Int, reason: String)] = []
    }

    public func generate(_ manifest: ClipManifest, sampling: NegativeSampling) -> Output {
        let clips = manifest.entries.map { entry in (entry, Set(entry.objects.map(vocabulary.name))) }
        var frequency: [String: Int] = [:]
        var cooccurrence: [String: [String: Int]] = [:]
        for (_, objects) in clips {
            for object in objects {
                frequency[object, default: 0] += 1
                for other in objects where other != object { cooccurrence[object, default: [:]][other, default: 0] += 1 }
            }
        }
        let universe = Set(frequency.keys).union(vocabulary.extra)
        let alphabetical = universe.sorted()
        var output = Output()
        for (entry, present) in clips {
            guard present.count >= k else {
                output.skipped.append((entry.clip, entry.line, "holds \(present.count) objects, fewer than k = \(k)"))
                continue
            }
            let excluded = vocabulary.related(to: present, among: universe)
            let candidates = alphabetical.filter { !excluded.contains($0) }
            guard candidates.count >= k else {
                output.skipped.append((entry.clip, entry.line, "only \(candidates.count) objects are absent from it, fewer than k = \(k)"))
                continue
            }
            var generator = SplitMix64(seed: StableHash.value(entry.clip, seed: seed))
            let positives = Array(generator.shuffled(present.sorted()).prefix(k))
            let negatives: [String]
            switch sampling {
            case .random:
                negatives = Array(generator.shuffled(candidates).prefix(k))
            case .popular:
                negatives = Array(candidates.sorted { (frequency[$0] ?? 0, $1) > (frequency[$1] ?? 0, $0) }.prefix(k))
            case .adversarial:
                func score(_ candidate: String) -> Int { present.reduce(0) { $0 + (cooccurrence[$1]?[candidate] ?? 0) } }
                negatives = Array(candidates.sorted {
                    (score($0), frequency[$0] ?? 0, $1) > (score($1), frequency[$1] ?? 0, $0)
                }.prefix(k))
            }
            output.probes += positives.sorted().map { Probe(clip: entry.clip, object: $0, label: .yes) }
            output.probes += negatives.map { Probe(clip: entry.clip, object: $0, label: .no) }
        }
        return output
    }

    /// Writes a suite folder: `suite.yaml` and `items.jsonl`; clips stay where they are, found
    /// through `audioRoot` (relative to the folder).
    public static func writeSuite(
        _ probes: [Probe], id: String, sampling: NegativeSampling, templates: [String], prefix: String?, audioRoot: String,
        to directory: URL
    ) throws {
        var counters: [String: Int] = [:]
        let items = probes.map { probe -> JSONValue in
            let stem = (probe.clip as NSString).deletingPathExtension.replacingOccurrences(of: "/", with: "_")
            let base = "\(stem)-\(probe.label.rawValue)"
            counters[base, default: 0] += 1
            return .object([
                "id": .string("\(base)-\(counters[base] ?? 0)"), "audio": .string(probe.clip), "object": .string(probe.object),
                "label": .string(probe.label.rawValue), "tags": .object(["sampling": .string(sampling.rawValue)]),
            ])
        }
        try SuiteWriter.write(
            id: id, task: .yesNo, description: "Object-hallucination probes, \(sampling.rawValue) negatives (hark probes generate)",
            audioRoot: audioRoot, prompt: SuiteManifest.Prompt(prefix: prefix, templates: templates),
            scoring: "{extractor: default, positive_class: \"no\", policy: hark}", items: items, to: directory)
    }
}
