import HarkCore

/// One verifiable instruction, built from its arguments: does a response follow it? Each of
/// IFEval's 25 ids is one type under `Checks/`, a port of the reference checker (Google's
/// `instruction_following_eval`, as lm-evaluation-harness carries it).
public protocol IFEvalCheck: Sendable {
    func isFollowed(by response: String) -> Bool
    /// Whether the reference is itself random for these arguments, so that hark's deterministic
    /// rule can disagree with a given run of it.
    var isApproximate: Bool { get }
}

extension IFEvalCheck {
    public var isApproximate: Bool { false }
}

/// An instruction's arguments, read as the reference reads them. Arguments that are null, zero,
/// empty or false are absent, as the reference drops them (`{k: v for k, v in kwargs if v}`).
struct IFEvalArguments {
    let id: String
    let kwargs: [String: JSONValue]

    func value(_ name: String) -> JSONValue? {
        switch kwargs[name] {
        case nil, .null?, .integer(0)?, .number(0)?, .bool(false)?, .string("")?, .array([])?: nil
        case let value?: value
        }
    }

    func string(_ name: String) throws -> String {
        guard let text = value(name)?.stringValue else { throw missing(name, "a string") }
        return text
    }

    func integer(_ name: String) throws -> Int {
        guard let number = value(name)?.integerValue else { throw missing(name, "an integer other than 0") }
        return Int(number)
    }

    func strings(_ name: String) throws -> [String] {
        guard let list = value(name)?.arrayValue?.compactMap(\.stringValue), !list.isEmpty else {
            throw missing(name, "a list of strings")
        }
        return list
    }

    func relation(_ name: String) throws -> Relation {
        guard let text = value(name)?.stringValue, let relation = Relation(rawValue: text) else {
            throw missing(name, "\"less than\" or \"at least\"")
        }
        return relation
    }

    func missing(_ name: String, _ expected: String) -> HarkError {
        HarkError.badInput("\(id): kwargs.\(name) must be \(expected)")
    }
}

/// IFEval's comparisons.
enum Relation: String, Sendable {
    case lessThan = "less than"
    case atLeast = "at least"

    func holds(_ count: Int, _ threshold: Int) -> Bool {
        self == .lessThan ? count < threshold : count >= threshold
    }
}
