import Foundation

/// Writes a suite to a temporary folder: a manifest, item lines as given, and short clips.
public struct SuiteFixture: Sendable {
    public let directory: TemporaryDirectory

    public var path: String { directory.url.path }

    /// A yes-no manifest with one template, for tests that vary only the items.
    public static let yesNoManifest = """
        id: fixture
        version: 1
        task: yes-no
        audio_root: audio/
        prompt:
          templates: ["Is there a sound of {object} in the audio?"]
        """

    /// Writes `suite.yaml`, `items.jsonl` (the lines joined by newlines) and a 0.1 s sine clip at
    /// each path in `clips` (relative to the folder; each tone a different frequency).
    public init(manifest: String = SuiteFixture.yesNoManifest, items: [String], clips: [String] = ["audio/a.wav"])
        throws
    {
        directory = try TemporaryDirectory(prefix: "hark-suite")
        try directory.write(manifest, to: "suite.yaml")
        try directory.write(items.joined(separator: "\n") + "\n", to: "items.jsonl")
        for (index, clip) in clips.enumerated() {
            try Signals.writeSine(to: directory.path(clip), frequency: 200 + 100 * Double(index), seconds: 0.1)
        }
    }

    public func remove() { directory.remove() }
}

extension SuiteFixture {
    /// A yes-no suite of `clips` clips, each asked about one present and one absent object with
    /// `templates` templates: `clips × 2 × templates` samples.
    public static func probes(clips: Int, templates: Int = 2, prefix: String? = nil) throws -> SuiteFixture {
        let templateList = (0..<templates).map { "\"Template \($0): is there {object}?\"" }.joined(separator: ", ")
        let manifest = """
            id: probes
            version: 1
            task: yes-no
            audio_root: audio/
            prompt:
              prefix: \(prefix.map { "\"\($0)\"" } ?? "null")
              templates: [\(templateList)]
            """
        var items: [String] = []
        for clip in 0..<clips {
            items.append(
                #"{"id": "c\#(clip)-yes", "audio": "clip\#(clip).wav", "object": "tone \#(clip)", "label": "yes", "tags": {"sampling": "random"}}"#
            )
            items.append(
                #"{"id": "c\#(clip)-no", "audio": "clip\#(clip).wav", "object": "dog \#(clip)", "label": "no", "tags": {"sampling": "random"}}"#
            )
        }
        return try SuiteFixture(manifest: manifest, items: items, clips: (0..<clips).map { "audio/clip\($0).wav" })
    }
}
