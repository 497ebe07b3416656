import Foundation

/// hark's version and the git revision it was built from.
public enum HarkVersion {
    public static let number = "0.1.0"

    /// The commit of the source tree hark was built from, stamped at build time (with `-dirty` when
    /// the tree had uncommitted changes; "unknown" outside a git checkout); `HARK_GIT_REVISION`
    /// overrides it.
    public static let gitRevision: String = {
        if let override = ProcessInfo.processInfo.environment["HARK_GIT_REVISION"], !override.isEmpty {
            return override
        }
        return builtRevision
    }()

    /// `0.1.0 (3f2c…)`, as `hark --version` prints it.
    public static var description: String { "\(number) (\(gitRevision))" }
}
