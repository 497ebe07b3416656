public import HarkCore

/// What an importer made of a published file: the items, and the quirks it kept (warnings, each
/// with file, line and field). A bad record does not stop an import: every record is read, and the
/// error names all the bad ones at once.
public struct Imported: Sendable {
    public var items: [JSONValue]
    public var warnings: [Diagnostic]

    public init(items: [JSONValue] = [], warnings: [Diagnostic] = []) {
        self.items = items
        self.warnings = warnings
    }

    /// Imports every record with `body`, which may add warnings; an error in any record is kept and
    /// the next record read. Throws one error listing every bad record, if there is one.
    public static func each<Record>(
        _ records: [Record], file: String, _ body: (Record, inout [Diagnostic]) throws -> JSONValue
    ) throws -> Imported {
        var imported = Imported()
        var errors: [Diagnostic] = []
        for record in records {
            do {
                imported.items.append(try body(record, &imported.warnings))
            } catch let error as HarkError {
                errors.append(.error(error.location ?? SourceLocation(file: file), error.message))
            }
        }
        guard errors.isEmpty else {
            let noun = errors.count == 1 ? "record is" : "records are"
            throw HarkError(
                .badInput, "\(errors.count) \(noun) not valid", at: SourceLocation(file: file), diagnostics: errors)
        }
        return imported
    }

    /// Both imports, in order.
    public static func + (lhs: Imported, rhs: Imported) -> Imported {
        Imported(items: lhs.items + rhs.items, warnings: lhs.warnings + rhs.warnings)
    }
}
