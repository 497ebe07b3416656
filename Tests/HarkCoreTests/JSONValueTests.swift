import Foundation
import Testing

@testable import HarkCore

@Suite struct JSONValueTests {
    func decode(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    @Test func canonicalFormSortsKeysAndDropsWhiteSpace() throws {
        let value = try decode(#"{ "b": [1, 2.5, true, null], "a": {"z": "x", "y": -3} }"#)
        #expect(value.canonical == #"{"a":{"y":-3,"z":"x"},"b":[1,2.5,true,null]}"#)
    }

    @Test func keyOrderAndSpacingDoNotChangeTheCanonicalForm() throws {
        #expect(try decode(#"{"a":1,"b":"2"}"#).canonical == decode("{\n \"b\" : \"2\",\t\"a\" : 1 }").canonical)
    }

    @Test func integersAndIntegralNumbersAgree() throws {
        #expect(try decode("3").canonical == "3")
        #expect(try decode("3.0").canonical == "3")
        #expect(try decode("0.1").canonical == "0.1")
        #expect(try decode("1e300").canonical == "1e+300")
    }

    @Test func booleansStayBooleans() throws {
        #expect(try decode("true") == .bool(true))
        #expect(try decode("1") == .integer(1))
    }

    @Test func stringsAreEscapedMinimally() throws {
        let value = JSONValue.string("quote \" backslash \\ newline \n tab \t bell \u{07} é 🎵")
        #expect(value.canonical == #""quote \" backslash \\ newline \n tab \t bell \u0007 é 🎵""#)
        #expect(try decode(value.canonical) == value)
    }

    /// Random texts of escapes, ASCII, accents, emoji and lone combining marks: each escape where
    /// it belongs (byte for byte as a scalar-by-scalar writer puts it), and read back unchanged.
    @Test func randomTextsAreQuotedAsScalarByScalar() throws {
        let alphabet: [String] = [
            "a", " ", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "é", "e\u{301}", "🎵", "/",
            "\u{7F}", "中",
        ]
        var generator = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let text = (0..<Int(generator.next() % 12)).map { _ in
                alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }
            .joined()
            var expected = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": expected += "\\\""
                case "\\": expected += "\\\\"
                case "\n": expected += "\\n"
                case "\r": expected += "\\r"
                case "\t": expected += "\\t"
                case "\u{08}": expected += "\\b"
                case "\u{0C}": expected += "\\f"
                case let control where control.value < 0x20: expected += String(format: "\\u%04x", control.value)
                default: expected.unicodeScalars.append(scalar)
                }
            }
            #expect(JSONValue.string(text).canonical == expected + "\"")
            #expect(try decode(JSONValue.string(text).canonical) == .string(text))
        }
    }

    @Test func keysSortByUTF8Bytes() {
        let value = JSONValue.object(["é": .null, "z": .null, "Z": .null, "a": .null])
        #expect(value.canonical == #"{"Z":null,"a":null,"z":null,"é":null}"#)
    }
}

/// `JSONValue.decode` must give what `JSONDecoder` gives — the same value, or an error where it
/// errs — on the text it reads itself and on the text it hands over.
@Suite struct JSONValueReadingTests {
    func expectSame(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let data = Data(text.utf8)
        let official = Result { try JSONDecoder().decode(JSONValue.self, from: data) }
        let read = Result { try JSONValue.decode(data) }
        switch (official, read) {
        case (.success(let expected), .success(let value)):
            #expect(value == expected, "\(text)", sourceLocation: sourceLocation)
            #expect(value.canonical == expected.canonical, "\(text)", sourceLocation: sourceLocation)
        case (.failure, .failure): break
        default: Issue.record("\(text): JSONDecoder \(official), hark \(read)", sourceLocation: sourceLocation)
        }
    }

    @Test func quirksAreJSONDecodersOwn() {
        let texts = [
            "1.0", "1e2", "1E+2", "-0", "-0.0", "2.50", "0.1e1", "1e-2", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "1E400", "-1e400",
            "0.30000000000000004", "01", "-", "1.", ".5", "+1", "1 2", "tru", "nul", "NaN", "[1,]", #"{"a":1,}"#,
            #"{"a":1,"a":2}"#, #""\ud800""#, #""\udc00x""#, #""\ud83d\ude00""#, #""\u0000""#, "\"a\nb\"", #""\x""#,
            #""\/\b\f\n\r\t\"\\""#, " 5 ", "\u{FEFF}5", "[]", "{}", "[[[[]]]]", #"{"":""}"#, "\"é ü 中文 🎧\"",
            String(repeating: "[", count: 300) + String(repeating: "]", count: 300), "", " ", "[1 2]", #"{"a" 1}"#,
            #"{1:2}"#, "\"\u{7F}\"", "[true,false,null]", "1e308", "4.9e-324", "2e-324", "80.14E+3",
        ]
        for text in texts { expectSame(text) }
    }

    @Test func randomDocumentsReadAsJSONDecoderReadsThem() {
        var generator = SplitMix64(seed: 11)
        func pick(_ count: Int) -> Int { Int(generator.next() % UInt64(count)) }
        func number() -> String {
            switch pick(6) {
            case 0: return String(Int64(bitPattern: generator.next()) >> pick(64))
            case 1: return String(Double(bitPattern: generator.next() >> 2))
            case 2: return String(format: "%.\(pick(8))f", Double(pick(100_000)) / Double(1 + pick(1000)))
            case 3: return "\(pick(1000))e\(pick(2) == 0 ? "-" : "")\(pick(30))"
            case 4: return "\(pick(100)).\(pick(100))E+\(pick(5))"
            default: return String(Double(pick(1 << 20)) / 1024)
            }
        }
        func string() -> String {
            let pieces = [
                "a", "Z", " ", "é", "中", "🎧", "\\n", "\\\"", "\\\\", "\\u00e9", "\\ud83c\\udfa7", "\\t", "/", "\\/",
            ]
            return "\"" + (0..<pick(8)).map { _ in pieces[pick(pieces.count)] }.joined() + "\""
        }
        func value(_ depth: Int) -> String {
            switch pick(depth > 3 ? 4 : 6) {
            case 0: return number()
            case 1: return string()
            case 2: return ["true", "false", "null"][pick(3)]
            case 3: return number()
            case 4:
                return "[" + (0..<pick(4)).map { _ in value(depth + 1) }.joined(separator: pick(2) == 0 ? "," : " , ")
                    + "]"
            default:
                return "{" + (0..<pick(4)).map { _ in string() + ":" + value(depth + 1) }.joined(separator: ",") + "}"
            }
        }
        var readStrictly = 0
        for _ in 0..<3_000 {
            let text = value(0)
            expectSame(text)
            if JSONValue.readStrictly(Data(text.utf8)) != nil { readStrictly += 1 }
        }
        // Most of it is read without JSONDecoder, which gets the whole numbers written as 3.0 or 1e2.
        #expect(readStrictly > 1_500)
    }

    @Test func theUsualTextIsReadWithoutJSONDecoder() {
        let item =
            #"{"id": "clip-1", "audio": ["a/b.wav"], "label": "yes", "start": 1.25, "n": -3, "tags": {"k": "é\n🎧"}}"#
        #expect(JSONValue.readStrictly(Data(item.utf8)) != nil)
        for quirk in ["1.0", "1e2", "[1,]", #""\ud800""#, "9223372036854775808"] {
            #expect(JSONValue.readStrictly(Data(quirk.utf8)) == nil, "\(quirk)")
        }
    }
}
