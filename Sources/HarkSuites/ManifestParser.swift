import Foundation
public import HarkCore
import HarkYAML
import Yams

/// Reads `suite.yaml` into a `SuiteManifest`, reporting every problem with its line and field.
public enum ManifestParser {
    static let knownKeys: Set<String> = [
        "id", "version", "task", "description", "source", "audio_root", "items", "prompt", "scoring",
    ]
    static let placeholders: Set<String> = ["object"]

    /// Parses the manifest text; `file` is the path shown in diagnostics. Returns `nil` with at least
    /// one error when the manifest cannot be used.
    public static func parse(_ text: String, file: String) -> (SuiteManifest?, [Diagnostic]) {
        let root: Node
        do {
            guard let node = try YAMLText.compose(text, file: file) else {
                return (nil, [.error(SourceLocation(file: file, line: 1), "the manifest is empty")])
            }
            root = node
        } catch {
            return (nil, [YAMLText.diagnostic(error, file: file)])
        }
        var reader = NodeReader(file: file)
        let manifest = reader.manifest(root)
        return (reader.diagnostics.hasErrors ? nil : manifest, reader.diagnostics.sortedByLine())
    }
}

/// Walks a YAML node tree, collecting diagnostics as it goes.
private struct NodeReader {
    let file: String
    var diagnostics: [Diagnostic] = []

    func location(_ node: Node?, _ field: String) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line, field: field)
    }

    mutating func error(_ node: Node?, _ field: String, _ message: String) {
        diagnostics.append(.error(location(node, field), message))
    }

    mutating func manifest(_ root: Node) -> SuiteManifest? {
        guard let mapping = root.mapping else {
            error(root, "(top level)", "expected a mapping of keys such as id, version, task")
            return nil
        }
        let fields = members(mapping, known: ManifestParser.knownKeys, prefix: "")
        let id = requiredString(fields, "id", in: root)
        if let id, id.isEmpty || id.contains(where: { !($0.isLetter || $0.isNumber || "._-".contains($0)) }) {
            error(fields["id"], "id", "must be letters, digits, '.', '_' or '-', found \"\(id)\"")
        }
        let version = requiredInteger(fields, "version", in: root)
        if let version, version < 1 { error(fields["version"], "version", "must be 1 or more, found \(version)") }
        let task = requiredString(fields, "task", in: root).flatMap { name -> TaskKind? in
            guard let task = TaskKind(rawValue: name) else {
                let known = TaskKind.allCases.map(\.rawValue).joined(separator: ", ")
                error(fields["task"], "task", "unknown task \"\(name)\"; expected one of \(known)")
                return nil
            }
            return task
        }
        let description = optionalString(fields, "description")
        let source = fields["source"].flatMap { sourceSpec($0) }
        let audioRoot = optionalString(fields, "audio_root") ?? "."
        let items = optionalString(fields, "items") ?? "items.jsonl"
        let prompt = fields["prompt"].map { promptSpec($0) } ?? SuiteManifest.Prompt()
        let scoring = fields["scoring"].map { scoringSpec($0) } ?? SuiteManifest.Scoring()
        guard let id, let version, let task else { return nil }
        return SuiteManifest(
            id: id, version: version, task: task, description: description, source: source,
            audioRoot: audioRoot, items: items, prompt: prompt, scoring: scoring, document: JSONValue(yaml: root))
    }

    mutating func members(_ mapping: Node.Mapping, known: Set<String>, prefix: String) -> [String: Node] {
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else {
                error(key, prefix.isEmpty ? "(key)" : prefix, "keys must be strings")
                continue
            }
            if !known.contains(name) {
                let list = known.sorted().joined(separator: ", ")
                diagnostics.append(.warning(location(key, prefix + name), "unknown key, ignored (known: \(list))"))
            }
            fields[name] = value
        }
        return fields
    }

    mutating func requiredString(_ fields: [String: Node], _ name: String, in parent: Node) -> String? {
        guard let node = fields[name], !isNull(node) else {
            error(parent, name, "missing")
            return nil
        }
        return string(node, name)
    }

    mutating func requiredInteger(_ fields: [String: Node], _ name: String, in parent: Node) -> Int? {
        guard let node = fields[name], !isNull(node) else {
            error(parent, name, "missing")
            return nil
        }
        guard node.tagName == .int, let value = node.int else {
            error(node, name, "expected an integer, found \(describe(node))")
            return nil
        }
        return value
    }

    mutating func optionalString(_ fields: [String: Node], _ name: String, prefix: String = "") -> String? {
        guard let node = fields[name], !isNull(node) else { return nil }
        return string(node, prefix + name)
    }

    mutating func string(_ node: Node, _ field: String) -> String? {
        guard let scalar = node.scalar, node.tagName == .str else {
            error(node, field, "expected a string, found \(describe(node))")
            return nil
        }
        return scalar.string
    }

    mutating func sourceSpec(_ node: Node) -> SuiteManifest.Source? {
        guard !isNull(node) else { return nil }
        guard let mapping = node.mapping else {
            error(node, "source", "expected a mapping with name, url, license")
            return nil
        }
        let fields = members(mapping, known: ["name", "url", "license"], prefix: "source.")
        return SuiteManifest.Source(
            name: optionalString(fields, "name", prefix: "source."),
            url: optionalString(fields, "url", prefix: "source."),
            license: optionalString(fields, "license", prefix: "source."))
    }

    mutating func promptSpec(_ node: Node) -> SuiteManifest.Prompt {
        guard !isNull(node) else { return SuiteManifest.Prompt() }
        guard let mapping = node.mapping else {
            error(
                node, "prompt",
                "expected a mapping with system, prefix, templates, choices, answer_format, shuffle_choices")
            return SuiteManifest.Prompt()
        }
        let fields = members(
            mapping, known: ["system", "prefix", "templates", "choices", "answer_format", "shuffle_choices"],
            prefix: "prompt.")
        var templates: [String] = []
        if let list = fields["templates"], !isNull(list) {
            if let sequence = list.sequence {
                for (index, template) in sequence.enumerated() {
                    let field = "prompt.templates[\(index)]"
                    guard let text = string(template, field) else { continue }
                    for name in Template.placeholders(in: text) where !ManifestParser.placeholders.contains(name) {
                        error(template, field, "unknown placeholder {\(name)}; known: {object}")
                    }
                    templates.append(text)
                }
            } else {
                error(list, "prompt.templates", "expected a list of strings, found \(describe(list))")
            }
        }
        var prompt = SuiteManifest.Prompt(
            system: optionalString(fields, "system", prefix: "prompt."),
            prefix: optionalString(fields, "prefix", prefix: "prompt."), templates: templates,
            answerFormat: optionalString(fields, "answer_format", prefix: "prompt."))
        if let name = optionalString(fields, "choices", prefix: "prompt.") {
            if let format = ChoiceFormat(rawValue: name) {
                prompt.choices = format
            } else {
                let known = ChoiceFormat.allCases.map(\.rawValue).joined(separator: ", ")
                error(fields["choices"], "prompt.choices", "expected one of \(known), found \"\(name)\"")
            }
        }
        if let node = fields["shuffle_choices"], !isNull(node) {
            if node.tagName == .int, let seed = node.int, seed >= 0 {
                prompt.shuffleChoices = UInt64(seed)
            } else {
                error(node, "prompt.shuffle_choices", "expected a seed (an integer ≥ 0), found \(describe(node))")
            }
        }
        return prompt
    }

    static let scoringKeys = [
        "extractor", "positive_class", "policy", "synonyms", "judge", "profile", "fallback", "caption_vocabulary",
        "caption_compounds", "caption_extractor", "cluster", "intervals",
    ]

    mutating func scoringSpec(_ node: Node) -> SuiteManifest.Scoring {
        guard !isNull(node) else { return SuiteManifest.Scoring() }
        guard let mapping = node.mapping else {
            error(
                node, "scoring",
                "expected a mapping with \(Self.scoringKeys.joined(separator: ", "))")
            return SuiteManifest.Scoring()
        }
        let fields = members(mapping, known: Set(Self.scoringKeys), prefix: "scoring.")
        var scoring = SuiteManifest.Scoring(
            extractor: optionalString(fields, "extractor", prefix: "scoring."),
            policy: optionalString(fields, "policy", prefix: "scoring."),
            judge: optionalString(fields, "judge", prefix: "scoring."),
            profile: optionalString(fields, "profile", prefix: "scoring."))
        scoring.fallback = optionalString(fields, "fallback", prefix: "scoring.")
        scoring.cluster = optionalString(fields, "cluster", prefix: "scoring.")
        scoring.intervals = optionalString(fields, "intervals", prefix: "scoring.")
        scoring.captionVocabulary = optionalString(fields, "caption_vocabulary", prefix: "scoring.")
        scoring.captionExtractor = optionalString(fields, "caption_extractor", prefix: "scoring.")
        if let node = fields["caption_compounds"], !isNull(node) {
            if node.tagName == .bool, let value = node.bool {
                scoring.captionCompounds = value
            } else {
                error(node, "scoring.caption_compounds", "expected true or false, found \(describe(node))")
            }
        }
        if let synonyms = fields["synonyms"], !isNull(synonyms) {
            if let pairs = synonyms.mapping {
                for (name, label) in pairs {
                    guard let name = name.string, let label = string(label, "scoring.synonyms.\(name)") else {
                        continue
                    }
                    scoring.synonyms[name] = label
                }
            } else {
                error(synonyms, "scoring.synonyms", "expected a mapping of name: label")
            }
        }
        if let name = optionalString(fields, "positive_class", prefix: "scoring.") {
            if let positive = YesNo(rawValue: name) {
                scoring.positiveClass = positive
            } else {
                error(
                    fields["positive_class"], "scoring.positive_class", "expected \"yes\" or \"no\", found \"\(name)\"")
            }
        }
        return scoring
    }

    func isNull(_ node: Node) -> Bool { node.tagName == .null }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): node.tagName == .str ? "the string \"\(scalar.string)\"" : scalar.string
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

extension JSONValue {
    /// The YAML tree as JSON values, scalars typed by YAML's core schema; what fingerprints cover.
    init(yaml node: Node) {
        switch node {
        case .scalar(let scalar):
            switch node.tagName {
            case .null: self = .null
            case .bool: self = node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case .int: self = node.int.map { .integer(Int64($0)) } ?? .string(scalar.string)
            case .float: self = node.float.map(JSONValue.number) ?? .string(scalar.string)
            default: self = .string(scalar.string)
            }
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping { members[key.string ?? ""] = JSONValue(yaml: value) }
            self = .object(members)
        case .sequence(let sequence):
            self = .array(sequence.map(JSONValue.init(yaml:)))
        case .alias:
            self = .null
        }
    }
}

extension Node {
    /// The node's resolved YAML tag ("tag:yaml.org,2002:int", ...).
    var tagName: Tag.Name { Tag.Name(rawValue: tag.description) }
}
