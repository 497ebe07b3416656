import Foundation

/// Prompt templates: text with `{name}` placeholders.
public enum Template {
    /// The placeholder names in a template, in order of appearance.
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// The template with each `{name}` replaced by its value; unknown names stay as written.
    public static func render(_ template: String, _ values: [String: String]) -> String {
        var output = template
        for (name, value) in values {
            output = output.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return output
    }
}
