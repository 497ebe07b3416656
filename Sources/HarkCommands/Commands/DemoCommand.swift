import ArgumentParser
import Foundation
import HarkApp
import HarkRun

/// `hark demo`: everything hark does, on suites it makes itself, against simulated checkpoints.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "Make synthetic suites, run two simulated checkpoints and a baseline over HTTP, and write every report.",
        discussion:
            "Replaces benchmarks/demo/, results/demo/ and reports/demo/ under --root, and nothing else. Deterministic: the same tables every time."
    )

    @Option(help: "The folder to write benchmarks/demo/, results/demo/ and reports/demo/ under.")
    var root = "."

    func run() async throws {
        let demo = Demo(root: WorkingDirectory.url(root))
        let outcome = try await demo.run { Terminal.error("hark demo: " + $0) }
        Terminal.output(outcome.table)
        Terminal.output("Gate (checkpoint-b against checkpoint-a):")
        for line in outcome.verdicts { Terminal.output("  " + line) }
        let clips = Set(outcome.overlap.findings.map(\.clip)).count
        Terminal.output(
            "Training samples: \(outcome.synthesis.kept) kept, \(outcome.synthesis.rejected) rejected by the checks; \(clips) evaluation clips found in the training pool"
        )
        Terminal.output("")
        Terminal.output("Runs:    \(demo.results.path)/{checkpoint-a,checkpoint-b,always-yes}")
        Terminal.output("Reports:")
        for file in outcome.files { Terminal.output("  \(file.path)") }
        Terminal.output("")
        Terminal.output(
            "The two checkpoints are simulated: hark's mock server answers from the suites' labels, wrong on purpose")
        Terminal.output(
            "at set rates. A real model is one line away: a model config whose base_url is its server, e.g. vLLM")
        Terminal.output("serving Qwen2-Audio —")
        Terminal.output("")
        Terminal.output("  name: qwen2-audio")
        Terminal.output("  adapter: openai")
        Terminal.output(
            "  settings: {base_url: http://localhost:8000/v1, model: Qwen/Qwen2-Audio-7B-Instruct}   # the line that changes"
        )
        Terminal.output("")
        Terminal.output("  hark run --suite \(demo.benchmarks.path)/demo-adversarial --model qwen.yaml")
    }
}
