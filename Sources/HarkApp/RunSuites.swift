import Foundation
public import HarkCore
import HarkRecords
public import HarkSuites

/// Finds the suites a finished run was made from: at the paths its manifest recorded, or at paths
/// given instead; each must still have the fingerprint the run recorded.
public enum RunSuites {
    public static func load(for manifest: RunManifest, paths: [String] = []) throws -> [Suite] {
        var suites: [Suite] = []
        let candidates = paths.isEmpty ? manifest.suites.compactMap(\.path) : paths
        for path in candidates {
            let loaded = SuiteLoader.load(path)
            guard let suite = loaded.suite else {
                throw HarkError(.badInput, "the suite at \(path) has errors", diagnostics: loaded.diagnostics.errors)
            }
            guard let entry = manifest.suites.first(where: { $0.id == suite.id }) else {
                throw HarkError.badInput(
                    "suite \(suite.id) is not part of run \(manifest.run)", at: SourceLocation(file: path))
            }
            let fingerprint = try SuiteFingerprint.compute(suite)
            guard fingerprint == entry.fingerprint else {
                throw HarkError.badInput(
                    "suite \(suite.id) changed since the run (fingerprint \(fingerprint), the run used \(entry.fingerprint))",
                    at: SourceLocation(file: path))
            }
            suites.append(suite)
        }
        let missing = manifest.suites.map(\.id).filter { id in !suites.contains { $0.id == id } }
        guard missing.isEmpty else {
            throw HarkError.badInput(
                "cannot find suite(s) \(missing.joined(separator: ", ")) of run \(manifest.run); name them with --suite"
            )
        }
        return suites
    }

    /// The suites of runs found at the paths their manifests recorded, each path loaded once,
    /// without checking fingerprints (a report links their clips); a suite that no longer loads is
    /// left out.
    public static func locate(for manifests: [RunManifest]) -> [Suite] {
        var seen: Set<String> = []
        let paths = manifests.flatMap { $0.suites.compactMap(\.path) }.filter { seen.insert($0).inserted }
        return paths.compactMap { SuiteLoader.load($0).suite }
    }
}
