import Foundation
import HarkCore
import HarkYAML
import Yams

/// The sound objects probes may ask about, with synonyms (other names of one object) and an
/// ontology (parents and children), so that no clip is asked about an object it holds under another
/// name, or about a parent or child of one it holds ("dog" for a clip labelled "dog barking").
public struct ObjectVocabulary: Sendable, Hashable {
    /// Alias → canonical name.
    public var canonical: [String: String] = [:]
    /// Name → its parents.
    public var parents: [String: Set<String>] = [:]
    /// Objects allowed as negatives beyond those the clips hold.
    public var extra: Set<String> = []

    public init() {}

    /// Reads `objects: [...]` and `synonyms: {name: [alias, ...]}` from a vocabulary file, and
    /// `{parent: [child, ...]}` from an ontology file; either may be absent. Every name is taken to
    /// its canonical form, so an alias listed as an object is the same object.
    public init(vocabularyPath: String?, ontologyPath: String?) throws {
        if let path = vocabularyPath {
            let document = try Self.yaml(path)
            for name in document["objects"]?.array(of: String.self) ?? [] { extra.insert(Self.normalise(name)) }
            if let synonyms = document["synonyms"]?.mapping {
                for (name, aliases) in synonyms {
                    guard let name = name.string else { continue }
                    for alias in aliases.array(of: String.self) {
                        canonical[Self.normalise(alias)] = Self.normalise(name)
                    }
                }
            }
        }
        if let path = ontologyPath, let mapping = try Self.yaml(path).mapping {
            for (parent, children) in mapping {
                guard let parent = parent.string else { continue }
                for child in children.array(of: String.self) {
                    parents[name(child), default: []].insert(name(parent))
                }
            }
        }
    }

    static func yaml(_ path: String) throws -> Node {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw HarkError.badInput("no such file", at: SourceLocation(file: path))
        }
        return try YAMLText.compose(text, file: path) ?? Node.mapping([:])
    }

    static func normalise(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The canonical name of an object.
    public func name(_ object: String) -> String {
        let normalised = Self.normalise(object)
        return canonical[normalised] ?? normalised
    }

    /// The direct parents of an object.
    public func parents(_ object: String) -> Set<String> {
        parents[object] ?? []
    }

    /// Every ancestor of an object, through the ontology.
    public func ancestors(_ object: String) -> Set<String> {
        var found: Set<String> = []
        var frontier = [object]
        while let next = frontier.popLast() {
            for parent in parents[next] ?? [] where found.insert(parent).inserted { frontier.append(parent) }
        }
        return found
    }

    /// What may not be asked as absent for a clip holding `present`: the objects, their ancestors,
    /// and anything that has one of them as an ancestor.
    public func related(to present: Set<String>, among vocabulary: Set<String>) -> Set<String> {
        var related = present
        for object in present { related.formUnion(ancestors(object)) }
        for candidate in vocabulary where !ancestors(candidate).isDisjoint(with: present) { related.insert(candidate) }
        return related
    }
}
