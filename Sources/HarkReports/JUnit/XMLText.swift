/// Text made safe for XML 1.0: characters XML 1.0 forbids (C0 controls other than tab, newline and
/// carriage return; U+FFFE, U+FFFF) are replaced with U+FFFD, so that model output never breaks a
/// report. Swift strings cannot hold lone surrogates; decoding turns them into U+FFFD already.
public enum XMLText {
    public static func sanitize(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            output.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
        }
        return String(output)
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
