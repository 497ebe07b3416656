import Foundation
import HarkCore
import Testing

@Suite struct JSONLineTests {
    /// The journal's hand-written line against the encoder it replaced, on records with every
    /// optional field present or absent, awkward text and numbers of every magnitude.
    @Test func isWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var generator = SplitMix64(seed: 20_261_204)
        for index in 0..<500 {
            let record = Self.record(index, using: &generator)
            let expected = try encoder.encode(record)
            #expect(
                record.jsonLine == expected,
                "\(String(decoding: record.jsonLine, as: UTF8.self)) != \(String(decoding: expected, as: UTF8.self))")
        }
    }

    /// Every optional field present: a field added to the record and not to its line shows here.
    @Test func everyFieldIsWrittenAndReadBack() throws {
        var generator = SplitMix64(seed: 20_261_204)
        var record = Self.record(0, using: &generator)
        (record.system, record.choiceOrder, record.response, record.finishReason) = ("s", [1, 0], "yes", "stop")
        record.error = RequestFailure(.serverError, "down", status: 503)
        (record.usage, record.systemFingerprint) = (TokenUsage(promptTokens: 3, completionTokens: 1), "fp")
        record.audio = [Clip(path: "a.wav", sha256: "ab", seconds: 1.5)]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(record.jsonLine == (try encoder.encode(record)))
        #expect(try JSONDecoder().decode(SampleRecord.self, from: record.jsonLine) == record)
    }

    static let pieces = [
        "a", "yes", "No.", "/", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1F}", "\u{7F}", "é",
        "\u{2028}", "🐕", " ", "{", "}", ":", ",", "</audio>",
    ]
    static let numbers: [Double] = [
        0, -0.0, 1, 52, 0.1, 12.5, 1e-7, 1e15, 1e16, 1e21, 123_456_789.123, .leastNonzeroMagnitude,
        .greatestFiniteMagnitude,
    ]

    static func text(using generator: inout SplitMix64) -> String {
        (0..<Int.random(in: 0..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    static func number(using generator: inout SplitMix64) -> Double {
        Bool.random(using: &generator)
            ? numbers.randomElement(using: &generator)!
            : Double.random(in: 0..<1, using: &generator) * pow(10, Double(Int.random(in: -9...20, using: &generator)))
    }

    static func record(_ index: Int, using generator: inout SplitMix64) -> SampleRecord {
        func maybe<Value>(_ make: () -> Value) -> Value? { Bool.random(using: &generator) ? make() : nil }
        let clips = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
            Clip(path: text(using: &generator), sha256: "ab12", seconds: number(using: &generator))
        }
        let request = ModelRequest(
            suiteID: text(using: &generator), itemID: "item-\(index)", template: text(using: &generator),
            repeatIndex: Int.random(in: 0...5, using: &generator), system: maybe { text(using: &generator) },
            prompt: text(using: &generator), audio: clips, choiceOrder: maybe { [2, 0, 1] })
        let response = maybe {
            ModelResponse(
                text: text(using: &generator), finishReason: maybe { "stop" },
                usage: maybe {
                    TokenUsage(promptTokens: Int.random(in: 0...9_999, using: &generator), completionTokens: 7)
                },
                systemFingerprint: maybe { text(using: &generator) })
        }
        let error = maybe {
            RequestFailure(
                .allCases.randomElement(using: &generator)!, text(using: &generator),
                status: maybe { Int.random(in: 400...599, using: &generator) }, retryAfter: maybe { 2 })
        }
        return SampleRecord(
            request: request, requestHash: "hash-\(index)", response: response, error: error,
            latencyMs: number(using: &generator), attempts: Int.random(in: 1...4, using: &generator),
            cached: Bool.random(using: &generator))
    }
}
