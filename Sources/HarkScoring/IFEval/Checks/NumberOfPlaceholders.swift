/// `detectable_content:number_placeholders`: at least n matches of `\[.*?\]` (a bracket pair on
/// one line).
struct NumberOfPlaceholders: IFEvalCheck {
    let count: Int

    init(_ arguments: IFEvalArguments) throws {
        count = try arguments.integer("num_placeholders")
    }

    func isFollowed(by response: String) -> Bool {
        Self.placeholders(in: response) >= count
    }

    static func placeholders(in text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        var found = 0
        var index = 0
        while index < scalars.count {
            if scalars[index] == "[",
                let close = scalars[(index + 1)...].firstIndex(where: { $0 == "]" || $0 == "\n" }),
                scalars[close] == "]"
            {
                found += 1
                index = close + 1
            } else {
                index += 1
            }
        }
        return found
    }
}
