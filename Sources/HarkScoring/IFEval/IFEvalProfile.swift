public import HarkCore

/// Which checker semantics a suite is scored with.
///
/// - `ifeval`: the reference (Google's checkers as lm-evaluation-harness carries them), strict and
///   loose.
/// - `speech-ifeval`: Speech-IFEval's changes (Lu, Kuan & Lee 2025), strict only: bullets also
///   `•` and digits (a literal `\n` read as a newline), paragraphs split on `***` or newlines,
///   quotes around a repeated prompt allowed, and the case checks without language detection.
public enum IFEvalProfile: String, Sendable, CaseIterable, Codable {
    case ifeval
    case speechIFEval = "speech-ifeval"

    /// Whether loose scores are computed.
    public var hasLoose: Bool { self == .ifeval }

    /// The ids whose reference is itself random: langdetect samples n-grams and lm-eval does not
    /// seed it. hark replays it seeded 0 (and agrees with the seeded reference on every golden
    /// case); the unseeded reference can answer otherwise on ambiguous texts.
    public var approximateIDs: Set<String> {
        switch self {
        case .ifeval: ["language:response_language", "change_case:english_capital", "change_case:english_lowercase"]
        case .speechIFEval: ["language:response_language"]
        }
    }

    /// The check of one instruction; throws on arguments the reference cannot use.
    public func check(_ instruction: Instruction) throws -> any IFEvalCheck {
        let arguments = IFEvalArguments(id: instruction.id, kwargs: instruction.kwargs)
        let speech = self == .speechIFEval
        switch instruction.id {
        case "keywords:existence": return try KeywordsExistence(arguments)
        case "keywords:frequency": return try KeywordsFrequency(arguments)
        case "keywords:forbidden_words": return try KeywordsForbiddenWords(arguments)
        case "keywords:letter_frequency": return try KeywordsLetterFrequency(arguments)
        case "language:response_language": return try ResponseLanguage(arguments)
        case "length_constraints:number_sentences": return try NumberOfSentences(arguments)
        case "length_constraints:number_paragraphs": return try NumberOfParagraphs(arguments, splitOnNewlines: speech)
        case "length_constraints:number_words": return try NumberOfWords(arguments)
        case "length_constraints:nth_paragraph_first_word": return try NthParagraphFirstWord(arguments)
        case "detectable_content:number_placeholders": return try NumberOfPlaceholders(arguments)
        case "detectable_content:postscript": return try Postscript(arguments)
        case "detectable_format:number_bullet_lists": return try NumberOfBulletLists(arguments, speechMarkers: speech)
        case "detectable_format:constrained_response": return ConstrainedResponse(arguments)
        case "detectable_format:number_highlighted_sections": return try NumberOfHighlightedSections(arguments)
        case "detectable_format:multiple_sections": return try MultipleSections(arguments)
        case "detectable_format:json_format": return JSONFormat(arguments)
        case "detectable_format:title": return Title(arguments)
        case "combination:two_responses": return TwoResponses(arguments)
        case "combination:repeat_prompt": return try RepeatPrompt(arguments, stripQuotes: speech)
        case "startend:end_checker": return try EndPhrase(arguments)
        case "startend:quotation": return Quotation(arguments)
        case "change_case:capital_word_frequency": return try CapitalWordFrequency(arguments)
        case "change_case:english_capital": return EnglishCapital(arguments, detectLanguage: !speech)
        case "change_case:english_lowercase": return EnglishLowercase(arguments, detectLanguage: !speech)
        case "punctuation:no_comma": return NoComma(arguments)
        default: throw HarkError.badInput("unknown instruction id \"\(instruction.id)\"")
        }
    }
}
