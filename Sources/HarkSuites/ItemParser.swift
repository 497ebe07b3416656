public import Foundation
public import HarkCore

/// Reads `items.jsonl`: one JSON object per line, validated against the suite's task. Every problem
/// is reported with its line and field; blank lines are skipped.
public struct ItemParser {
    public let task: TaskKind
    public let file: String
    public let hasTemplates: Bool
    public let templatesNeedObject: Bool

    /// `meta`: the published record's other fields (free text, lists), kept with the item but never
    /// sliced.
    static let commonKeys: Set<String> = ["id", "audio", "question", "tags", "textual_audio", "meta", "refuse"]

    /// A choice that appears twice is kept: the official MMAU / MMAR rule compares token sets, so
    /// the two copies are one choice to it.
    public static let repeatedChoiceWarning =
        "a choice is listed twice; kept as published (the official rule scores the copies as one choice)"
    static let taskKeys: [TaskKind: Set<String>] = [
        .yesNo: ["object", "label"],
        .multipleChoice: ["choices", "answer"],
        .instructionFollowing: ["instructions"],
        .caption: ["labels"],
        .openQA: ["answer"],
    ]

    public init(manifest: SuiteManifest, file: String) {
        self.task = manifest.task
        self.file = file
        self.hasTemplates = !manifest.prompt.templates.isEmpty
        self.templatesNeedObject = manifest.prompt.templates.contains {
            Template.placeholders(in: $0).contains("object")
        }
    }

    public struct Output: Sendable {
        public var items: [Item] = []
        /// The canonical text of each item line, in file order.
        public var canonicalLines: [String] = []
        public var diagnostics: [Diagnostic] = []
    }

    public func parse(_ data: Data) -> Output {
        var output = Output()
        var firstLineOfID: [String: Int] = [:]
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let location = SourceLocation(file: file, line: lineNumber)
            let value: JSONValue
            do {
                value = try JSONValue.decode(Data(line))
            } catch {
                let (reason, column) = Self.reason(error, line: Data(line))
                var place = location
                place.column = column
                output.diagnostics.append(.error(place, "malformed JSON: \(reason)"))
                continue
            }
            if let (key, column) = JSONDuplicateKeys.first(in: line) {
                var place = location
                place.column = column
                output.diagnostics.append(
                    .error(place, "duplicate key \"\(key)\": a JSON object may hold each key once"))
                continue
            }
            output.canonicalLines.append(value.canonical)
            var reader = ItemReader(parser: self, location: location)
            guard let item = reader.item(value) else {
                output.diagnostics += reader.diagnostics
                continue
            }
            output.diagnostics += reader.diagnostics
            if let first = firstLineOfID[item.id] {
                output.diagnostics.append(
                    .error(location.field("id"), "duplicate id \"\(item.id)\", first on line \(first)"))
                continue
            }
            firstLineOfID[item.id] = lineNumber
            if !reader.diagnostics.hasErrors { output.items.append(item) }
        }
        return output
    }

    /// Why a line is not JSON, in words, with the column where the problem is when the parser
    /// says. (JSONDecoder's own message for some syntax errors is a Swift type mismatch.)
    static func reason(_ error: any Error, line: Data) -> (message: String, column: Int?) {
        do {
            _ = try JSONSerialization.jsonObject(with: line, options: [.fragmentsAllowed])
        } catch {
            let text = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "not JSON"
            let column = text.firstMatch(of: #/around character (\d+)/#).flatMap { Int($0.output.1) }.map { $0 + 1 }
            let words = text.replacing(#/ around character \d+/#, with: "").trimmingCharacters(
                in: CharacterSet(charactersIn: ". "))
            return (words.prefix(1).lowercased() + words.dropFirst(), column)
        }
        return (JSONLines.describe(error), nil)
    }
}

/// Validates one item object and builds the `Item`.
private struct ItemReader {
    let parser: ItemParser
    let location: SourceLocation
    var diagnostics: [Diagnostic] = []

    mutating func error(_ field: String, _ message: String) {
        diagnostics.append(.error(location.field(field), message))
    }

    mutating func item(_ value: JSONValue) -> Item? {
        guard let object = value.objectValue else {
            diagnostics.append(.error(location, "expected a JSON object, found \(value.typeDescription)"))
            return nil
        }
        let known = ItemParser.commonKeys.union(ItemParser.taskKeys[parser.task] ?? [])
        for key in object.keys.sorted() where !known.contains(key) {
            diagnostics.append(
                .warning(location.field(key), "unknown key for a \(parser.task.rawValue) item, ignored"))
        }
        let id = string(object, "id", required: true)
        if let id, id.isEmpty { error("id", "must not be empty") }
        let audio = audioRefs(object["audio"])
        let question = string(object, "question", required: false)
        let tags = tags(object["tags"])
        let answerKey = answerKey(object)
        if question == nil && !parser.hasTemplates && (object["question"] ?? .null) == .null {
            error("question", "missing, and the suite has no prompt templates to make one")
        }
        guard let id, let answerKey else { return nil }
        var item = Item(
            id: id, audio: audio, question: question, tags: tags, answerKey: answerKey, line: location.line ?? 0)
        item.textualAudio = string(object, "textual_audio", required: false)
        switch object["refuse"] {
        case nil, .null?: break
        case .bool(let refuse)?: item.refuse = refuse
        case let value?: error("refuse", "expected true or false, found \(value.typeDescription) \(value.excerpt)")
        }
        return item
    }

    mutating func string(_ object: [String: JSONValue], _ key: String, required: Bool) -> String? {
        guard let value = object[key], value != .null else {
            if required { error(key, "missing") }
            return nil
        }
        guard let text = value.stringValue else {
            error(key, "expected a string, found \(value.typeDescription) \(value.excerpt)")
            return nil
        }
        return text
    }

    mutating func strings(_ object: [String: JSONValue], _ key: String) -> [String]? {
        guard let value = object[key], value != .null else {
            error(key, "missing")
            return nil
        }
        guard let array = value.arrayValue else {
            error(key, "expected an array of strings, found \(value.typeDescription) \(value.excerpt)")
            return nil
        }
        var texts: [String] = []
        for (index, element) in array.enumerated() {
            guard let text = element.stringValue else {
                error("\(key)[\(index)]", "expected a string, found \(element.typeDescription) \(element.excerpt)")
                return nil
            }
            texts.append(text)
        }
        return texts
    }

    mutating func audioRefs(_ value: JSONValue?) -> [AudioRef] {
        switch value {
        case nil, .null?: return []
        case .string(let path)?:
            if path.isEmpty { error("audio", "must not be an empty path") }
            return [AudioRef(path: path)]
        case .array(let paths)?:
            var refs: [AudioRef] = []
            for (index, element) in paths.enumerated() {
                guard let path = element.stringValue, !path.isEmpty else {
                    error("audio[\(index)]", "expected a non-empty path, found \(element.excerpt)")
                    continue
                }
                refs.append(AudioRef(path: path))
            }
            return refs
        case let other?:
            error("audio", "expected a path or a list of paths, found \(other.typeDescription) \(other.excerpt)")
            return []
        }
    }

    mutating func tags(_ value: JSONValue?) -> [String: String] {
        guard let value, value != .null else { return [:] }
        guard let object = value.objectValue else {
            error("tags", "expected an object of key/values, found \(value.typeDescription)")
            return [:]
        }
        var tags: [String: String] = [:]
        for (key, tag) in object {
            switch tag {
            case .string(let text): tags[key] = text
            case .integer, .number, .bool: tags[key] = tag.canonical
            default: error("tags.\(key)", "expected a string, number or boolean, found \(tag.typeDescription)")
            }
        }
        return tags
    }

    mutating func answerKey(_ object: [String: JSONValue]) -> AnswerKey? {
        switch parser.task {
        case .yesNo:
            let subject = string(object, "object", required: false)
            if subject == nil && parser.templatesNeedObject && (object["question"] ?? .null) == .null {
                error("object", "missing, and the prompt templates need {object}")
            }
            guard let label = string(object, "label", required: true) else { return nil }
            guard let yesNo = YesNo(rawValue: label) else {
                error("label", "expected \"yes\" or \"no\", found \"\(label)\"")
                return nil
            }
            return .yesNo(object: subject, label: yesNo)
        case .multipleChoice:
            let choices = strings(object, "choices")
            let answer = string(object, "answer", required: true)
            guard let choices, let answer else { return nil }
            if choices.count < 2 { error("choices", "expected at least 2 choices, found \(choices.count)") }
            if Set(choices).count != choices.count {
                diagnostics.append(.warning(location.field("choices"), ItemParser.repeatedChoiceWarning))
            }
            if !choices.contains(answer) {
                error("answer", "\"\(answer)\" is not one of the choices")
                return nil
            }
            return .multipleChoice(choices: choices, answer: answer)
        case .instructionFollowing:
            return instructions(object["instructions"]).map(AnswerKey.instructionFollowing)
        case .caption:
            return strings(object, "labels").map { .caption(labels: $0) }
        case .openQA:
            return string(object, "answer", required: true).map { .openQA(answer: $0) }
        }
    }

    mutating func instructions(_ value: JSONValue?) -> [Instruction]? {
        guard let value, value != .null else {
            error("instructions", "missing")
            return nil
        }
        // An empty list is an item no rule checks: a judge decides (Speech-IFEval's chain-of-thought items).
        guard let array = value.arrayValue else {
            error("instructions", "expected an array of {id, kwargs}, found \(value.excerpt)")
            return nil
        }
        var instructions: [Instruction] = []
        for (index, element) in array.enumerated() {
            let field = "instructions[\(index)]"
            guard let object = element.objectValue, let id = object["id"]?.stringValue else {
                error(field, "expected an object with a string id, found \(element.excerpt)")
                continue
            }
            var kwargs: [String: JSONValue] = [:]
            switch object["kwargs"] {
            case .object(let members)?: kwargs = members
            case nil, .null?: break
            case let other?: error("\(field).kwargs", "expected an object, found \(other.typeDescription)")
            }
            let instruction = Instruction(id: id, kwargs: kwargs)
            let found = InstructionCatalog.diagnose(instruction, at: location.field(field))
            diagnostics += found
            if !found.hasErrors { instructions.append(instruction) }
        }
        return diagnostics.hasErrors ? nil : instructions
    }
}
