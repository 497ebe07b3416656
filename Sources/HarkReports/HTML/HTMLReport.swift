import Foundation
public import HarkCore

/// The self-contained HTML report: one file with inline CSS, JavaScript and SVG, no network fetches.
/// Shows each run's manifest, summary cards, metric tables with intervals, charts, and an item
/// explorer that pages through the samples (never one DOM row per item) and puts model text on the
/// page only through `textContent`.
public struct HTMLReport {
    public var title: String
    public var runs: [(name: String, results: RunResults)]
    public var items: [ExplorerItem]
    /// Comparisons of later runs with the first (`hark compare`), shown in their own section.
    public var comparisons: [ComparisonSection]
    /// Listening controls beside their real runs, already measured (`hark compare RUN CONTROL`).
    public var listening: [ListeningRow] = []
    /// The `src` of a clip's audio player (a relative path or a data: URL), by suite and clip path.
    public var audioSource: (_ suite: String, _ path: String) -> String?

    public init(
        title: String, runs: [(name: String, results: RunResults)], items: [ExplorerItem],
        comparisons: [ComparisonSection] = [],
        audioSource: @escaping (_ suite: String, _ path: String) -> String? = { _, _ in nil }
    ) {
        self.title = title
        self.runs = runs
        self.items = items
        self.comparisons = comparisons
        self.audioSource = audioSource
    }

    /// One suite of a listening control beside its real run; shares with their 95% intervals.
    public struct ListeningRow: Sendable {
        public var suite: String
        public var real: String
        public var control: String
        public var kind: String
        public var realAccuracy: Double
        public var controlAccuracy: Double
        public var audioInsensitivity: (value: Double, ci: [Double])
        public var controlYesRatio: (value: Double, ci: [Double])?
        public var yesOnSilence: (value: Double, ci: [Double])?

        public init(
            suite: String, real: String, control: String, kind: String, realAccuracy: Double, controlAccuracy: Double,
            audioInsensitivity: (value: Double, ci: [Double]), controlYesRatio: (value: Double, ci: [Double])?,
            yesOnSilence: (value: Double, ci: [Double])?
        ) {
            (self.suite, self.real, self.control, self.kind) = (suite, real, control, kind)
            (self.realAccuracy, self.controlAccuracy) = (realAccuracy, controlAccuracy)
            (self.audioInsensitivity, self.controlYesRatio, self.yesOnSilence) =
                (audioInsensitivity, controlYesRatio, yesOnSilence)
        }
    }

    /// A comparison as the report shows it, already computed.
    public struct ComparisonSection: Sendable {
        public struct Row: Sendable {
            public var suite: String
            public var metric: MetricName
            public var baseline: Double
            public var candidate: Double
            public var difference: Double
            public var ci: [Double]
            public var pValue: Double
            public var test: String
            /// The p-value after the multiplicity correction, where there is one.
            public var adjustedPValue: Double?

            public init(
                suite: String, metric: MetricName, baseline: Double, candidate: Double, difference: Double,
                ci: [Double],
                pValue: Double, test: String, adjustedPValue: Double? = nil
            ) {
                (self.suite, self.metric, self.baseline, self.candidate) = (suite, metric, baseline, candidate)
                (self.difference, self.ci, self.pValue, self.test) = (difference, ci, pValue, test)
                self.adjustedPValue = adjustedPValue
            }

            public var decidingPValue: Double { adjustedPValue ?? pValue }
        }

        /// A sample right in one run and wrong in the other, with what was asked and answered.
        public struct Flip: Sendable {
            public var direction: String
            public var suite: String
            public var key: String
            public var expected: String
            /// What each run's answer was read as, and the answers in full.
            public var baseline: String
            public var candidate: String
            public var prompt: String
            public var baselineResponse: String
            public var candidateResponse: String
            public var audio: [String]

            public init(
                direction: String, suite: String, key: String, expected: String, baseline: String, candidate: String,
                prompt: String = "", baselineResponse: String = "", candidateResponse: String = "", audio: [String] = []
            ) {
                (self.direction, self.suite, self.key, self.expected) = (direction, suite, key, expected)
                (self.baseline, self.candidate, self.prompt) = (baseline, candidate, prompt)
                (self.baselineResponse, self.candidateResponse, self.audio) = (
                    baselineResponse, candidateResponse, audio
                )
            }
        }

        public var baseline: String
        public var candidate: String
        public var rows: [Row]
        /// Flipped samples, right → wrong first.
        public var flips: [Flip]

        public init(baseline: String, candidate: String, rows: [Row], flips: [Flip]) {
            self.baseline = baseline
            self.candidate = candidate
            self.rows = rows
            self.flips = flips
        }
    }

    public func render() -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; media-src data: file: blob: *">
            <title>\(HTMLText.escape(title))</title>
            <style>\(Self.css)</style></head><body>
            <header><h1>\(HTMLText.escape(title))</h1><p class="muted">hark report · \(runs.count) run(s) · \(items.count) samples</p></header>

            """
        html += section("Overview", overview())
        html += section("Tables", tables())
        html += section("Charts", charts())
        let diagnostics = hallucinationDiagnostics()
        if !diagnostics.isEmpty { html += section("Hallucination diagnostics", diagnostics) }
        if !listening.isEmpty { html += section("Listening controls", listeningHTML()) }
        if !comparisons.isEmpty { html += section("Comparison", comparisonHTML()) }
        html += section("Items", explorer())
        html += section("Cards", summaryCards())
        html += section("Runs", manifests())
        html +=
            "<script type=\"application/json\" id=\"hark-items\">" + HTMLText.scriptSafe(explorerJSON()) + "</script>\n"
        html += "<script>" + Self.script + "</script>\n</body></html>\n"
        return html
    }

    func section(_ heading: String, _ body: String) -> String {
        "<section><h2>\(HTMLText.escape(heading))</h2>\n\(body)\n</section>\n"
    }

    /// One card per run × suite, collapsed: its counts and its task's metrics with their intervals,
    /// and why answers went unparsed.
    func summaryCards() -> String {
        var cards = ""
        var count = 0
        for run in runs {
            for suite in run.results.suites {
                count += 1
                let counts = suite.counts
                func metric(_ name: MetricName, _ label: String) -> String {
                    guard let value = suite.metrics[name] else { return "" }
                    guard value.n > 0 else {
                        return "<div><b>\(label)</b> <span title=\"nothing to divide: n = 0\">–</span></div>"
                    }
                    let interval =
                        value.ci.map {
                            String(format: " <span class=\"muted\">[%.2f, %.2f]</span>", $0[0] * 100, $0[1] * 100)
                        } ?? ""
                    return "<div><b>\(label)</b> " + String(format: "%.2f", value.value * 100) + interval + "</div>"
                }
                let metrics: [(MetricName, String)] =
                    switch suite.task {
                    case .yesNo:
                        [
                            (.accuracy, "accuracy"), (.f1, "F1"), (.yesRatio, "yes-ratio"), (.bias, "bias"),
                            (.unparsedRate, "unparsed"),
                        ]
                    case .multipleChoice:
                        [
                            (.accuracy, "accuracy"), (MetricName.accuracy.judged, "judged accuracy"),
                            (.unparsedRate, "unparsed"),
                        ]
                    case .instructionFollowing:
                        [
                            (.promptStrict, "prompt-strict"), (.promptLoose, "prompt-loose"),
                            (.instructionStrict, "instruction-strict"), (.ifRate, "IFrate"),
                        ]
                    case .caption: [(.echoI, "ECHO_I"), (.echoS, "ECHO_S"), (.cover, "Cover")]
                    case .openQA: [(.accuracy, "accuracy"), (.unparsedRate, "judge unparsed")]
                    }
                cards +=
                    "<div class=\"card\" data-run=\"\(HTMLText.escape(run.name))\" data-suite=\"\(HTMLText.escape(suite.id))\"><h3>\(HTMLText.escape(run.name))</h3><p class=\"muted\">\(HTMLText.escape(suite.id)) · \(suite.task.rawValue)</p>"
                cards +=
                    "<div><b>samples</b> \(counts.samples) · <b>errors</b> \(counts.errors) · <b>unparsed</b> \(counts.unparsed ?? 0)</div>"
                cards += metrics.map { metric($0.0, $0.1) }.joined()
                if let reasons = counts.unparsedReasons, !reasons.isEmpty {
                    let list = reasons.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(
                        separator: ", ")
                    cards += "<div class=\"muted\">unparsed: \(HTMLText.escape(list))</div>"
                }
                cards += "</div>"
            }
        }
        return "<details><summary>\(count) cards: each run × suite</summary><div class=\"cards\">" + cards
            + "</div></details>"
    }

    func tables() -> String {
        var html = ""
        for name in ["hallucination", "slices", "choice", "instruction", "summary"] {
            guard let layout = TableLayout.builtIn[name] else { continue }
            let table = ResultsTable(layout: layout, runs: runs)
            guard !table.rows.isEmpty else { continue }
            html += HTMLTable.render(table, ci: true)
        }
        return html
    }

    func charts() -> String {
        var html = "<div class=\"charts\">"
        let table = ResultsTable(layout: TableLayout.builtIn["hallucination"]!, runs: runs)
        let settings = table.rows.reduce(into: [String]()) { if !$0.contains($1.labels[0]) { $0.append($1.labels[0]) } }
        let names = runs.map(\.name)
        func cells(_ metric: MetricName) -> [[MetricValue?]] {
            guard let column = table.metrics.firstIndex(where: { $0.key == metric }) else { return [] }
            return names.map { name in
                settings.map { setting in table.rows.first { $0.labels == [setting, name] }?.cells[column] }
            }
        }
        if !settings.isEmpty {
            for (metric, title, reference) in [
                (MetricName.f1, "F1 by setting, 95% intervals", nil as Double?),
                (.yesRatio, "Yes-ratio (balanced = 50), 95% intervals", 0.5),
            ] {
                let values = cells(metric)
                html += SVGChart.bars(
                    title: title, groups: settings, series: names,
                    values: values.map { $0.map { $0.flatMap { $0.n > 0 ? $0.value : nil } } },
                    intervals: values.map { $0.map { $0?.ci } }, reference: reference)
            }
        }
        html += templateSpread()
        html += sliceCharts()
        for run in runs {
            for suite in run.results.suites {
                if let counts = suite.confusion {
                    html += SVGChart.confusion(title: "\(suite.id) · \(run.name)", counts: counts)
                }
            }
        }
        return html + "</div>"
    }

    /// Accuracy by slice (task, difficulty, category, …) for each suite that is not a yes/no probe
    /// set, runs side by side, with the intervals the slices carry; slices of 2 to 12 values.
    func sliceCharts() -> String {
        var html = ""
        let names = runs.map(\.name)
        let suites = runs.flatMap(\.results.suites).reduce(into: [RunResults.SuiteResults]()) { known, suite in
            if !known.contains(where: { $0.id == suite.id }) { known.append(suite) }
        }
        for suite in suites where suite.task != .yesNo {
            for key in suite.slices.keys.sorted() where !["template", "source_file", "reader"].contains(key) {
                let values = (suite.slices[key] ?? [:]).keys.sorted()
                guard (2...12).contains(values.count),
                    suite.slices[key]?.values.contains(where: { $0[.accuracy] != nil }) == true
                else { continue }
                let cells = runs.map { run in
                    values.map { value in
                        run.results.suites.first { $0.id == suite.id }?.slices[key]?[value]?[.accuracy]
                    }
                }
                html += SVGChart.bars(
                    title: "\(suite.id): accuracy by \(key)", groups: values, series: names,
                    values: cells.map { $0.map { $0.flatMap { $0.n > 0 ? $0.value : nil } } },
                    intervals: cells.map { $0.map { $0?.ci } })
            }
        }
        return html
    }

    /// F1 per prompt template for each yes/no suite and run (a dot per template, a bar at the mean):
    /// the spread Kuan et al. report as Std.
    func templateSpread() -> String {
        var groups: [String] = []
        var dots: [[[Double]]] = []
        let names = runs.map(\.name)
        let suites = runs.flatMap(\.results.suites).filter {
            $0.task == .yesNo && ($0.slices["template"]?.count ?? 0) > 1
        }
        for id in suites.map(\.id).reduce(into: [String](), { if !$0.contains($1) { $0.append($1) } }) {
            groups.append(id)
            dots.append(
                runs.map { run in
                    let templates = run.results.suites.first { $0.id == id }?.slices["template"] ?? [:]
                    return templates.filter { $0.key != "q" }.sorted { $0.key < $1.key }.compactMap {
                        $0.value[.f1].flatMap { $0.n > 0 ? $0.value : nil }
                    }
                })
        }
        guard !groups.isEmpty else { return "" }
        return SVGChart.dots(
            title: "F1 per template (dots) and mean (bar)",
            groups: groups,
            series: names, values: dots)
    }

    /// The slice that names a benchmark's types: AHa-Bench's `task_type`, CMM's `sub_category`,
    /// HalluAudio's `subset`.
    static let typeSlices = ["task_type", "sub_category", "subset"]

    /// The hallucination figures of the 2025–26 benchmarks for every yes/no suite, and by type:
    /// bias, per-clip consistency, perception accuracy and hallucination resistance, refusals.
    func hallucinationDiagnostics() -> String {
        let columns: [(MetricName, String)] = [
            (.bias, "bias (FNR − FPR)"), (.clipAllRight, "clips all right"), (.clipAllWrong, "clips all wrong"),
            (.perceptionAccuracy, "perception accuracy"), (.hallucinationResistance, "hallucination resistance"),
            (.refusalRate, "refusal rate"), (.falseRefusalRate, "false refusal rate"),
        ]
        var rows: [(run: String, suite: String, type: String, metrics: [MetricName: MetricValue])] = []
        for run in runs {
            for suite in run.results.suites where columns.contains(where: { suite.metrics[$0.0] != nil }) {
                rows.append((run.name, suite.id, "all", suite.metrics))
                guard let key = Self.typeSlices.first(where: { suite.slices[$0] != nil }) else { continue }
                for (type, metrics) in (suite.slices[key] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    rows.append((run.name, suite.id, "\(key): \(type)", metrics))
                }
            }
        }
        guard !rows.isEmpty else { return "" }
        let shown = columns.filter { column in rows.contains { $0.metrics[column.0] != nil } }
        var html =
            "<p class=\"muted\">Bias above 0 leans to “no”, below 0 to “yes”; 95% intervals where hark computes them.</p>"
        html += "<table class=\"results\"><thead><tr><th>run</th><th>suite</th><th>type</th>"
        html += shown.map { "<th>\(HTMLText.escape($0.1))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            html += "<tr data-run=\"\(HTMLText.escape(row.run))\" data-suite=\"\(HTMLText.escape(row.suite))\">"
            html += "<td>\(HTMLText.escape(row.run))</td><td>\(HTMLText.escape(row.suite))</td>"
            html += "<td>\(HTMLText.escape(row.type))</td>"
            for (name, _) in shown {
                guard let value = row.metrics[name], value.n > 0 else {
                    let why = row.metrics[name] == nil ? "not measured" : "undefined: nothing to divide (n = 0)"
                    html += "<td class=\"num\" title=\"\(why)\">–</td>"
                    continue
                }
                html += "<td class=\"num\">" + Self.share(value.value, ci: value.ci, signed: name == .bias) + "</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }

    /// Each control beside its real run: accuracy real → control, audio-insensitivity, the control's
    /// yes-ratio and yes on silence.
    func listeningHTML() -> String {
        var html =
            "<p class=\"muted\">The same samples with the audio changed. Audio-insensitivity: the share of answers that stayed the same; yes on silence: “yes” to a sound in a clip that has none.</p>"
        html += "<table class=\"results\"><thead><tr><th>suite</th><th>real run</th><th>control</th>"
        html +=
            "<th>accuracy real</th><th>accuracy control</th><th>audio-insensitivity</th><th>yes-ratio on control</th><th>yes on silence</th></tr></thead><tbody>"
        for row in listening {
            let cells = [
                Self.share(row.realAccuracy, ci: nil), Self.share(row.controlAccuracy, ci: nil),
                Self.share(row.audioInsensitivity.value, ci: row.audioInsensitivity.ci),
                row.controlYesRatio.map { Self.share($0.value, ci: $0.ci) } ?? "–",
                row.yesOnSilence.map { Self.share($0.value, ci: $0.ci) } ?? "–",
            ]
            html += "<tr><td>\(HTMLText.escape(row.suite))</td><td>\(HTMLText.escape(row.real))</td>"
            html += "<td>\(HTMLText.escape(row.control)) (\(HTMLText.escape(row.kind)))</td>"
            html += cells.map { "<td class=\"num\">\($0)</td>" }.joined() + "</tr>"
        }
        return html + "</tbody></table>"
    }

    /// A share as a percentage with its interval; `signed` for a difference such as the bias.
    static func share(_ value: Double, ci: [Double]?, signed: Bool = false) -> String {
        let format = signed ? "%+.2f" : "%.2f"
        let interval = ci.map {
            " <span class=\"muted\">[" + String(format: format, $0[0] * 100) + ", "
                + String(format: format, $0[1] * 100) + "]</span>"
        }
        return String(format: format, value * 100) + (interval ?? "")
    }

    func comparisonHTML() -> String {
        var html = ""
        for comparison in comparisons {
            html += "<h3>\(HTMLText.escape(comparison.candidate)) against \(HTMLText.escape(comparison.baseline))</h3>"
            html += SVGChart.forest(
                title: "Changes with their 95% intervals (filled: significant after the correction)",
                rows: comparison.rows.map {
                    (
                        label: "\($0.suite) · \($0.metric.rawValue)", difference: $0.difference, ci: $0.ci,
                        significant: $0.decidingPValue < 0.05
                    )
                })
            html +=
                "<table class=\"results\"><thead><tr><th>suite</th><th>metric</th><th>\(HTMLText.escape(comparison.baseline))</th>"
            html +=
                "<th>\(HTMLText.escape(comparison.candidate))</th><th>change</th><th>95% CI</th><th>p</th><th>test</th></tr></thead><tbody>"
            for row in comparison.rows {
                let cells = [
                    String(format: "%.2f", row.baseline * 100), String(format: "%.2f", row.candidate * 100),
                    String(format: "%+.2f", row.difference * 100),
                    String(format: "[%+.2f, %+.2f]", row.ci[0] * 100, row.ci[1] * 100),
                    String(format: "%.4g", row.pValue),
                ]
                html += "<tr><td>\(HTMLText.escape(row.suite))</td><td>\(HTMLText.escape(row.metric.rawValue))</td>"
                html +=
                    cells.map { "<td class=\"num\">\($0)</td>" }.joined() + "<td>\(HTMLText.escape(row.test))</td></tr>"
            }
            html += "</tbody></table>"
            if !comparison.flips.isEmpty {
                html +=
                    "<p>\(comparison.flips.count) samples flipped (right → wrong first; the first 100 shown).</p><table class=\"items\"><thead><tr><th></th><th>sample</th><th>question</th><th>expected</th>"
                html +=
                    "<th>\(HTMLText.escape(comparison.baseline))</th><th>\(HTMLText.escape(comparison.candidate))</th><th>audio</th></tr></thead><tbody>"
                func answer(_ read: String, _ response: String) -> String {
                    response.isEmpty ? read : "\(read): \(response)"
                }
                for flip in comparison.flips.prefix(100) {
                    let cells = [
                        flip.direction, flip.key, flip.prompt, flip.expected,
                        answer(flip.baseline, flip.baselineResponse),
                        answer(flip.candidate, flip.candidateResponse),
                    ]
                    let players = flip.audio.compactMap { audioSource(flip.suite, $0) }.map {
                        "<audio controls preload=\"none\" src=\"\(HTMLText.escape($0))\"></audio>"
                    }
                    html +=
                        "<tr>" + cells.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "<td>" + players.joined()
                        + "</td></tr>"
                }
                html += "</tbody></table>"
            }
        }
        return html
    }

    func explorer() -> String {
        """
        <div class="filters">
        <label>run <select id="f-run"><option value="">all</option></select></label>
        <label>suite <select id="f-suite"><option value="">all</option></select></label>
        <label>outcome <select id="f-outcome">
        <option value="hallucinated">hallucinated: said yes to an absent sound</option>
        <option value="missed">missed: said no to a present sound</option>
        <option value="unparsed">unparsed</option><option value="error">error</option>
        <option value="wrong">wrong</option><option value="correct">correct</option><option value="">all</option></select></label>
        <label>slice <select id="f-slice"><option value="">all</option></select></label>
        <label>search <input id="f-text" type="search" placeholder="question or answer"></label>
        </div>
        <p id="f-count" class="muted"></p>
        <table class="items"><thead><tr><th>run</th><th>sample</th><th>question</th><th>answer</th><th>expected</th><th>read as</th><th>audio</th></tr></thead>
        <tbody id="f-rows"></tbody></table>
        <p class="pager"><button id="f-prev">previous</button> <span id="f-page"></span> <button id="f-next">next</button></p>
        """
    }

    func manifests() -> String {
        var html = ""
        for run in runs {
            let manifest = run.results.manifest
            html += "<details><summary>\(HTMLText.escape(run.name))</summary><table class=\"manifest\">"
            func row(_ key: String, _ value: String) {
                html += "<tr><th>\(HTMLText.escape(key))</th><td>\(HTMLText.escape(value))</td></tr>"
            }
            row("hark", "\(manifest.harkVersion) (\(manifest.gitRevision))")
            row("model", "\(manifest.model.name) · \(manifest.model.identity)")
            row("settings", manifest.model.settings.canonical)
            row("generation", manifest.generation.json.canonical)
            row("audio", manifest.audio.canonical)
            row("started / finished", "\(manifest.startedAt) / \(manifest.finishedAt ?? "-")")
            row(
                "counts",
                "\(manifest.counts.samples) samples, \(manifest.counts.answered) answered, \(manifest.counts.errors) errors, \(manifest.counts.cacheHits) cached"
            )
            if let fingerprint = manifest.model.fingerprint { row("model fingerprint", fingerprint.canonical) }
            if let preflight = manifest.preflight {
                let tokens = { (probe: RunManifest.Preflight.Probe) in
                    probe.promptTokens.map(String.init) ?? "not reported"
                }
                row(
                    "preflight",
                    "\(preflight.key): \(tokens(preflight.withAudio)) prompt tokens with the clip, \(tokens(preflight.withoutAudio)) without"
                )
            }
            for suite in manifest.suites { row("suite \(suite.id) v\(suite.version)", suite.fingerprint) }
            for suite in run.results.suites {
                guard let usage = suite.counts.usage else { continue }
                var text = String(
                    format: "%d prompt, %d completion (%.1f and %.1f per sample over %d)", usage.promptTokens,
                    usage.completionTokens,
                    usage.meanPromptTokens, usage.meanCompletionTokens, usage.samples)
                if usage.flatWithDuration == true {
                    text += "; prompt tokens do not grow with clip duration: the server may be ignoring the audio"
                }
                row("tokens \(suite.id)", text)
            }
            html += "</table></details>"
        }
        return html
    }

    /// The samples as compact JSON: a table of distinct strings and, per sample, indexes into it.
    func explorerJSON() -> String {
        var strings: [String] = []
        var index: [String: Int] = [:]
        func id(_ text: String) -> Int {
            if let known = index[text] { return known }
            index[text] = strings.count
            strings.append(text)
            return strings.count - 1
        }
        var rows: [String] = []
        rows.reserveCapacity(items.count)
        for item in items {
            let audio = item.audio.map { path in id(audioSource(item.suite, path) ?? "") }
            let tags = item.tags.sorted { $0.key < $1.key }.map { id("\($0.key)=\($0.value)") }
            let fields = [
                id(item.run), id(item.suite), id(item.key), id(item.prompt), id(item.response), id(item.expected),
                id(item.extracted), id(item.outcome), id(item.error ?? ""),
            ]
            rows.append(
                "[" + fields.map(String.init).joined(separator: ",") + ",["
                    + audio.map(String.init).joined(separator: ",")
                    + "],[" + tags.map(String.init).joined(separator: ",") + "]]")
        }
        let table = JSONValue.array(strings.map(JSONValue.string)).canonical
        return "{\"strings\":" + table + ",\"items\":[" + rows.joined(separator: ",") + "]}"
    }

    static let css = """
        body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:0 16px;color:#222;background:#fff}
        h1{margin-bottom:0}h2{border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:32px}.muted{color:#666}
        .cards{display:flex;flex-wrap:wrap;gap:12px;margin-top:8px}.card{border:1px solid #ddd;border-radius:6px;padding:8px 12px;min-width:210px}
        .card h3{margin:0}table{border-collapse:collapse;margin:8px 0 20px}th,td{border-bottom:1px solid #eee;padding:4px 8px;text-align:left;vertical-align:top}
        table.results,table.items,table.matrix-table,table.manifest{display:block;overflow-x:auto;max-width:100%}
        table.results td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.best{font-weight:700}
        .matrix-table th{white-space:nowrap}.heat{cursor:pointer;text-align:right;min-width:72px;font-variant-numeric:tabular-nums;white-space:nowrap}
        .heat.best{font-weight:700;box-shadow:inset 0 0 0 2px #111}.heat:focus,.heat.selected{outline:3px solid #e4572e;outline-offset:-3px}
        .heat.empty{color:#999;cursor:default}.changed{border-left:4px solid #e4572e;padding:4px 12px;margin:12px 0;background:#fafafa}
        .changed ul{margin:4px 0;padding-left:18px}.hidden{display:none}
        .charts{display:flex;flex-wrap:wrap;gap:16px}.chart{max-width:100%;height:auto}.matrix{width:300px;max-width:100%}
        .chart-title{font-weight:600;font-size:13px}.axis{font-size:11px;fill:#555}.cell{font-size:13px}.grid{stroke:#eee}
        .reference{stroke:#c00;stroke-dasharray:5 4}.whisker{stroke:#222;stroke-width:1.5}.filters{display:flex;flex-wrap:wrap;gap:10px}
        table.items td{max-width:360px;white-space:pre-wrap;word-break:break-word}.outcome-hallucinated{background:#fdecea}
        .outcome-missed{background:#fff4e5}.outcome-correct{background:#f0f8f0}audio{width:180px;max-width:100%}
        summary{cursor:pointer}button,select,input{font:inherit}
        @media (prefers-color-scheme:dark){body{background:#121212;color:#ddd}th,td{border-color:#333}h2{border-color:#444}
        .card{border-color:#444}.muted{color:#9a9a9a}.changed{background:#1d1d1d}.axis{fill:#aaa}.grid{stroke:#333}.whisker{stroke:#ddd}
        .chart-title,.cell{fill:#ddd}
        .outcome-hallucinated{background:#3a1f1c}.outcome-missed{background:#3a2e16}.outcome-correct{background:#1b2e1b}.heat.best{box-shadow:inset 0 0 0 2px #eee}}
        @media print{body{max-width:none}.filters,#f-prev,#f-next,audio{display:none}section{break-inside:avoid-page}
        table.results,table.items,table.matrix-table{display:table;overflow:visible}}
        """

    static let script = """
        (function(){
        var data=JSON.parse(document.getElementById('hark-items').textContent);var S=data.strings;var items=data.items;
        var page=0,size=50,shown=[];function el(id){return document.getElementById(id)}
        function fill(select,values){values.forEach(function(v){var o=document.createElement('option');o.value=v;o.textContent=v;select.appendChild(o)})}
        function distinct(f){var seen={},out=[];items.forEach(function(i){var v=f(i);(Array.isArray(v)?v:[v]).forEach(function(x){if(!seen[x]){seen[x]=1;out.push(x)}})});return out.map(function(x){return S[x]}).sort()}
        fill(el('f-run'),distinct(function(i){return i[0]}));fill(el('f-suite'),distinct(function(i){return i[1]}));fill(el('f-slice'),distinct(function(i){return i[10]}));
        function apply(){var run=el('f-run').value,suite=el('f-suite').value,outcome=el('f-outcome').value,slice=el('f-slice').value,text=el('f-text').value.toLowerCase();
        shown=items.filter(function(i){return(!run||S[i[0]]===run)&&(!suite||S[i[1]]===suite)&&(!outcome||S[i[7]]===outcome)&&(!slice||i[10].some(function(t){return S[t]===slice}))&&(!text||S[i[3]].toLowerCase().indexOf(text)>=0||S[i[4]].toLowerCase().indexOf(text)>=0)});page=0;render()}
        function cell(tr,text){var td=document.createElement('td');td.textContent=text;tr.appendChild(td);return td}
        function render(){var body=el('f-rows');body.textContent='';var pages=Math.max(1,Math.ceil(shown.length/size));page=Math.min(page,pages-1);
        shown.slice(page*size,page*size+size).forEach(function(i){var tr=document.createElement('tr');tr.className='outcome-'+S[i[7]];
        cell(tr,S[i[0]]);cell(tr,S[i[2]]);cell(tr,S[i[3]]);cell(tr,S[i[8]]?('error: '+S[i[8]]):S[i[4]]);cell(tr,S[i[5]]);cell(tr,S[i[6]]);
        var td=cell(tr,'');i[9].forEach(function(a){if(S[a]){var audio=document.createElement('audio');audio.controls=true;audio.preload='none';audio.src=S[a];td.appendChild(audio)}});body.appendChild(tr)});
        el('f-count').textContent=shown.length+' of '+items.length+' samples';el('f-page').textContent='page '+(page+1)+' of '+pages}
        ['f-run','f-suite','f-outcome','f-slice'].forEach(function(id){el(id).addEventListener('change',apply)});el('f-text').addEventListener('input',apply);
        el('f-prev').addEventListener('click',function(){if(page>0){page--;render()}});el('f-next').addEventListener('click',function(){page++;render()});apply();
        function pick(select,value){if(value&&![].some.call(select.options,function(o){return o.value===value})){var o=document.createElement('option');o.value=value;o.textContent=value;select.appendChild(o)}select.value=value}
        var chosen=null;function choose(td){var same=chosen===td;if(chosen)chosen.classList.remove('selected');chosen=same?null:td;
        var run=chosen?chosen.getAttribute('data-run'):'',suite=chosen?chosen.getAttribute('data-suite'):'';if(chosen)chosen.classList.add('selected');
        pick(el('f-run'),run);pick(el('f-suite'),suite);if(chosen)el('f-outcome').value='';apply();
        document.querySelectorAll('[data-run][data-suite]:not(.heat)').forEach(function(n){n.classList.toggle('hidden',!!chosen&&(n.getAttribute('data-run')!==run||n.getAttribute('data-suite')!==suite))})}
        document.querySelectorAll('td.heat:not(.empty)').forEach(function(td){td.addEventListener('click',function(){choose(td)});
        td.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();choose(td)}})});
        document.body.setAttribute('data-scroll-width',String(document.documentElement.scrollWidth));
        document.body.setAttribute('data-viewport-width',String(window.innerWidth));
        window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})})})();
        """
}
