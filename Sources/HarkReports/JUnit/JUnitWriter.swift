internal import CLibXML2
import Foundation
import HarkCore

/// Writes JUnit XML through libxml2's text writer, in the shape Jenkins' junit-10.xsd accepts; every
/// string passes `XMLText.sanitize` first, so model output can hold anything.
public enum JUnitWriter {
    public static func xml(_ report: JUnitReport) throws -> String {
        let report = report.withUniqueNames
        guard let buffer = xmlBufferCreate() else { throw HarkError(.internal, "libxml2 could not allocate a buffer") }
        defer { xmlBufferFree(buffer) }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            throw HarkError(.internal, "libxml2 could not make a writer")
        }
        var failed = false
        func check(_ status: Int32) { if status < 0 { failed = true } }
        check(xmlTextWriterSetIndent(writer, 1))
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
        check(xmlTextWriterStartElement(writer, "testsuites"))
        for suite in report.suites {
            let failures = suite.cases.count { if case .failed = $0.outcome { true } else { false } }
            let errors = suite.cases.count { if case .error = $0.outcome { true } else { false } }
            let skipped = suite.cases.count { if case .skipped = $0.outcome { true } else { false } }
            check(xmlTextWriterStartElement(writer, "testsuite"))
            attribute(writer, "name", suite.name, &failed)
            attribute(writer, "tests", String(suite.cases.count), &failed)
            attribute(writer, "failures", String(failures), &failed)
            attribute(writer, "errors", String(errors), &failed)
            attribute(writer, "skipped", String(skipped), &failed)
            if let time = suite.time { attribute(writer, "time", seconds(time), &failed) }
            if let timestamp = suite.timestamp { attribute(writer, "timestamp", timestamp, &failed) }
            if !suite.properties.isEmpty {
                check(xmlTextWriterStartElement(writer, "properties"))
                for property in suite.properties {
                    check(xmlTextWriterStartElement(writer, "property"))
                    attribute(writer, "name", property.name, &failed)
                    attribute(writer, "value", property.value, &failed)
                    check(xmlTextWriterEndElement(writer))
                }
                check(xmlTextWriterEndElement(writer))
            }
            for testCase in suite.cases {
                check(xmlTextWriterStartElement(writer, "testcase"))
                attribute(writer, "name", testCase.name, &failed)
                attribute(writer, "classname", testCase.classname, &failed)
                if let time = testCase.time { attribute(writer, "time", seconds(time), &failed) }
                switch testCase.outcome {
                case .passed: break
                case .failed(let message, let details):
                    element(
                        writer, "failure", attributes: [("type", "threshold"), ("message", message)], text: details,
                        &failed)
                case .error(let message):
                    element(
                        writer, "error", attributes: [("type", "error"), ("message", message)], text: message, &failed)
                case .skipped(let message):
                    element(writer, "skipped", attributes: [("message", message)], text: nil, &failed)
                }
                if let output = testCase.output { element(writer, "system-out", attributes: [], text: output, &failed) }
                check(xmlTextWriterEndElement(writer))
            }
            check(xmlTextWriterEndElement(writer))
        }
        check(xmlTextWriterEndElement(writer))
        check(xmlTextWriterEndDocument(writer))
        xmlFreeTextWriter(writer)
        guard !failed, let content = xmlBufferContent(buffer) else {
            throw HarkError(.internal, "libxml2 failed to write the JUnit report")
        }
        return String(cString: content)
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.3f", max(0, value))
    }

    private static func attribute(_ writer: xmlTextWriterPtr, _ name: String, _ value: String, _ failed: inout Bool) {
        if xmlTextWriterWriteAttribute(writer, name, XMLText.sanitize(value)) < 0 { failed = true }
    }

    private static func element(
        _ writer: xmlTextWriterPtr, _ name: String, attributes: [(String, String)], text: String?, _ failed: inout Bool
    ) {
        if xmlTextWriterStartElement(writer, name) < 0 { failed = true }
        for (key, value) in attributes { attribute(writer, key, value, &failed) }
        if let text, xmlTextWriterWriteString(writer, XMLText.sanitize(text)) < 0 { failed = true }
        if xmlTextWriterEndElement(writer) < 0 { failed = true }
    }
}
