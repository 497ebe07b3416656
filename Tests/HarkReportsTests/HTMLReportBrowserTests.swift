import Foundation
import HarkCore
import HarkReports
import HarkTestSupport
import Testing

/// The report as a browser renders it: Debian's headless Chromium loads the file, runs its script
/// and dumps the DOM; skipped where Chromium is not installed (CI installs it).
@Suite struct HTMLReportBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The DOM after load, at `width` px.
    func dom(_ html: String, width: Int) async throws -> String {
        let chromium = try #require(Self.chromium)
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let page = try folder.write(html, to: "report.html")
        let output = try folder.write("", to: "dom.html")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--user-data-dir=\(folder.path("profile").path)",
            "--window-size=\(width),1600", "--dump-dom", page.absoluteString,
        ]
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let (status, killed) = await HarkCLI.waitForExit(process, within: 120)
        #expect(status == 0 && !killed)
        return try String(contentsOf: output, encoding: .utf8)
    }

    func attribute(_ name: String, in dom: String) -> Int? {
        guard let range = dom.range(of: "\(name)=\"") else { return nil }
        return Int(dom[range.upperBound...].prefix { $0.isNumber })
    }

    @Test(.enabled(if: chromium != nil))
    func theFirstScreenHoldsTheMatrixNothingOverflowsAndModelTextRunsNoScript() async throws {
        let runs = TableFixtures.runs
        let hostile = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"
        let items = (0..<120).map { index in
            ExplorerItem(
                run: runs[index % runs.count].name, suite: "audiocaps-random", key: "audiocaps-random/i\(index)#t0",
                prompt: "Is there a dog? " + String(repeating: "long words without a break ", count: 20),
                // The hostile answers are read as "yes" to an absent sound: hallucinations, which the
                // explorer shows first.
                response: index % 2 == 0 ? hostile : "No", expected: "no", extracted: index % 2 == 0 ? "yes" : "no",
                correct: index % 2 == 1,
                error: nil, audio: [], tags: ["sampling": "random"])
        }
        let html = HTMLReport(title: "browser", runs: runs, items: items).render()
        let suites = Set(runs.flatMap { $0.results.suites.map(\.id) })
        for width in [1280, 768] {
            let dom = try await dom(html, width: width)
            // The matrix: one cell per run × suite, before anything else.
            #expect(dom.components(separatedBy: "class=\"heat").count - 1 == runs.count * suites.count)
            let overview = try #require(dom.range(of: "id=\"overview\""))
            let tables = try #require(dom.range(of: "<h2>Tables</h2>"))
            #expect(overview.lowerBound < tables.lowerBound)
            // The script ran (it writes these), and nothing is wider than the window.
            let scrollWidth = try #require(attribute("data-scroll-width", in: dom))
            let viewport = try #require(attribute("data-viewport-width", in: dom))
            #expect(scrollWidth <= viewport, "at \(width) px: \(scrollWidth) > \(viewport)")
            // Model text is text: no element made of it, no script of it run.
            #expect(dom.contains("<title>browser</title>"))
            #expect(!dom.contains("<img"))
            #expect(dom.contains("&lt;img src=x onerror="))
        }
    }
}
