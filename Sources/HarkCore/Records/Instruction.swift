/// A verifiable instruction attached to an instruction-following item: an IFEval id and its arguments.
public struct Instruction: Sendable, Hashable {
    public var id: String
    public var kwargs: [String: JSONValue]

    public init(id: String, kwargs: [String: JSONValue] = [:]) {
        self.id = id
        self.kwargs = kwargs
    }
}
