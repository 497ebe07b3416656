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
}
