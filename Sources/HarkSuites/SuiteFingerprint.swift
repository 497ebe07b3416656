import Foundation
import HarkCore

/// The identity of a suite's content: SHA-256 over the canonical manifest, the canonical items in
/// file order, and each clip's path and SHA-256. The same on every machine and after a copy; any edit
/// to the manifest, an item or a clip's bytes changes it. Formatting (white space, key order) does not.
public enum SuiteFingerprint {
    public static let scheme = "hark.suite-fingerprint/1"

    /// `sha256:` followed by the hex digest.
    public static func compute(_ suite: Suite, clips: ClipCatalog = ClipCatalog()) throws -> String {
        let references = suite.clips
        let locations = references.map(suite.url(of:))
        clips.prefetch(locations)
        let clipHashes = try zip(references, locations).map { clip, url in (clip.path, try clips.sha256(url)) }
        return compute(manifest: suite.manifest.document, items: suite.canonicalItems, clips: clipHashes)
    }

    static func compute(manifest: JSONValue, items: [String], clips: [(path: String, sha256: String)]) -> String {
        var digest = ContentHash.Accumulator()
        digest.add(scheme + "\n")
        digest.add("manifest\t" + manifest.canonical + "\n")
        for item in items { digest.add("item\t" + item + "\n") }
        for clip in clips { digest.add("clip\t" + JSONValue.string(clip.path).canonical + "\t" + clip.sha256 + "\n") }
        return "sha256:" + digest.finalize()
    }
}
