import Foundation
import HarkCore

/// Answers given as data: a JSON object or array whose value says yes or no — `{"present": false}`,
/// `{"answer": "Yes"}`, `[true]`.
enum StructuredAnswer {
    static let keys: Set<String> = [
        "answer", "present", "exists", "detected", "contains", "audible", "result", "value", "label", "prediction",
        "response", "output", "heard",
    ]

    static func read(_ response: String) -> YesNo? {
        // Only an answer that opens with a bracket is looked at as data.
        guard let first = response.utf8.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }),
            first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
            let value = try? JSONValue.decode(Data(response.utf8))
        else { return nil }
        return read(value)
    }

    static func read(_ value: JSONValue) -> YesNo? {
        switch value {
        case .bool(let flag): return flag ? .yes : .no
        case .string(let text):
            switch text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)) {
            case "yes", "true", "present": return .yes
            case "no", "false", "absent": return .no
            default: return nil
            }
        case .integer(let number): return number == 0 ? .no : number == 1 ? .yes : nil
        case .array(let values): return values.count == 1 ? read(values[0]) : nil
        case .object(let members):
            for (key, member) in members where keys.contains(key.lowercased()) {
                if let answer = read(member) { return answer }
            }
            return members.count == 1 ? members.values.first.flatMap(read) : nil
        default: return nil
        }
    }
}
