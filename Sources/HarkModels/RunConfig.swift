import Foundation
import HarkCore
import HarkYAML
import Yams

/// A run written down (`hark run --config run.yaml`): the suites, the model (a config file, a
/// built-in name, or a model config inline) and the plan. Command-line flags override it.
///
/// ```yaml
/// suites: [benchmarks/audiocaps-random, benchmarks/audiocaps-adversarial]
/// model: models/qwen2-audio.yaml        # or: always-yes, or an inline mapping
/// run: qwen2-audio-step-4000
/// repeats: 1
/// limit: 100
/// ```
public struct RunConfig: Sendable {
    public var suites: [String]
    public var model: ModelConfig?
    public var run: String?
    public var repeats: Int?
    public var limit: Int?
    /// Reuse answers across runs from the response cache.
    public var cache: Bool?

    public init(path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw HarkError.badInput("no such run config", at: SourceLocation(file: path))
        }
        let root = try YAMLText.compose(text, file: path)
        guard let mapping = root?.mapping else {
            throw HarkError.badInput("expected a mapping", at: SourceLocation(file: path))
        }
        let location = { (field: String, node: Node?) in
            SourceLocation(file: path, line: node?.mark?.line, field: field)
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ relative: String) -> String {
            relative.hasPrefix("/") ? relative : base.appendingPathComponent(relative).standardizedFileURL.path
        }
        if let list = mapping["suites"], list.sequence == nil {
            throw HarkError.badInput("expected a list of suite paths", at: location("suites", list))
        }
        suites = (mapping["suites"]?.array(of: String.self) ?? []).map(resolve)
        run = mapping["run"]?.string
        func integer(_ key: String) throws -> Int? {
            guard let node = mapping[key] else { return nil }
            guard let value = node.int, value >= 1 else {
                throw HarkError.badInput("expected a whole number ≥ 1", at: location(key, node))
            }
            return value
        }
        repeats = try integer("repeats")
        limit = try integer("limit")
        if let node = mapping["cache"] {
            guard let value = node.bool else {
                throw HarkError.badInput("expected true or false", at: location("cache", node))
            }
            cache = value
        }
        switch mapping["model"] {
        case .scalar(let scalar)?:
            let reference = scalar.string
            model = try ModelConfig.resolve(reference, relativeTo: base)
        case let node?:
            guard node.mapping != nil else {
                throw HarkError.badInput("expected a name, a file or a mapping", at: location("model", node))
            }
            var inline = try ModelConfig.parse(try Yams.serialize(node: node), file: path)
            inline.trainingData = inline.trainingData?.resolved(against: base)
            model = inline
        case nil:
            model = nil
        }
        for (key, node) in mapping
        where !["suites", "model", "run", "repeats", "limit", "cache"].contains(key.string ?? "") {
            throw HarkError.badInput("unknown key", at: location(key.string ?? "?", node))
        }
    }
}
