import Foundation
import HarkCore
import HarkReports
import HarkTestSupport
import Testing

/// The marking rules of paper tables, one test each.
struct TableMarkingTests {
    static func column(_ table: ResultsTable, _ label: String) throws -> Int {
        try #require(table.columns.firstIndex { $0.metric.label == label })
    }

    static func marked(_ table: ResultsTable, _ label: String, _ rank: ResultsTable.Mark.Rank = .best) throws
        -> [String]
    {
        let column = try column(table, label)
        return table.rows.indices.filter { table.marks[$0][column].rank == rank }.map {
            table.rows[$0].labels.joined(separator: "/")
        }
    }

    @Test func aBaselineIsNeverBestEvenWhereItsValueIs() throws {
        let runs = TableFixtures.runs + [TableFixtures.slicedRunAlwaysYes()]
        let table = ResultsTable(layout: try TableLayout.resolve("hallucination"), runs: runs)
        // always-yes has recall 1 and Std 0 in every block: neither is marked.
        #expect(try Self.marked(table, "R").allSatisfy { $0.hasSuffix("balsa 100% #3") })
        #expect(try Self.marked(table, "Std").allSatisfy { $0.hasSuffix("balsa 100% #3") })
        var declared = try TableLayout.resolve("hallucination")
        declared.baselines = ["balsa 100% #3"]
        let withoutBalsa = ResultsTable(layout: declared, runs: TableFixtures.runs)
        // One competitor left in each block: nothing to mark.
        #expect(try Self.marked(withoutBalsa, "F1").isEmpty)
    }

    @Test func aColumnScopeMarksTheBestOfTheWholeColumn() throws {
        var layout = try TableLayout.resolve("hallucination")
        layout.best = .column
        let table = ResultsTable(layout: layout, runs: TableFixtures.runs)
        #expect(try Self.marked(table, "F1") == ["random/balsa 100% #3"])
    }

    @Test func tiesAreAllMarkedAndSecondBestUnderlined() throws {
        let runs = ["a", "b", "c"].enumerated().map { index, name in
            TableFixtures.slicedRun(name, suite: "mmau-test-mini", overall: [0.6, 0.6, 0.5][index], slices: [:])
        }
        var layout = try TableLayout.resolve("mmau")
        layout.secondBest = true
        let table = ResultsTable(layout: layout, runs: runs)
        #expect(try Self.marked(table, "Avg") == ["a", "b"])
        #expect(try Self.marked(table, "Avg", .second) == ["c"])
        #expect(LaTeXTable.render(table, ci: false).contains("\\underline{50.00}"))
        #expect(MarkdownTable.render(table, ci: false).contains("<ins>50.00</ins>"))
        #expect(CSVTable.render(table, ci: false).contains("50.00,second"))
    }

    @Test func balancedMetricsAreMarkedOnlyWhenAsked() throws {
        var layout = try TableLayout.resolve("hallucination")
        #expect(try Self.marked(ResultsTable(layout: layout, runs: TableFixtures.runs), "Yes").isEmpty)
        layout.markBalanced = true
        let table = ResultsTable(layout: layout, runs: TableFixtures.runs)
        #expect(try Self.marked(table, "Yes").allSatisfy { $0.hasSuffix("balsa 100% #3") })  // 0.32–0.37: nearest 0.5
    }

    @Test func significantChangesGetTheMarkerAndTheCaptionSaysWhy() throws {
        var layout = try TableLayout.resolve("hallucination")
        layout.reference = "qwen2_audio 7B & co"
        var table = ResultsTable(layout: layout, runs: TableFixtures.runs)
        // Known p-values: F1 changed significantly in the random setting only.
        let pValues: [String: Double] = ["audiocaps-random f1": 0.001, "audiocaps-popular f1": 0.2]
        table.markSignificant(explained: "†: p < 0.05 against qwen2_audio 7B & co.") { run, suite, metric in
            run == "balsa 100% #3" && (pValues["\(suite) \(metric.rawValue)"] ?? 1) < 0.05
        }
        let f1 = try Self.column(table, "F1")
        let marked = table.rows.indices.filter { table.marks[$0][f1].significant }.map { table.rows[$0].labels }
        #expect(marked == [["random", "balsa 100% #3"]])
        let latex = LaTeXTable.render(table, ci: false)
        #expect(latex.contains(" 82.80\\textsuperscript{\\dag{}} "))
        #expect(
            latex.contains(
                "\\caption{Object hallucination. \\dag{}: p \\textless{} 0.05 against qwen2\\_audio 7B \\& co.}"))
        #expect(MarkdownTable.render(table, ci: false).contains("| 82.80† |"))
        #expect(CSVTable.render(table, ci: false).contains("82.80,significant"))
        // The reference never competes, so balsa, alone in each block, is nobody's best.
        #expect(try Self.marked(table, "Acc").isEmpty)
    }

    @Test func uncertaintyIsAnIntervalAsItIsOrASpread() throws {
        var layout = try TableLayout.resolve("hallucination")
        layout.uncertainty = .ci
        let table = ResultsTable(layout: layout, runs: TableFixtures.runs)
        let precision = try Self.column(table, "P")
        let accuracy = try Self.column(table, "Acc")
        #expect(table.text(row: 0, column: accuracy, ci: false) == "65.00 ± 2.00")  // symmetric
        #expect(table.text(row: 0, column: precision, ci: false) == "97.00 [94.00, 98.00]")  // not symmetric
        layout.uncertainty = .std
        let spread = ResultsTable(layout: layout, runs: TableFixtures.runs)
        #expect(spread.text(row: 0, column: try Self.column(spread, "F1"), ci: false) == "46.40 ± 3.10")
        #expect(spread.text(row: 0, column: accuracy, ci: false) == "65.00")  // no accuracy_std: nothing
        let undefined = ResultsTable.format(MetricValue(0, n: 0), layout.metrics[1])
        #expect(undefined == "–")  // precision of a model that never said "no"
    }

    @Test func aBlocksNameIsPrintedOnceOrInAMultirow() throws {
        var layout = try TableLayout.resolve("hallucination")
        let plain = LaTeXTable.render(ResultsTable(layout: layout, runs: TableFixtures.runs), ci: false)
        #expect(plain.components(separatedBy: "\nrandom &").count == 2)
        #expect(plain.contains("\n & balsa 100\\% \\#3"))
        layout.multirow = true
        layout.wide = true
        let multirow = LaTeXTable.render(ResultsTable(layout: layout, runs: TableFixtures.runs), ci: false)
        #expect(multirow.contains("\\multirow{2}{*}{random} &"))
        #expect(multirow.hasPrefix("\\begin{table*}[t]"))
        #expect(multirow.contains("\\label{tab:hallucination}"))
    }

    @Test func theCaptionNamesTheExtractorPolicyAndIntervals() throws {
        var layout = try TableLayout.resolve("mmau")
        layout.uncertainty = .ci
        let table = ResultsTable(layout: layout, runs: TableFixtures.published("mmau"))
        #expect(table.notes.first == "Scored with extractor mmau; policy hark.")
        #expect(table.notes.last?.contains("wilson") == true)
    }

    @Test func valuesTieAsPrintedAndUndefinedOnesDoNotCompete() throws {
        let runs = [("a", 0.82796), ("b", 0.82804), ("c", 0.5), ("d", 0.95)].map { name, value in
            TableFixtures.slicedRun(name, suite: "mmau-test-mini", overall: value, slices: [:])
        }
        let table = ResultsTable(layout: try TableLayout.resolve("mmau"), runs: Array(runs.prefix(3)))
        #expect(try Self.marked(table, "Avg") == ["a", "b"])  // both print 82.80
        var undefined = runs
        undefined[2].results.suites[0].metrics["accuracy"] = MetricValue(0, n: 0)
        var layout = try TableLayout.resolve("mmau")
        layout.metrics[layout.metrics.count - 1].better = .lower
        let lower = ResultsTable(layout: layout, runs: undefined)
        #expect(try Self.marked(lower, "Avg") == ["a", "b"])  // c's 0 is undefined, not the lowest
        #expect(lower.text(row: 2, column: try Self.column(lower, "Avg"), ci: false) == "–")
    }

    @Test func aLayoutNoSuiteFitsGivesEmptyRowsNotACrash() throws {
        let table = ResultsTable(layout: try TableLayout.resolve("mmau"), runs: TableFixtures.runs)
        #expect(table.rows.count == 2)
        #expect(table.rows.allSatisfy { row in row.cells.allSatisfy { $0 == nil } })
        #expect(LaTeXTable.render(table, ci: false).contains("qwen2\\_audio 7B \\& co & -- \\\\"))
    }

    @Test func blocksAreSuitesNotTheirPrintedNames() throws {
        // Two datasets' random settings: the same printed name, two blocks.
        var clotho = TableFixtures.runs
        for index in clotho.indices {
            clotho[index].results.suites = clotho[index].results.suites.prefix(1).map { suite in
                var suite = suite
                suite.id = "clotho-random"
                return suite
            }
        }
        let runs = TableFixtures.runs.indices.map { index in
            (
                name: TableFixtures.runs[index].name,
                results: RunResults(
                    manifest: TableFixtures.runs[index].results.manifest,
                    suites: TableFixtures.runs[index].results.suites + clotho[index].results.suites)
            )
        }
        let table = ResultsTable(layout: try TableLayout.resolve("hallucination"), runs: runs)
        let starts = table.rows.indices.filter(table.startsBlock)
        #expect(starts.count == 4)  // audiocaps random, popular, adversarial; clotho random
        #expect(try Self.marked(table, "F1").count == 4)
    }

    @Test func aSliceRowHasNoValueForAnotherSlicesColumn() throws {
        var layout = try TableLayout.resolve("mmau")
        layout.rows = .sliceRun
        layout.slice = "difficulty"
        let table = ResultsTable(layout: layout, runs: TableFixtures.published("mmau"))
        // Sound, Music, … are task slices: within a difficulty they have no value and are left out.
        #expect(table.columns.map(\.metric.label) == ["Avg"])
        #expect(table.text(row: 0, column: 0, ci: false) == "70.00")  // easy, qwen2-audio
    }
}
