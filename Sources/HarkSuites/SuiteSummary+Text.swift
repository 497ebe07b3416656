import Foundation

extension SuiteSummary {
    /// The summary as `hark validate` prints it: one labelled line per fact, stable order.
    public var text: String {
        var lines: [String] = []
        func add(_ label: String, _ value: String) {
            lines.append("  " + label.padding(toLength: 12, withPad: " ", startingAt: 0) + " " + value)
        }
        lines.append("suite \(id)  version \(version)  task \(task.rawValue)")
        let labelText =
            labels.isEmpty
            ? ""
            : " (" + labels.sorted { $0.key > $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")"
        add("items", "\(items)\(labelText)")
        if textOnlyItems > 0 { add("text-only", "\(textOnlyItems) items without audio") }
        if multiAudioItems > 0 { add("multi-audio", "\(multiAudioItems) items with several clips") }
        if slices.isEmpty {
            add("slices", "none")
        } else {
            for (index, key) in slices.keys.sorted().enumerated() {
                let values = (slices[key] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                add(index == 0 ? "slices" : "", "\(key): " + values.joined(separator: ", "))
            }
        }
        add("clips", "\(clips), " + Self.duration(audioSeconds) + " in all")
        add(
            "sample rates",
            sampleRates.isEmpty
                ? "-"
                : sampleRates.sorted { $0.key < $1.key }.map { "\($0.key) Hz ×\($0.value)" }.joined(separator: ", "))
        add(
            "channels",
            channels.isEmpty
                ? "-"
                : channels.sorted { $0.key < $1.key }.map { "\(Self.channelName($0.key)) ×\($0.value)" }.joined(
                    separator: ", "))
        add("silent", silentClips.isEmpty ? "none" : "\(silentClips.count): " + silentClips.joined(separator: ", "))
        add("problems", errors + warnings == 0 ? "none" : "\(errors) errors, \(warnings) warnings")
        add("fingerprint", fingerprint ?? "- (not computed: the suite has errors)")
        return lines.joined(separator: "\n")
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
    }

    static func channelName(_ count: Int) -> String {
        switch count {
        case 1: "mono"
        case 2: "stereo"
        default: "\(count) ch"
        }
    }
}
