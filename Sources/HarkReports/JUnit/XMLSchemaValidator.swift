internal import CLibXML2
public import Foundation
import HarkCore
import Synchronization

/// libxml2's global state is initialised once, and its schema code is not safe to run from two
/// threads at once: validations take turns.
private let libxml2 = Mutex<Bool>(false)

/// Validates XML against an XML Schema with libxml2 — how tests prove a JUnit file is one Jenkins
/// accepts.
public enum XMLSchemaValidator {
    /// The schema's complaints about `xml`; empty when it is valid.
    public static func problems(in xml: String, schema: URL) throws -> [String] {
        try libxml2.withLock { initialised in
            if !initialised {
                xmlInitParser()
                initialised = true
            }
            return try validate(xml, schema: schema)
        }
    }

    private static func validate(_ xml: String, schema: URL) throws -> [String] {
        guard let parser = xmlSchemaNewParserCtxt(schema.path) else {
            throw HarkError.badInput("cannot read the schema", at: SourceLocation(file: schema.path))
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        guard let compiled = xmlSchemaParse(parser) else {
            throw HarkError.badInput("not an XML Schema", at: SourceLocation(file: schema.path))
        }
        defer { xmlSchemaFree(compiled) }
        guard let context = xmlSchemaNewValidCtxt(compiled) else {
            throw HarkError(.internal, "libxml2 could not validate")
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = Collector()
        xmlSchemaSetValidStructuredErrors(
            context,
            { context, error in
                guard let context, let error, let message = error.pointee.message else { return }
                let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
                collector.messages.append(
                    "line \(error.pointee.line): "
                        + String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines))
            }, Unmanaged.passUnretained(collector).toOpaque())
        let bytes = Array(xml.utf8)
        let document = withExtendedLifetime(collector) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    xmlReadMemory($0, Int32(bytes.count), "report.xml", "UTF-8", Int32(XML_PARSE_NONET.rawValue))
                }
            }
        }
        guard let document else { return ["not well-formed XML"] }
        defer { xmlFreeDoc(document) }
        let status = withExtendedLifetime(collector) { xmlSchemaValidateDoc(context, document) }
        if status != 0 && collector.messages.isEmpty { collector.messages.append("invalid (libxml2 status \(status))") }
        return collector.messages
    }

    private final class Collector {
        var messages: [String] = []
    }
}
