import Foundation
import HarkCore
import HarkReports
import HarkTestSupport
import Testing

@Suite struct TableTests {
    static let golden = HarkCLI.packageRoot.appendingPathComponent("Tests/HarkReportsTests/Golden")

    static let cases: [(layout: String, renderer: String, ci: Bool)] = ["hallucination", "slices", "summary"].flatMap {
        layout in
        ["markdown", "latex", "csv"].map { (layout, $0, layout == "hallucination") }
    }

    func rendered(_ layout: String, _ renderer: String, ci: Bool) throws -> String {
        let table = ResultsTable(layout: try TableLayout.resolve(layout), runs: TableFixtures.runs)
        let format = try #require(TableRenderers.named(renderer))
        return format.render(table, ci: ci)
    }

    @Test("built-in layouts match their golden files", arguments: cases)
    func goldenFiles(layout: String, renderer: String, ci: Bool) throws {
        let text = try rendered(layout, renderer, ci: ci)
        let format = try #require(TableRenderers.named(renderer))
        let url = Self.golden.appendingPathComponent("\(layout).\(format.fileExtension)")
        if ProcessInfo.processInfo.environment["HARK_UPDATE_GOLDEN"] != nil {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: url, encoding: .utf8)))
    }

    @Test func bestValuesFollowEachMetricsDirectionWithinEachSetting() throws {
        let table = ResultsTable(layout: try TableLayout.resolve("hallucination"), runs: TableFixtures.runs)
        let labels = table.columns.map(\.metric.label)
        func bestRows(_ label: String) -> [String] {
            table.best(column: labels.firstIndex(of: label)!).sorted().map {
                table.rows[$0].labels.joined(separator: "/")
            }
        }
        // The best of each setting's block, not of the whole column.
        #expect(bestRows("F1") == ["random/balsa 100% #3", "popular/balsa 100% #3", "adversarial/balsa 100% #3"])
        #expect(bestRows("P").allSatisfy { $0.hasSuffix("qwen2_audio 7B & co") } && bestRows("P").count == 3)
        #expect(bestRows("Std").count == 3)  // lower is better
        #expect(bestRows("Yes").isEmpty)  // a balanced metric is not marked unless the layout asks
    }

    @Test func theDefaultLayoutFollowsTheTasks() {
        #expect(TableLayout.defaultName(for: [.yesNo, .multipleChoice]) == "hallucination")
        #expect(TableLayout.defaultName(for: [.instructionFollowing]) == "instruction")
        #expect(TableLayout.defaultName(for: [.instructionFollowing, .openQA]) == "choice")
        #expect(TableLayout.defaultName(for: [.multipleChoice]) == "choice")
    }

    /// `clusters: true` prints each cell's cluster count, as a column of its own in CSV.
    @Test func aLayoutCanShowClusterCounts() {
        var value = MetricValue(0.71, ci: [0.62, 0.80], n: 100)
        value.clusters = 25
        let layout = TableLayout(
            title: "t", rows: .suiteRun, metrics: [TableLayout.Metric(key: .accuracy, label: "Acc", clusters: true)])
        let results = TableFixtures.run("a", [TableFixtures.suite("random", [.accuracy: value])])
        let table = ResultsTable(layout: layout, runs: [results])
        #expect(MarkdownTable.render(table, ci: true).contains("71.00 ± 9.00 (25)"))
        let csv = CSVTable.render(table, ci: false)
        #expect(csv.contains("Acc clusters"))
        #expect(csv.contains("71.00,25"))
    }

    @Test func latexEscapesNames() {
        #expect(
            LaTeXTable.escape(#"a_b & 100% #3 {x} ~ ^ \"#)
                == ##"a\_b \& 100\% \#3 \{x\} \textasciitilde{} \textasciicircum{} \textbackslash{}"##)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdflatex"), "pdflatex is not installed"))
    func latexCompilesWithPdflatex() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for layout in ["hallucination", "slices", "summary"] {
            let table = try rendered(layout, "latex", ci: true)
            let document =
                "\\documentclass{article}\n\\usepackage{booktabs}\n\\begin{document}\n\(table)\\end{document}\n"
            #expect(
                try PublishedLayoutTests.compiles(document, in: directory, name: layout),
                "\(layout).tex did not compile")
        }
    }

    @Test func layoutFilesAreRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(
            "title: Mine\nrows: suite-run\nmetrics:\n  - {key: f1, label: F1}\n  - {key: yes_ratio, label: Yes, better: balanced, format: decimal}\n",
            to: "layout.yaml")
        let layout = try TableLayout.resolve(file.path)
        #expect(layout.metrics.map(\.label) == ["F1", "Yes"])
        #expect(layout.metrics[1].format == .decimal)
        #expect(throws: HarkError.self) { try TableLayout.resolve(directory.path("nope.yaml").path) }
    }
}

@Suite struct ChoiceTableTests {
    static func choiceSuite(judged: Bool) -> RunResults.SuiteResults {
        var metrics: [MetricName: MetricValue] = [
            "accuracy": MetricValue(0.596, n: 1000), "unparsed_rate": MetricValue(0.02, n: 1000),
        ]
        if judged { metrics["judge_accuracy"] = MetricValue(0.61, n: 1000) }
        return RunResults.SuiteResults(
            id: "mmau-test-mini", task: .multipleChoice, fingerprint: "sha256:1", counts: RunResults.SuiteCounts(),
            metrics: metrics,
            slices: [
                "task": [
                    "sound": ["accuracy": MetricValue(0.7, n: 333)], "music": ["accuracy": MetricValue(0.5, n: 334)],
                ]
            ])
    }

    @Test func choiceLayoutTakesOnlyItsTasksAndDropsAnUnusedJudgeColumn() throws {
        let layout = try #require(TableLayout.builtIn["choice"])
        let yesNo = TableFixtures.suite("random", TableFixtures.metrics(0.65, 0.97, 0.305, 0.464, 0.843, 0.031))
        let unjudged = ResultsTable(
            layout: layout, runs: [TableFixtures.run("qwen", [yesNo, Self.choiceSuite(judged: false)])])
        #expect(unjudged.rows.map(\.labels) == [["mmau-test-mini", "qwen"]])
        #expect(unjudged.metrics.map(\.label) == ["Acc", "Unparsed"])
        let judged = ResultsTable(
            layout: layout,
            runs: [
                TableFixtures.run("qwen", [Self.choiceSuite(judged: false)]),
                TableFixtures.run("salmonn", [Self.choiceSuite(judged: true)]),
            ])
        #expect(judged.metrics.map(\.label) == ["Acc", "Unparsed", "Judge"])
        #expect(judged.rows.map { $0.cells.last??.value } == [nil, 0.61])
        let hallucination = ResultsTable(
            layout: try #require(TableLayout.builtIn["hallucination"]),
            runs: [TableFixtures.run("qwen", [yesNo, Self.choiceSuite(judged: false)])])
        #expect(hallucination.rows.map(\.labels) == [["random", "qwen"]])

        var byTask = layout
        byTask.rows = .sliceRun
        byTask.slice = "task"
        let sliced = ResultsTable(layout: byTask, runs: [TableFixtures.run("qwen", [Self.choiceSuite(judged: false)])])
        #expect(sliced.rows.map(\.labels) == [["music", "qwen"], ["sound", "qwen"]])
        #expect(sliced.rows.map { $0.cells.first??.value } == [0.5, 0.7])
    }
}

@Suite struct InstructionTableTests {
    @Test func instructionLayoutShowsLooseAndIFrateOnlyWhereTheyExist() throws {
        let layout = try #require(TableLayout.builtIn["instruction"])
        func suite(_ metrics: [MetricName: MetricValue]) -> RunResults.SuiteResults {
            RunResults.SuiteResults(
                id: "ifeval", task: .instructionFollowing, fingerprint: "sha256:2", counts: RunResults.SuiteCounts(),
                metrics: metrics)
        }
        let strictOnly = ResultsTable(
            layout: layout,
            runs: [
                TableFixtures.run(
                    "desta2",
                    [suite(["prompt_strict": MetricValue(0.8, n: 10), "instruction_strict": MetricValue(0.85, n: 12)])])
            ])
        #expect(strictOnly.metrics.map(\.label) == ["Prompt strict", "Inst. strict"])
        let withRate = ResultsTable(
            layout: layout,
            runs: [
                TableFixtures.run(
                    "desta2",
                    [
                        suite([
                            "prompt_strict": MetricValue(0.8, n: 10), "instruction_strict": MetricValue(0.85, n: 12),
                            "if_rate": MetricValue(0.8923, n: 49),
                        ])
                    ])
            ])
        #expect(withRate.metrics.map(\.label) == ["Prompt strict", "Inst. strict", "IFrate"])
        #expect(withRate.rows.first?.cells.last??.value == 0.8923)
    }
}
