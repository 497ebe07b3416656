public import Foundation
public import HarkCore

/// One training sample to be written: its clips, the prompt the trained model will see, and the
/// request that asks a text model to write the answer from the clips' metadata.
public struct SynthesisTask: Sendable, Hashable {
    public var id: String
    public var kind: SynthesisKind
    /// The clips as the manifest names them (one; two for multi-audio kinds).
    public var clips: [String]
    /// The objects labelled present, per clip.
    public var labels: [[String]]
    /// What the trained model is asked.
    public var prompt: String
    /// Negatives: the absent object asked about, and how it was chosen.
    public var object: String?
    public var sampling: NegativeSampling?
    /// What the text model is asked: the recipe's template, filled.
    public var request: String
    /// An answer written by rule from the metadata (what the mock server's oracle answers).
    public var reference: String

    /// Every object present in any of the clips, by their names in the manifest.
    public var present: [String] { Array(Set(labels.joined())).sorted() }
}

/// The tasks of a recipe over a labelled clip manifest, deterministic for the recipe's seed.
/// Negatives come from `ProbeGenerator` (so they carry its guarantees: never a sound of the clip,
/// under any synonym, nor a parent or child of one), pairs from `PairProbeGenerator`'s pairing.
public struct SynthesisTasks: Sendable {
    public var tasks: [SynthesisTask] = []
    /// Clips left out of the negatives, with the reason.
    public var skipped: [(clip: String, line: Int, reason: String)] = []

    public init(recipe: SynthesisRecipe, manifest: ClipManifest, vocabulary: ObjectVocabulary = ObjectVocabulary()) {
        let entries = Dictionary(manifest.entries.map { ($0.clip, $0) }, uniquingKeysWith: { first, _ in first })
        var counters: [String: Int] = [:]
        func id(_ kind: SynthesisKind, _ clip: String) -> String {
            let stem = (clip as NSString).deletingPathExtension.replacingOccurrences(of: "/", with: "_")
            let base = "\(kind.rawValue)-\(stem)"
            counters[base, default: 0] += 1
            return "\(base)-\(counters[base] ?? 0)"
        }
        if let positive = recipe.positive {
            for entry in manifest.entries where !entry.objects.isEmpty {
                var generator = SplitMix64(seed: StableHash.value(entry.clip, seed: recipe.seed &+ 11))
                for prompt in generator.shuffled(positive.prompts).prefix(positive.perClip) {
                    let values = [
                        "labels": Self.list(entry.objects), "caption": entry.caption ?? "", "prompt": prompt,
                    ]
                    tasks.append(
                        SynthesisTask(
                            id: id(.positive, entry.clip), kind: .positive, clips: [entry.clip],
                            labels: [entry.objects],
                            prompt: prompt, request: Self.render(positive.template, values),
                            reference: "The audio contains \(Self.list(entry.objects))."))
                }
            }
        }
        if let negative = recipe.negative {
            let probes = ProbeGenerator(k: negative.perClip, seed: recipe.seed, vocabulary: vocabulary)
                .generate(manifest, sampling: negative.sampling)
            skipped = probes.skipped
            for probe in probes.probes where probe.label == .no {
                let entry = entries[probe.clip]
                let objects = entry?.objects ?? []
                let pick = StableHash.value(probe.clip + "\n" + probe.object, seed: recipe.seed &+ 13)
                let question = Template.render(
                    negative.questions[Int(pick % UInt64(negative.questions.count))], ["object": probe.object])
                let values = [
                    "labels": Self.list(objects), "caption": entry?.caption ?? "", "object": probe.object,
                    "question": question,
                ]
                tasks.append(
                    SynthesisTask(
                        id: id(.negative, probe.clip), kind: .negative, clips: [probe.clip], labels: [objects],
                        prompt: question, object: probe.object, sampling: negative.sampling,
                        request: Self.render(negative.template, values),
                        reference:
                            "No, there is no \(probe.object) in the audio; what can be heard is \(Self.list(objects))."
                    ))
            }
        }
        if let multi = recipe.multiAudio {
            let pairs = PairProbeGenerator(seed: recipe.seed, vocabulary: vocabulary).pairs(manifest)
            for (position, (first, second)) in pairs.enumerated() {
                let kinds: [(SynthesisKind, String?)] = [
                    (.differences, multi.differences), (.jointCaption, multi.jointCaption),
                ]
                for case (let kind, let prompt?) in kinds {
                    let values = [
                        "first_labels": Self.list(first.objects), "second_labels": Self.list(second.objects),
                        "first_caption": first.caption ?? "", "second_caption": second.caption ?? "", "prompt": prompt,
                    ]
                    let union = Array(Set(first.objects + second.objects)).sorted()
                    let reference =
                        kind == .differences
                        ? "The first clip has \(Self.list(first.objects)), while the second has \(Self.list(second.objects))."
                        : "Together the clips hold \(Self.list(union))."
                    tasks.append(
                        SynthesisTask(
                            id: "\(kind.rawValue)-p\(position)", kind: kind, clips: [first.clip, second.clip],
                            labels: [first.objects, second.objects], prompt: prompt,
                            request: Self.render(multi.template, values), reference: reference))
                }
            }
        }
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ objects: [String]) -> String {
        guard let last = objects.last else { return "no labelled sound" }
        return objects.count == 1 ? last : objects.dropLast().joined(separator: ", ") + " and " + last
    }

    /// The template filled in one pass, so that a value holding braces is never filled again.
    static func render(_ template: String, _ values: [String: String]) -> String {
        var output = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            output += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            output += values[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return (output + rest).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The tasks as a text-only open-question suite for the text model, the reference answer in
    /// `answer` and what a simulated model needs in tags (`synthesis`: the kind; `object`; `labels`).
    public func writeRequestSuite(id: String, system: String?, to directory: URL) throws {
        let items = tasks.map { task -> JSONValue in
            var tags: [String: JSONValue] = [
                "synthesis": .string(task.kind.rawValue), "labels": .string(task.present.joined(separator: "; ")),
            ]
            if let object = task.object { tags["object"] = .string(object) }
            return .object([
                "id": .string(task.id), "question": .string(task.request), "answer": .string(task.reference),
                "tags": .object(tags),
            ])
        }
        guard !items.isEmpty else {
            throw HarkError.badInput("nothing to synthesize: no clip of the manifest has a label")
        }
        try SuiteWriter.write(
            id: id, task: .openQA, description: "Requests to a text model for training answers (hark synthesize)",
            audioRoot: ".", prompt: SuiteManifest.Prompt(system: system), items: items, to: directory)
    }
}
