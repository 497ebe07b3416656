/// A yes/no label or answer.
public enum YesNo: String, Sendable, Hashable, Codable, CaseIterable {
    case yes
    case no
}
