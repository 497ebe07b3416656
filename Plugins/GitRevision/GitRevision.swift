import Foundation
import PackagePlugin

/// Stamps the git revision the sources were built from into the target (`BuildRevision.swift`,
/// `-dirty` when the tree had uncommitted changes, `unknown` outside a git checkout). A prebuild
/// command runs before every build; the file is rewritten only when the revision changed, so an
/// unchanged tree recompiles nothing.
@main
struct GitRevision: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildRevision.swift")
        let script = """
            root="$1"; out="$2"
            rev=$(git -C "$root" rev-parse HEAD 2>/dev/null) || rev=unknown
            if [ "$rev" != unknown ] && [ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]; then rev="$rev-dirty"; fi
            text="// Made at build time by Plugins/GitRevision; not in the source tree.
            extension HarkVersion { static let builtRevision = \\"$rev\\" }"
            [ -f "$out" ] && [ "$(cat "$out")" = "$text" ] || printf '%s\\n' "$text" > "$out"
            """
        return [
            .prebuildCommand(
                displayName: "Stamping the git revision into \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", context.package.directoryURL.path, output.path],
                outputFilesDirectory: context.pluginWorkDirectoryURL)
        ]
    }
}
