import Foundation
import HarkCore
import Testing

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

    @Test func keysSortByUTF8Bytes() {
        let value = JSONValue.object(["é": .null, "z": .null, "Z": .null, "a": .null])
        #expect(value.canonical == #"{"Z":null,"a":null,"z":null,"é":null}"#)
    }
}
