public import Foundation
import Synchronization

/// Decodes JSON Lines files, one value per non-empty line, on every core: large journals and score
/// files are read several times faster than line by line.
public enum JSONLines {
    /// The values of `data`'s lines in order. A bad line is an error naming `file` and its line;
    /// with `tolerateTornTail`, a bad last line (a write cut short by a kill) is dropped instead.
    public static func decode<Value: Decodable & Sendable>(
        _ type: Value.Type, from data: Data, file: String, tolerateTornTail: Bool = false
    ) throws -> [Value] {
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let numbered = lines.enumerated().filter { !$0.element.isEmpty }.map {
            (line: $0.offset + 1, bytes: $0.element)
        }
        let chunks = max(1, min(numbered.count / 2_000, ProcessInfo.processInfo.activeProcessorCount * 4))
        let results = Mutex([[Value]?](repeating: nil, count: chunks))
        let failure = Mutex<(line: Int, message: String)?>(nil)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (numbered.count * chunk / chunks)..<(numbered.count * (chunk + 1) / chunks)
            let decoder = JSONDecoder()
            var values: [Value] = []
            values.reserveCapacity(range.count)
            for index in range {
                do {
                    values.append(try decoder.decode(Value.self, from: Data(numbered[index].bytes)))
                } catch {
                    let isTornTail =
                        tolerateTornTail && index == numbered.count - 1 && numbered[index].line == lines.count
                    if isTornTail { break }
                    failure.withLock { found in
                        if found == nil || numbered[index].line < found!.line {
                            found = (numbered[index].line, Self.describe(error))
                        }
                    }
                    return
                }
            }
            results.withLock { $0[chunk] = values }
        }
        if let (line, message) = failure.withLock({ $0 }) {
            throw HarkError.badInput("not a valid record: \(message)", at: SourceLocation(file: file, line: line))
        }
        return results.withLock { $0.flatMap { $0 ?? [] } }
    }

    /// A decoding error in hark's words: the field and what was wrong, or the JSON problem.
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return "malformed JSON: " + (underlying ?? context.debugDescription)
        }
        return (DecodingText.field(DecodingText.path(error)).map { "\($0): " } ?? "") + DecodingText.describe(error)
    }
}
