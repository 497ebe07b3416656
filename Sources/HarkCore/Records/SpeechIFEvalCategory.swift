/// Speech-IFEval's three kinds of items, as the `category` tag names them: the importer writes
/// them, the instruction scorer reads them into the closed-ended, creative-writing and
/// chain-of-thought rates.
public enum SpeechIFEvalCategory: String, Sendable, CaseIterable {
    case closedEnded = "closed-ended"
    case creativeWriting = "creative-writing"
    case chainOfThought = "chain-of-thought"
}
