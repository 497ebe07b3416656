public import HarkCore
import HarkYAML
import Yams

/// How training samples are made from labelled clips (BALSa, Kuan & Lee 2025): which kinds, the
/// prompts a trained model will see, and the templates of what the text model is asked to write
/// the answers from. A recipe is a YAML file:
///
/// ```yaml
/// id: balsa
/// seed: 0
/// system: You write the answers of an audio assistant.   # optional, to the text model
/// positive:
///   prompts: ["Describe the sounds in the audio.", "Replay the audio."]
///   per_clip: 1
///   template: "The clip holds {labels}. {caption} Answer as the assistant: {prompt}"
/// negative:
///   sampling: adversarial          # random, popular or adversarial
///   per_clip: 1                    # at most; never more than the clip's own objects
///   questions: ["Is there a sound of {object} in the audio?"]   # default: Kuan 2024's five
///   template: "The clip holds {labels}, not {object}. Answer as the assistant: {question}"
/// multi_audio:
///   differences: "What are the differences between the two clips?"
///   joint_caption: "Write one caption for both clips."
///   template: "Clip 1 holds {first_labels}; clip 2 holds {second_labels}. Answer: {prompt}"
/// ```
///
/// Every section is optional but one is needed. A template's placeholders must be among those its
/// kind fills (`placeholders`); an unknown one is an error naming its field.
public struct SynthesisRecipe: Sendable, Hashable {
    public struct Positive: Sendable, Hashable {
        public var prompts: [String]
        public var perClip: Int
        public var template: String
    }

    public struct Negative: Sendable, Hashable {
        public var sampling: NegativeSampling
        public var perClip: Int
        public var questions: [String]
        public var template: String
    }

    public struct MultiAudio: Sendable, Hashable {
        public var differences: String?
        public var jointCaption: String?
        public var template: String
    }

    public var id: String
    public var seed: UInt64
    public var system: String?
    public var positive: Positive?
    public var negative: Negative?
    public var multiAudio: MultiAudio?

    /// The placeholders each kind's template may use.
    public static let placeholders: [SynthesisKind: Set<String>] = [
        .positive: ["labels", "caption", "prompt"],
        .negative: ["labels", "caption", "object", "question"],
        .differences: ["first_labels", "second_labels", "first_caption", "second_caption", "prompt"],
        .jointCaption: ["first_labels", "second_labels", "first_caption", "second_caption", "prompt"],
    ]

    public init(
        id: String, seed: UInt64 = 0, system: String? = nil, positive: Positive? = nil, negative: Negative? = nil,
        multiAudio: MultiAudio? = nil
    ) {
        self.id = id
        self.seed = seed
        self.system = system
        self.positive = positive
        self.negative = negative
        self.multiAudio = multiAudio
    }

    public static func read(_ path: String) throws -> SynthesisRecipe {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw HarkError.badInput(
                "cannot read the recipe: \(error.localizedDescription)", at: SourceLocation(file: path))
        }
        return try parse(text, file: path)
    }

    static let keys: [String: Set<String>] = [
        "": ["id", "seed", "system", "positive", "negative", "multi_audio"],
        "positive": ["prompts", "per_clip", "template"],
        "negative": ["sampling", "per_clip", "questions", "template"],
        "multi_audio": ["differences", "joint_caption", "template"],
    ]

    public static func parse(_ text: String, file: String) throws -> SynthesisRecipe {
        struct Document: Decodable {
            struct Positive: Decodable {
                var prompts: [String]
                var perClip: Int?
                var template: String
                enum CodingKeys: String, CodingKey {
                    case prompts, template
                    case perClip = "per_clip"
                }
            }
            struct Negative: Decodable {
                var sampling: NegativeSampling?
                var perClip: Int?
                var questions: [String]?
                var template: String
                enum CodingKeys: String, CodingKey {
                    case sampling, questions, template
                    case perClip = "per_clip"
                }
            }
            struct MultiAudio: Decodable {
                var differences: String?
                var jointCaption: String?
                var template: String
                enum CodingKeys: String, CodingKey {
                    case differences, template
                    case jointCaption = "joint_caption"
                }
            }
            var id: String
            var seed: UInt64?
            var system: String?
            var positive: Positive?
            var negative: Negative?
            var multiAudio: MultiAudio?
            enum CodingKeys: String, CodingKey {
                case id, seed, system, positive, negative
                case multiAudio = "multi_audio"
            }
        }
        guard let root = try YAMLText.compose(text, file: file), let mapping = root.mapping else {
            throw HarkError.badInput("expected a mapping", at: SourceLocation(file: file, line: 1))
        }
        func line(_ path: [String]) -> Int? {
            var node: Node? = root
            var found: Int?
            for key in path {
                guard let entry = node?.mapping?.first(where: { $0.key.string == key }) else { break }
                found = entry.key.mark?.line
                node = entry.value
            }
            return found
        }
        for (key, value) in mapping {
            let name = key.string ?? "?"
            guard let known = keys[""], known.contains(name) else {
                throw HarkError.badInput(
                    "unknown key (known: \(keys[""]?.sorted().joined(separator: ", ") ?? ""))",
                    at: SourceLocation(file: file, line: key.mark?.line, field: name))
            }
            guard let section = keys[name], let inner = value.mapping else { continue }
            for (innerKey, _) in inner where !section.contains(innerKey.string ?? "?") {
                throw HarkError.badInput(
                    "unknown key (known: \(section.sorted().joined(separator: ", ")))",
                    at: SourceLocation(
                        file: file, line: innerKey.mark?.line, field: "\(name).\(innerKey.string ?? "?")"))
            }
        }
        let document = try YAMLText.decode(Document.self, from: root, file: file)
        func check(_ template: String, _ kind: SynthesisKind, field: [String]) throws {
            let allowed = placeholders[kind] ?? []
            if let unknown = Template.placeholders(in: template).first(where: { !allowed.contains($0) }) {
                throw HarkError.badInput(
                    "unknown placeholder {\(unknown)} (known: \(allowed.sorted().map { "{\($0)}" }.joined(separator: ", ")))",
                    at: SourceLocation(file: file, line: line(field), field: field.joined(separator: ".")))
            }
        }
        func count(_ value: Int?, field: [String]) throws -> Int {
            guard let value else { return 1 }
            guard value >= 1 else {
                throw HarkError.badInput(
                    "must be at least 1",
                    at: SourceLocation(file: file, line: line(field), field: field.joined(separator: ".")))
            }
            return value
        }
        var recipe = SynthesisRecipe(id: document.id, seed: document.seed ?? 0, system: document.system)
        if let positive = document.positive {
            guard !positive.prompts.isEmpty else {
                throw HarkError.badInput(
                    "needs at least one prompt",
                    at: SourceLocation(file: file, line: line(["positive", "prompts"]), field: "positive.prompts"))
            }
            try check(positive.template, .positive, field: ["positive", "template"])
            recipe.positive = Positive(
                prompts: positive.prompts, perClip: try count(positive.perClip, field: ["positive", "per_clip"]),
                template: positive.template)
        }
        if let negative = document.negative {
            let questions = negative.questions ?? ProbeGenerator.kuan2024Templates
            for (index, question) in questions.enumerated() where !question.contains("{object}") {
                throw HarkError.badInput(
                    "a question must name the absent {object}: \(question)",
                    at: SourceLocation(
                        file: file, line: line(["negative", "questions"]), field: "negative.questions[\(index)]"))
            }
            try check(negative.template, .negative, field: ["negative", "template"])
            recipe.negative = Negative(
                sampling: negative.sampling ?? .adversarial,
                perClip: try count(negative.perClip, field: ["negative", "per_clip"]), questions: questions,
                template: negative.template)
        }
        if let multi = document.multiAudio {
            guard multi.differences != nil || multi.jointCaption != nil else {
                throw HarkError.badInput(
                    "needs differences, joint_caption or both",
                    at: SourceLocation(file: file, line: line(["multi_audio"]), field: "multi_audio"))
            }
            try check(multi.template, .differences, field: ["multi_audio", "template"])
            recipe.multiAudio = MultiAudio(
                differences: multi.differences, jointCaption: multi.jointCaption, template: multi.template)
        }
        guard recipe.positive != nil || recipe.negative != nil || recipe.multiAudio != nil else {
            throw HarkError.badInput(
                "nothing to make: give positive, negative or multi_audio", at: SourceLocation(file: file, line: 1))
        }
        return recipe
    }

    /// Each template by where it is in the recipe, with its SHA-256: what the manifest records.
    public var templateHashes: [String: String] {
        var hashes: [String: String] = [:]
        if let template = positive?.template { hashes["positive.template"] = ContentHash.sha256(template) }
        if let template = negative?.template { hashes["negative.template"] = ContentHash.sha256(template) }
        if let template = multiAudio?.template { hashes["multi_audio.template"] = ContentHash.sha256(template) }
        if let system { hashes["system"] = ContentHash.sha256(system) }
        return hashes
    }
}
