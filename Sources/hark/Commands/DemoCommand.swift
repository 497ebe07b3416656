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
        let demo = Demo(root: URL(fileURLWithPath: root))
        let outcome = try await demo.run { Terminal.error("hark demo: " + $0) }
        print(outcome.table)
        print("Gate (checkpoint-b against checkpoint-a):")
        for verdict in outcome.verdicts { print("  " + verdict) }
        print(outcome.gatePassed ? "  gate: passed" : "  gate: FAILED")
        print("")
        print("Runs:    \(demo.results.path)/{checkpoint-a,checkpoint-b,always-yes}")
        print("Reports:")
        for file in outcome.files { print("  \(file.path)") }
        print("")
        print("The two checkpoints are simulated: hark's mock server answers from the suites' labels, wrong on purpose")
        print("at set rates. A real model is one line away: a model config whose base_url is its server, e.g. vLLM")
        print("serving Qwen2-Audio —")
        print("")
        print("  name: qwen2-audio")
        print("  adapter: openai")
        print(
            "  settings: {base_url: http://localhost:8000/v1, model: Qwen/Qwen2-Audio-7B-Instruct}   # the line that changes"
        )
        print("")
        print("  hark run --suite \(demo.benchmarks.path)/demo-adversarial --model qwen.yaml")
    }
}
