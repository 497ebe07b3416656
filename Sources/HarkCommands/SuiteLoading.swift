import HarkApp
import HarkCore
import HarkRecords
import HarkSuites

/// Loads the suites a command names, printing every problem; fails with exit code 2 on any error.
enum SuiteLoading {
    static func load(_ paths: [String], clips: ClipCatalog = ClipCatalog()) throws -> [(
        suite: Suite, fingerprint: String
    )] {
        var loaded: [(Suite, String)] = []
        var failed = false
        for path in paths {
            let result = SuiteLoader.load(path, relativeTo: WorkingDirectory.url)
            for diagnostic in result.diagnostics { Terminal.error(diagnostic.description) }
            guard let suite = result.suite else {
                failed = true
                continue
            }
            do {
                loaded.append((suite, try SuiteFingerprint.compute(suite, clips: clips)))
            } catch {
                Terminal.error("\(path): cannot hash the clips: \(error)")
                failed = true
            }
        }
        if failed { throw HarkError.badInput("fix the suites above, then run again") }
        return loaded
    }
}
