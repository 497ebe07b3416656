import Foundation
import HarkCore
import HarkReports
import HarkTestSupport
import Testing

/// Each benchmark's published table: golden files in LaTeX, Markdown and CSV, and every LaTeX one
/// compiled (with multirow and siunitx where they are installed), and as a standalone document.
struct PublishedLayoutTests {
    static let golden = TableTests.golden.appendingPathComponent("published")
    static let layouts = [
        "kuan2024", "icassp2025", "mmau", "mmar", "sakura", "speech-ifeval", "ahabench", "cmm", "halluaudio",
    ]

    static func table(_ layout: String) throws -> ResultsTable {
        ResultsTable(layout: try TableLayout.resolve(layout), runs: TableFixtures.published(layout))
    }

    @Test(arguments: layouts)
    func layoutsMatchTheirGoldenFiles(layout: String) throws {
        let table = try Self.table(layout)
        try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
        for renderer in TableRenderers.all {
            let text = renderer.render(table, ci: false)
            let url = Self.golden.appendingPathComponent("\(layout).\(renderer.fileExtension)")
            if ProcessInfo.processInfo.environment["HARK_UPDATE_GOLDEN"] != nil {
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            #expect(text == (try String(contentsOf: url, encoding: .utf8)), "\(layout).\(renderer.fileExtension)")
        }
    }

    @Test func publishedLayoutsShowTheSlicesThePapersPrint() throws {
        let mmau = try Self.table("mmau")
        #expect(mmau.columns.map(\.metric.label) == ["Sound", "Music", "Speech", "Easy", "Medium", "Hard", "Avg"])
        #expect(mmau.columns.map(\.group) == ["Task", "Task", "Task", "Difficulty", "Difficulty", "Difficulty", nil])
        #expect(mmau.text(row: 1, column: 0, ci: false) == "65.00")
        #expect(mmau.best(column: 0) == [1])  // balsa; the random baseline never
        let sakura = try Self.table("sakura")
        #expect(sakura.columns.count == 8)
        #expect(LaTeXTable.render(sakura, ci: false).contains("\\multicolumn{2}{c}{Gender}"))
        let aha = try Self.table("ahabench")
        #expect(
            aha.columns.map(\.metric.label) == [
                "Duration", "Inferred sound", "Homophone", "Knowledge", "Avg", "Bias", "All right", "All wrong",
            ])
        let cmm = try Self.table("cmm")
        #expect(
            cmm.columns.map(\.group) == [
                "audio-language", "audio-language", "audio_dominance", "audio_dominance", "Overall", "Overall",
            ])
        #expect(cmm.text(row: 1, column: 0, ci: false) == "90.00")
        let icassp = try Self.table("icassp2025")
        #expect(icassp.columns.map(\.metric.label).suffix(4) == ["C-C", "IC-IC", "C-IC", "IC-C"])
    }

    static var pdflatex: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/pdflatex") }

    static func installed(_ package: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/kpsewhich")
        process.arguments = [package]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    static func compiles(_ document: String, in directory: TemporaryDirectory, name: String) throws -> Bool {
        _ = try directory.write(document, to: "\(name).tex")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdflatex")
        process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "\(name).tex"]
        process.currentDirectoryURL = directory.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
            && FileManager.default.fileExists(atPath: directory.path("\(name).pdf").path)
    }

    @Test(.enabled(if: pdflatex, "pdflatex is not installed"))
    func everyGoldenCompilesAndTheStandaloneDocumentAlone() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for layout in Self.layouts {
            let body = try String(contentsOf: Self.golden.appendingPathComponent("\(layout).tex"), encoding: .utf8)
            let document =
                "\\documentclass{article}\n\\usepackage{booktabs}\n\\begin{document}\n\(body)\\end{document}\n"
            #expect(try Self.compiles(document, in: directory, name: layout), "\(layout).tex")
            var options = try TableLayout.resolve(layout)
            options.multirow = Self.installed("multirow.sty")
            options.siunitx = Self.installed("siunitx.sty")
            options.secondBest = true
            let table = ResultsTable(layout: options, runs: TableFixtures.published(layout))
            let standalone = LaTeXTable.render(table, ci: false, standalone: true)
            #expect(standalone.hasPrefix("\\documentclass{article}"))
            #expect(try Self.compiles(standalone, in: directory, name: "\(layout)-standalone"), "\(layout) standalone")
        }
    }
}
