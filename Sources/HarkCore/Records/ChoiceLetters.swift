/// The letters choices are named by: A for the first, B for the second, …
public enum ChoiceLetters {
    public static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(65 + index)))
    }
}
