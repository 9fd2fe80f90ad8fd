import Foundation
import PackagePlugin

/// Compiles `Playground/` (at the package root) into the target it is applied to: runs
/// `PlaygroundEmbedder` over every file there, which writes `PlaygroundFiles+Embedded.swift`
/// (each file as a base64 literal with its content type and ETag). No network, no files
/// read at run time.
///
/// Rebuilds: the files are the command's inputs, so editing one re-embeds it. SwiftPM runs
/// plugins only when it plans the build, which it does when a target's directory gains or
/// loses a file; the symbolic link `Plugins/EmbedPlayground/Playground` (excluded from this
/// target) puts Playground/ under this target's directory, so a file added or removed there
/// is seen too.
@main
struct EmbedPlayground: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "Playground")
        let files = try FileManager.default.contentsOfDirectory(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        )
        .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "PlaygroundFiles+Embedded.swift")
        return [
            .buildCommand(
                displayName: "Embedding the playground (\(files.count) files)",
                executable: try context.tool(named: "PlaygroundEmbedder").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
