public import HarkCore

/// The text a perfect model would answer, written the way models answer: what the `oracle` adapter
/// and the mock server's oracle policy say. A multiple-choice answer takes the form the suite's
/// extractor counts as right: the choice's text as written (the official MMAU / MMAR token-set rule
/// penalises any other word), or its letter as shown for the letter rules.
public enum ReferenceAnswer {
    /// Where a multiple-choice answer is read from: its text, or a letter.
    public struct ChoiceForm: Sendable, Hashable {
        /// The order the choices were shown in (indices into the item's choices), when shuffled.
        public var order: [Int]?
        /// Whether the suite's extractor reads a letter (`letter`, `airbench`).
        public var byLetter: Bool

        public init(order: [Int]? = nil, extractor: String? = nil) {
            self.order = order
            byLetter = extractor == "letter" || extractor == "airbench"
        }
    }

    public static func text(for item: Item, form: ChoiceForm = ChoiceForm()) -> String {
        switch item.answerKey {
        case .yesNo(let object, let label): yesNo(label, object: object)
        case .multipleChoice(let choices, let answer): choice(answer, of: choices, form: form)
        case .caption(let labels): caption(labels)
        case .openQA(let answer): answer
        case .instructionFollowing(let instructions): following(instructions)
        }
    }

    /// A training answer written wrongly on purpose, by the kind of a synthesis request (its tags
    /// `synthesis`, `object`, `labels`): a negative that affirms the absent object, a positive that
    /// denies a present one, a pair's answer that names no sound.
    public static func flawedSynthesis(_ item: Item) -> String {
        let labels = (item.tags["labels"] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        switch item.tags["synthesis"] {
        case "negative": return "Yes, there is \(item.tags["object"] ?? "a sound") in the audio."
        case "positive": return "There is no \(labels.first ?? "sound") in this audio."
        default: return "The two recordings are quiet."
        }
    }

    /// What a model that ignores the instructions says.
    public static let plainAnswer = "I hear a clear sound in this clip, and nothing else."

    /// An answer that follows the instructions hark knows how to follow in writing (case, commas,
    /// quotes, a title, an ending, JSON, keywords, bullets, a repeated prompt); others are left
    /// as they fall.
    public static func following(_ instructions: [Instruction]) -> String {
        var text = plainAnswer
        for instruction in instructions {
            let string = { (name: String) in instruction.kwargs[name]?.stringValue }
            switch instruction.id {
            case "punctuation:no_comma": text = text.replacingOccurrences(of: ",", with: "")
            case "change_case:english_lowercase": text = text.lowercased()
            case "change_case:english_capital": text = text.uppercased()
            case "keywords:existence":
                let words = instruction.kwargs["keywords"]?.arrayValue?.compactMap(\.stringValue) ?? []
                if !words.isEmpty { text += " It reminds me of " + words.joined(separator: " and ") + "." }
            case "detectable_format:number_bullet_lists":
                let count = Int(instruction.kwargs["num_bullets"]?.integerValue ?? 1)
                text = (1...max(1, count)).map { "* Point \($0): \(text)" }.joined(separator: "\n")
            case "detectable_format:title": text = "<<What I Hear>>\n" + text
            case "detectable_format:json_format": text = JSONValue.object(["answer": .string(text)]).canonical
            case "startend:quotation": text = "\"" + text + "\""
            case "startend:end_checker": if let phrase = string("end_phrase") { text += " " + phrase }
            case "combination:repeat_prompt": if let prompt = string("prompt_to_repeat") { text = prompt + " " + text }
            default: break
            }
        }
        return text
    }

    public static func yesNo(_ answer: YesNo, object: String?) -> String {
        guard let object else { return answer == .yes ? "Yes." : "No." }
        return answer == .yes ? "Yes, I can hear \(object) in the audio." : "No, there is no \(object) in the audio."
    }

    /// The choice `text` of `choices`: its text alone, or its letter as shown.
    public static func choice(_ text: String, of choices: [String], form: ChoiceForm) -> String {
        guard form.byLetter else { return text }
        let shown = form.order.map { $0.compactMap { choices.indices.contains($0) ? choices[$0] : nil } } ?? choices
        return shown.firstIndex(of: text).map(ChoiceLetters.letter) ?? text
    }

    public static func caption(_ labels: [String]) -> String {
        labels.isEmpty ? "The audio is silent." : "The audio contains " + labels.joined(separator: ", ") + "."
    }
}
