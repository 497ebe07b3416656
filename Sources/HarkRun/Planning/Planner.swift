import Foundation
public import HarkCore
public import HarkSuites

/// Turns suites into the requests of a run: item × prompt × repeat, in suite, item, prompt and
/// repeat order, each clip hashed once.
public struct Planner: Sendable {
    public var generation: GenerationSettings
    public var repeats: Int
    public var limit: Int?
    public var shard: Shard?
    /// A text-only reference run: each item's clips are replaced by their written description
    /// (`textual_audio`), asked as "Speech Input: {textual_audio}\n\n{prompt}" — how Speech-IFEval
    /// asks a model's own text backbone, to measure what audio training made it forget.
    public var textReference = false
    /// A listening control run (`--control`): the same samples with the audio replaced, removed or
    /// shuffled.
    public var control: ListeningControl?

    public init(
        generation: GenerationSettings = GenerationSettings(), repeats: Int = 1, limit: Int? = nil, shard: Shard? = nil
    ) {
        self.generation = generation
        self.repeats = max(1, repeats)
        self.limit = limit
        self.shard = shard
    }

    /// The plan of a run: its requests, made one at a time as the run takes them, so that a plan of
    /// any size costs only its suites' memory. Throws when a clip cannot be read, or, for a text
    /// reference, when an item with clips has no `textual_audio`.
    public func plan(_ suites: [Suite], clips: ClipCatalog = ClipCatalog()) throws -> Plan {
        if textReference {
            for suite in suites {
                if let item = suite.items.first(where: { !$0.audio.isEmpty && $0.textualAudio == nil }) {
                    throw HarkError.badInput(
                        "a text reference run needs textual_audio for every item with clips",
                        at: SourceLocation(file: suite.itemsFile, line: item.line, field: "textual_audio"))
                }
            }
            return Plan(planner: self, suites: suites.map { ($0, [:]) })
        }
        return Plan(
            planner: self,
            suites: try suites.map { suite in
                var suiteClips = try Self.clips(of: suite, catalog: clips)
                if control?.kind == .shuffled {
                    let donors = try ClipShuffle.donors(for: suite, seed: control?.seed ?? 0)
                    suiteClips = suiteClips.mapValues { clip in donors[clip.path].flatMap { suiteClips[$0] } ?? clip }
                }
                return (suite, suiteClips)
            })
    }

    /// The text a text-reference run asks instead of an item's clips and prompt.
    public static func textReferencePrompt(_ item: Item, prompt: String) -> String {
        guard let text = item.textualAudio, !item.audio.isEmpty else { return prompt }
        return "Speech Input: \(text)\n\n\(prompt)"
    }

    /// Each clip of a suite with its content hash and duration, from `catalog` where the
    /// fingerprint already read them.
    static func clips(of suite: Suite, catalog: ClipCatalog) throws -> [String: Clip] {
        var clips: [String: Clip] = [:]
        for reference in suite.clips {
            clips[reference.path] = try catalog.clip(suite.url(of: reference), path: reference.path)
        }
        return clips
    }
}

/// The requests of a run in plan order (suite, item, prompt, repeat), made lazily.
public struct Plan: Sequence, Sendable {
    let planner: Planner
    let suites: [(suite: Suite, clips: [String: Clip])]

    public func makeIterator() -> Requests {
        Requests(plan: self)
    }

    /// The keys of the requests in plan order, without making the requests.
    public var keys: Keys { Keys(plan: self) }

    /// The number of requests.
    public var count: Int { samplesBySuite.values.reduce(0, +) }

    /// The requests of each suite that has any, by suite id, counted from the keys.
    public var samplesBySuite: [String: Int] {
        var counts: [String: Int] = [:]
        for entry in suites {
            let samples = Plan(planner: planner, suites: [entry]).keys.reduce(0) { count, _ in count + 1 }
            if samples > 0 { counts[entry.suite.id, default: 0] += samples }
        }
        return counts
    }

    public struct Requests: IteratorProtocol {
        private var walk: PlanWalk<PromptRenderer.Prompt>
        private let planner: Planner

        init(plan: Plan) {
            planner = plan.planner
            let planner = plan.planner
            walk = PlanWalk(plan: plan) { renderer, item in
                renderer.prompts(for: item).map { prompt in
                    var prompt = prompt
                    if planner.textReference { prompt.text = Planner.textReferencePrompt(item, prompt: prompt.text) }
                    return prompt
                }
            }
        }

        public mutating func next() -> ModelRequest? {
            while let step = walk.next() {
                let (item, prompt) = (walk.items[step.suite][step.item], step.prompt)
                let clips = walk.clips[step.suite]
                let audio =
                    planner.textReference || planner.control?.kind == ListeningControl.Kind.none
                    ? [] : item.audio.compactMap { clips[$0.path] }
                var request = ModelRequest(
                    suiteID: walk.suiteIDs[step.suite], itemID: item.id, template: prompt.template,
                    repeatIndex: step.repeatIndex,
                    system: walk.renderer?.system, prompt: prompt.text, audio: audio, generation: planner.generation,
                    choiceOrder: prompt.choiceOrder)
                request.control = planner.control
                if planner.shard?.contains(request.key) ?? true { return request }
            }
            return nil
        }
    }

    public struct Keys: Sequence, Sendable {
        let plan: Plan

        public func makeIterator() -> Iterator { Iterator(walk: PlanWalk(plan: plan) { $0.templates(for: $1) }) }

        public struct Iterator: IteratorProtocol {
            fileprivate var walk: PlanWalk<String>

            public mutating func next() -> String? {
                while let step = walk.next() {
                    let key = ModelRequest.key(
                        suite: walk.suiteIDs[step.suite], item: walk.items[step.suite][step.item].id,
                        template: step.prompt,
                        repeatIndex: step.repeatIndex)
                    if walk.shard?.contains(key) ?? true { return key }
                }
                return nil
            }
        }
    }
}

/// The samples of a plan in order — suite, item (up to the limit), prompt, repeat — with each
/// item's prompts made once for all its repeats. A step names its suite and item by position, and
/// the walk holds the suites' parts apart: a copy of a suite costs a retain of each of its fields,
/// once per sample.
struct PlanWalk<Prompt> {
    struct Step {
        var suite: Int
        var item: Int
        var prompt: Prompt
        var repeatIndex: Int
    }

    let suiteIDs: [String]
    let items: [[Item]]
    let clips: [[String: Clip]]
    private let manifests: [SuiteManifest]
    private let limit: Int
    private let repeats: Int
    let shard: Shard?
    private let prompts: (PromptRenderer, Item) -> [Prompt]
    private var suiteIndex = 0
    private var itemIndex = -1
    /// The prompt renderer of the suite of the last step.
    private(set) var renderer: PromptRenderer?
    private var itemPrompts: [Prompt] = []
    private var promptIndex = 0
    private var repeatIndex = 0

    init(plan: Plan, prompts: @escaping (PromptRenderer, Item) -> [Prompt]) {
        suiteIDs = plan.suites.map(\.suite.id)
        items = plan.suites.map(\.suite.items)
        clips = plan.suites.map(\.clips)
        manifests = plan.suites.map(\.suite.manifest)
        limit = plan.planner.limit ?? Int.max
        repeats = plan.planner.repeats
        shard = plan.planner.shard
        self.prompts = prompts
    }

    mutating func next() -> Step? {
        while suiteIndex < items.count {
            if renderer == nil { renderer = PromptRenderer(manifest: manifests[suiteIndex]) }
            if itemIndex >= 0, promptIndex < itemPrompts.count {
                let step = Step(
                    suite: suiteIndex, item: itemIndex, prompt: itemPrompts[promptIndex], repeatIndex: repeatIndex)
                repeatIndex += 1
                if repeatIndex == repeats { (promptIndex, repeatIndex) = (promptIndex + 1, 0) }
                return step
            }
            itemIndex += 1
            if itemIndex < min(limit, items[suiteIndex].count), let renderer {
                itemPrompts = prompts(renderer, items[suiteIndex][itemIndex])
                promptIndex = 0
            } else {
                (suiteIndex, itemIndex, renderer, itemPrompts) = (suiteIndex + 1, -1, nil, [])
            }
        }
        return nil
    }
}
