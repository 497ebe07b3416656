/// Why an answer could not be read as yes or no.
public enum UnparsedReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// Nothing but white space or markup.
    case empty
    /// The model declined or said it cannot listen ("I can't process audio").
    case refusal
    /// It says both, with nothing that settles which ("Yes, and also no.").
    case contradiction
    /// It describes the clip without addressing the asked sound.
    case offTopic = "off_topic"
    /// It addresses the question but decides nothing ("maybe", "hard to tell").
    case noDecision = "no_decision"
}
