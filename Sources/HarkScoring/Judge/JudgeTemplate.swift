import Foundation
import HarkCore

/// How a judge model is asked about one answer, and how its reply is read.
///
/// The prompt's placeholders: `{question}` (the prompt the audio model was asked, choices
/// included), `{reference}` (the item's reference answer: an open answer, the right choice's text,
/// or a yes/no label; empty when the item has none) and `{response}` (the model's answer).
public struct JudgeTemplate: Sendable, Hashable {
    public var name: String
    public var system: String?
    public var prompt: String
    /// Words of a passing verdict ("correct"), and of a failing one ("incorrect").
    public var pass: [String]
    public var fail: [String]

    public init(name: String, system: String?, prompt: String, pass: [String], fail: [String]) {
        self.name = name
        self.system = system
        self.prompt = prompt
        self.pass = pass
        self.fail = fail
    }

    /// A correctness judge in the SAKURA style: the answer against the reference, one word back.
    public static let correctness = JudgeTemplate(
        name: "correctness",
        system: """
            You are a strict grader. Given a question, its reference answer and a model's answer, decide whether the \
            model's answer is correct: it must agree with the reference answer. Reply with one word: correct or incorrect.
            """,
        prompt: "Question:\n{question}\n\nReference answer:\n{reference}\n\nModel answer:\n{response}",
        pass: ["correct"], fail: ["incorrect"])

    /// A reasoning-present judge in the Speech-IFEval style, for chain-of-thought instructions:
    /// does the answer reason step by step before it concludes?
    public static let reasoning = JudgeTemplate(
        name: "reasoning",
        system: """
            You check answers for step-by-step reasoning. Given a question and a model's answer, decide whether the answer \
            shows its reasoning in steps before it states its conclusion. Reply with one word: yes or no.
            """,
        prompt: "Question:\n{question}\n\nModel answer:\n{response}",
        pass: ["yes"], fail: ["no"])

    /// The reader of last resort for yes/no answers the rules leave unparsed (`scoring.fallback:
    /// judge`): does the answer say the asked sound is there? A reply of "unclear" stays unparsed.
    public static let yesNoReading = JudgeTemplate(
        name: "yes-no-reading",
        system: """
            You read answers to yes/no questions about whether a sound is in an audio clip. Given the question and a \
            model's answer, decide what the answer says: yes (the sound is there), no (it is not), or unclear (the answer \
            refuses, contradicts itself, or does not decide). Reply with one word: yes, no or unclear.
            """,
        prompt: "Question:\n{question}\n\nModel answer:\n{response}",
        pass: ["yes"], fail: ["no"])

    /// The caption extractor of `scoring.caption_extractor: judge`: the sound objects a caption
    /// asserts are heard, one per line (read by `listedObjects`).
    public static let captionObjects = JudgeTemplate(
        name: "caption-objects",
        system: """
            You list the sound sources and sound events that a caption of an audio clip asserts are heard. Leave out \
            anything the caption says is absent or not heard, and words used only in comparisons ("dog-like"). Reply \
            with one per line, each a short noun phrase ("dog", "car horn"), or with the word none.
            """,
        prompt: "Caption:\n{response}",
        pass: [], fail: [])

    public static let builtIn = [correctness, reasoning, yesNoReading, captionObjects]

    public static func named(_ name: String) -> JudgeTemplate? {
        builtIn.first { $0.name == name }
    }

    /// The judge's user message for one answer.
    public func render(question: String, reference: String, response: String) -> String {
        // One pass over the template, so that a placeholder inside a model's answer stays as written.
        var output = ""
        var rest = prompt[...]
        let values = ["question": question, "reference": reference, "response": response]
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"),
                let value = values[String(rest[rest.index(after: open)..<close])]
            else {
                output.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            output += value
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    /// SHA-256 of the system prompt, the prompt and the verdict words: what the run manifest
    /// records, so that a changed template is seen.
    public var hash: String {
        ContentHash.sha256(
            JSONValue.object([
                "system": system.map(JSONValue.string) ?? .null, "prompt": .string(prompt),
                "pass": .array(pass.map(JSONValue.string)), "fail": .array(fail.map(JSONValue.string)),
            ]).canonical)
    }

    /// Reads a judge's reply: the last of the verdict words it contains (whole words, any case)
    /// decides; "not correct" counts as failing. A reply with none is unparsed.
    public func verdict(_ reply: String) -> JudgeVerdict {
        let words = MMAUMatcher.tokenList(reply)
        for index in words.indices.reversed() {
            let word = words[index]
            if fail.contains(word) { return .fail }
            if pass.contains(word) { return index > 0 && words[index - 1] == "not" ? .fail : .pass }
        }
        return .unparsed
    }
}

extension JudgeTemplate {
    /// The objects a `caption-objects` reply lists: one per line or comma-separated, bullets, list
    /// numbers and headings ("Objects:") dropped, lowercased; "none" is an empty list, a reply
    /// with no entry nil.
    public static func listedObjects(_ reply: String) -> [String]? {
        let entries = reply.split(whereSeparator: { "\n,;".contains($0) }).compactMap { entry -> String? in
            var text = entry.trimmingCharacters(in: .whitespaces)
            // A heading ("Objects mentioned:") lists nothing.
            guard !text.hasSuffix(":") else { return nil }
            while let first = text.first, "-*•".contains(first) { text.removeFirst() }
            // A list number ("2." or "2)"), not a number of the name ("18-wheeler").
            if let end = text.firstIndex(where: { !$0.isNumber }), end > text.startIndex, ".)".contains(text[end]) {
                text = String(text[text.index(after: end)...])
            }
            text = text.trimmingCharacters(in: .whitespaces).lowercased()
            while text.hasSuffix(".") { text.removeLast() }
            return text.isEmpty ? nil : text
        }
        guard !entries.isEmpty else { return nil }
        return entries == ["none"] || entries == ["nothing"] ? [] : entries
    }
}

/// A judge's decision on one answer.
public enum JudgeVerdict: String, Sendable, Hashable, Codable {
    case pass, fail, unparsed
}
