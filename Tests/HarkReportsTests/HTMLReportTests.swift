import Foundation
import HarkCore
import HarkReports
import Testing

@Suite struct HTMLReportTests {
    static let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"

    func report(items: Int = 3) -> String {
        let explorer = (0..<items).map { index in
            ExplorerItem(
                run: "run <b>1</b>", suite: "audiocaps-random", key: "audiocaps-random/i\(index)#t0",
                prompt: "Is there a sound of </script> dog?", response: index == 0 ? Self.hostile : "No\u{2028}\u{07}",
                expected: "no", extracted: index == 0 ? "unparsed" : "no", correct: index != 0, error: nil,
                audio: ["a \"b\".wav"],
                tags: ["sampling": "random"])
        }
        return HTMLReport(title: "T <i>", runs: TableFixtures.runs, items: explorer) { _, path in "clips/" + path }
            .render()
    }

    @Test func modelTextNeverBecomesMarkup() {
        let html = report()
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("</script> dog"))
        #expect(html.contains(#"\u003cscript\u003ealert(1)\u003c/script\u003e\u003cimg src=x onerror=alert(2)\u003e"#))
        #expect(html.contains("<title>T &lt;i&gt;</title>"))
        #expect(!html.contains("\u{07}") && !html.contains("\u{2028}"))
        // Exactly our own two script blocks.
        #expect(html.components(separatedBy: "<script").count - 1 == 2)
    }

    @Test func theReportIsSelfContained() {
        let html = report()
        for needle in ["src=\"http", "href=\"http", "<link", "@import", "url(http"] {
            #expect(!html.contains(needle), "\(needle)")
        }
        #expect(html.contains("<svg"))
    }

    @Test func itemsArePagedByScriptNotWrittenAsRows() {
        let html = report(items: 500)
        #expect(html.contains(#"<tbody id="f-rows"></tbody>"#))
        #expect(html.components(separatedBy: "<tr").count < 100)
    }

    @Test func stringsAreStoredOnce() {
        let small = report(items: 10).utf8.count
        let large = report(items: 1_000).utf8.count
        // Each further item costs its indexes and its distinct key, not its repeated texts.
        #expect(Double(large - small) / 990 < 120)
    }
}
