/// The verifiable instruction ids hark knows (IFEval's 25) and the arguments each one takes, so that
/// a suite is checked when it is loaded, not when a response is scored.
public enum InstructionCatalog {
    /// The type an instruction argument must have.
    public enum ArgumentType: Sendable, Hashable {
        case string
        case integer
        case stringList
        /// "less than" or "at least", as IFEval writes comparisons.
        case relation

        var description: String {
            switch self {
            case .string: "a string"
            case .integer: "an integer"
            case .stringList: "an array of strings"
            case .relation: "\"less than\" or \"at least\""
            }
        }
    }

    public static let relations = ["less than", "at least"]

    /// Each id with its arguments; every argument listed is required.
    public static let arguments: [String: [String: ArgumentType]] = [
        "keywords:existence": ["keywords": .stringList],
        "keywords:frequency": ["keyword": .string, "frequency": .integer, "relation": .relation],
        "keywords:forbidden_words": ["forbidden_words": .stringList],
        "keywords:letter_frequency": ["letter": .string, "let_frequency": .integer, "let_relation": .relation],
        "language:response_language": ["language": .string],
        "length_constraints:number_sentences": ["num_sentences": .integer, "relation": .relation],
        "length_constraints:number_paragraphs": ["num_paragraphs": .integer],
        "length_constraints:number_words": ["num_words": .integer, "relation": .relation],
        "length_constraints:nth_paragraph_first_word": [
            "num_paragraphs": .integer, "nth_paragraph": .integer, "first_word": .string,
        ],
        "detectable_content:number_placeholders": ["num_placeholders": .integer],
        "detectable_content:postscript": ["postscript_marker": .string],
        "detectable_format:number_bullet_lists": ["num_bullets": .integer],
        "detectable_format:constrained_response": [:],
        "detectable_format:number_highlighted_sections": ["num_highlights": .integer],
        "detectable_format:multiple_sections": ["section_spliter": .string, "num_sections": .integer],
        "detectable_format:json_format": [:],
        "detectable_format:title": [:],
        "combination:two_responses": [:],
        "combination:repeat_prompt": ["prompt_to_repeat": .string],
        "startend:end_checker": ["end_phrase": .string],
        "startend:quotation": [:],
        "change_case:capital_word_frequency": ["capital_frequency": .integer, "capital_relation": .relation],
        "change_case:english_capital": [:],
        "change_case:english_lowercase": [:],
        "punctuation:no_comma": [:],
    ]

    /// Checks one instruction against the catalog. `null` arguments count as absent (the
    /// Hugging Face copy of IFEval lists every argument of every id, most of them null).
    public static func diagnose(_ instruction: Instruction, at location: SourceLocation) -> [Diagnostic] {
        guard let expected = arguments[instruction.id] else {
            return [.error(location.field("id"), "unknown instruction id \"\(instruction.id)\"")]
        }
        var diagnostics: [Diagnostic] = []
        let kwargsLocation = location.field("kwargs")
        for (name, type) in expected.sorted(by: { $0.key < $1.key }) {
            let place = kwargsLocation.field(name)
            guard let value = instruction.kwargs[name], value != .null else {
                diagnostics.append(.error(place, "missing, required by \(instruction.id)"))
                continue
            }
            if !matches(value, type) {
                diagnostics.append(.error(place, "expected \(type.description), found \(value.excerpt)"))
            } else if type == .integer, let number = value.integerValue, number < 1 {
                // The reference drops 0 and replaces negatives by a random value.
                diagnostics.append(.error(place, "expected an integer of at least 1, found \(number)"))
            } else if name == "letter", let letter = value.stringValue {
                let scalars = letter.trimmingCharacters(in: .whitespaces).unicodeScalars
                if scalars.count != 1 {
                    diagnostics.append(.error(place, "expected one character, found \(value.excerpt)"))
                } else if let scalar = scalars.first, !(scalar.isASCII && scalar.properties.isAlphabetic) {
                    // Google's current checker counts it as written; lm-eval's draws a random letter instead.
                    diagnostics.append(
                        .warning(place, "\(value.excerpt) is no letter: counted as written, and scored as approximate"))
                }
            }
        }
        for (name, value) in instruction.kwargs.sorted(by: { $0.key < $1.key })
        where expected[name] == nil && value != .null {
            diagnostics.append(.warning(kwargsLocation.field(name), "unknown argument for \(instruction.id), ignored"))
        }
        return diagnostics
    }

    private static func matches(_ value: JSONValue, _ type: ArgumentType) -> Bool {
        switch type {
        case .string: value.stringValue != nil
        case .integer: value.integerValue != nil
        case .stringList: value.arrayValue?.allSatisfy { $0.stringValue != nil } ?? false
        case .relation: value.stringValue.map(relations.contains) ?? false
        }
    }
}
