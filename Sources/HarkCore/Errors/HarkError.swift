/// An error hark reports to its user, with the place it concerns and the exit code it ends with.
///
/// Exit codes hold everywhere: 0 ok, 1 gate failed, 2 bad input or usage, 3 run incomplete,
/// 4 internal error.
public struct HarkError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The user's input is wrong: a file, a flag, a value.
        case badInput
        /// A run has more errors than allowed, or is unfinished.
        case incomplete
        /// hark itself failed.
        case `internal`
    }

    public var kind: Kind
    public var location: SourceLocation?
    public var message: String
    /// Every problem found, when the error sums up a validation.
    public var diagnostics: [Diagnostic]

    public init(_ kind: Kind, _ message: String, at location: SourceLocation? = nil, diagnostics: [Diagnostic] = []) {
        self.kind = kind
        self.location = location
        self.message = message
        self.diagnostics = diagnostics
    }

    public static func badInput(_ message: String, at location: SourceLocation? = nil) -> HarkError {
        HarkError(.badInput, message, at: location)
    }

    public var exitCode: Int32 { exitStatus.rawValue }

    public var description: String {
        let place =
            location.map { location in
                location.description + ": " + (location.field.map { "\($0): " } ?? "")
            } ?? ""
        return place + message
    }
}
