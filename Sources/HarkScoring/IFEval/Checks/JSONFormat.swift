/// `detectable_format:json_format`: after stripping and removing a leading ```` ```json ````
/// (or ```` ```Json ````, ```` ```JSON ````, ```` ``` ````) and a trailing ```` ``` ````, the text
/// is one JSON document as Python's `json.loads` reads it (see `PythonJSON`).
struct JSONFormat: IFEvalCheck {
    init(_ arguments: IFEvalArguments) {}

    func isFollowed(by response: String) -> Bool {
        var text = PythonText.strip(response)
        for fence in ["```json", "```Json", "```JSON", "```"] where PythonText.hasPrefix(text, fence) {
            text = String(decoding: text.utf8.dropFirst(fence.utf8.count), as: UTF8.self)
        }
        if PythonText.hasSuffix(text, "```") { text = String(decoding: text.utf8.dropLast(3), as: UTF8.self) }
        return PythonJSON.isValid(PythonText.strip(text))
    }
}
