public import HarkCore

/// The text a perfect model would answer, written the way models answer: what the `oracle` adapter
/// and the mock server's oracle policy say.
public enum ReferenceAnswer {
    public static func text(for item: Item) -> String {
        switch item.answerKey {
        case .yesNo(let object, let label): yesNo(label, object: object)
        case .multipleChoice(_, let answer): choice(answer)
        case .caption(let labels): caption(labels)
        case .openQA(let answer): answer
        case .instructionFollowing: ""
        }
    }

    public static func yesNo(_ answer: YesNo, object: String?) -> String {
        guard let object else { return answer == .yes ? "Yes." : "No." }
        return answer == .yes ? "Yes, I can hear \(object) in the audio." : "No, there is no \(object) in the audio."
    }

    public static func choice(_ text: String) -> String {
        "The correct answer is: \"\(text)\""
    }

    public static func caption(_ labels: [String]) -> String {
        labels.isEmpty ? "The audio is silent." : "The audio contains " + labels.joined(separator: ", ") + "."
    }
}
