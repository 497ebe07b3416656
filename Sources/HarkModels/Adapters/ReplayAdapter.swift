import Foundation
public import HarkCore

/// Answers from a JSON Lines file of answers made elsewhere: one object per line with `response`
/// and either `key` (a sample key, `suite/item#t0`) or `item_id` (optionally with `suite`), which
/// answers every prompt of that item.
public struct ReplayAdapter: ModelAdapter {
    struct Entry: Sendable {
        var line: Int
        var response: String
    }

    public let file: String
    /// The SHA-256 of the file: two files of one name (each checkpoint's `predictions.jsonl`) are
    /// two models.
    public let contentHash: String
    private var byKey: [String: Entry] = [:]
    private var byItem: [String: Entry] = [:]

    /// Reads the file; malformed lines are reported with their line number.
    public init(file: String) throws {
        self.file = file
        guard let data = FileManager.default.contents(atPath: file) else {
            throw HarkError.badInput("no such replay file", at: SourceLocation(file: file))
        }
        contentHash = ContentHash.sha256(data)
        var lineNumber = 0
        var problems: [Diagnostic] = []
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            let location = SourceLocation(file: file, line: lineNumber)
            guard let value = try? JSONValue.decode(Data(line)),
                let object = value.objectValue
            else {
                problems.append(.error(location, "expected a JSON object"))
                continue
            }
            guard let response = object["response"]?.stringValue else {
                problems.append(.error(location.field("response"), "missing, or not a string"))
                continue
            }
            let entry = Entry(line: lineNumber, response: response)
            if let key = object["key"]?.stringValue {
                byKey[key] = entry
            } else if let item = object["item_id"]?.stringValue {
                byItem[(object["suite"]?.stringValue).map { "\($0)/\(item)" } ?? item] = entry
            } else {
                problems.append(.error(location, "needs \"key\" or \"item_id\""))
            }
        }
        if problems.hasErrors {
            throw HarkError(.badInput, "the replay file has \(problems.count) problems", diagnostics: problems)
        }
    }

    public var identity: String {
        "replay(\(URL(fileURLWithPath: file).lastPathComponent), sha256=\(contentHash.prefix(16)))"
    }

    func entry(for request: ModelRequest) -> Entry? {
        byKey[request.key] ?? byItem[request.suiteID + "/" + request.itemID] ?? byItem[request.itemID]
    }

    public func respond(to request: ModelRequest, audio: [EncodedClip]) async throws -> ModelResponse {
        guard let entry = entry(for: request) else {
            throw RequestFailure(.missingReplay, "\(file) has no answer for \(request.key)")
        }
        return ModelResponse(text: entry.response, finishReason: "replay")
    }

    public func warnings(for plan: any Sequence<ModelRequest>) -> [String] {
        var keys: Set<String> = []
        var items: Set<String> = []
        for request in plan {
            keys.insert(request.key)
            items.insert(request.itemID)
            items.insert(request.suiteID + "/" + request.itemID)
        }
        let unknownKeys = byKey.filter { !keys.contains($0.key) }.map { ($0.value.line, "key \($0.key)") }
        let unknownItems = byItem.filter { !items.contains($0.key) }.map { ($0.value.line, "item \($0.key)") }
        return (unknownKeys + unknownItems).sorted { $0.0 < $1.0 }.map {
            "\(file):\($0.0): warning: answer for an unknown \($0.1), ignored"
        }
    }
}
