/// `results.json`: the run's manifest and, per suite, what happened and what it scored.
/// Versioned by `schema`; see `docs/results-schema.md`.
public struct RunResults: Sendable, Hashable, Codable {
    public static let schemaVersion = "hark.results/1"

    public struct SuiteResults: Sendable, Hashable, Codable {
        public var id: String
        public var task: TaskKind
        public var fingerprint: String
        public var counts: SuiteCounts
        /// How the suite was scored (extractor, policy, positive class, bootstrap), when it was.
        public var scoring: JSONValue?
        /// Metrics by name, each `{value, ci, n}`; fractions in [0, 1].
        public var metrics: [MetricName: MetricValue]
        /// Tag key → tag value → metrics; `template` slices by prompt template.
        public var slices: [String: [String: [MetricName: MetricValue]]]
        /// Yes-no suites: label × answer counts (`yes_yes`, `yes_no`, `yes_unparsed`, `no_yes`, …).
        public var confusion: [String: Int]?

        public init(
            id: String, task: TaskKind, fingerprint: String, counts: SuiteCounts, scoring: JSONValue? = nil,
            metrics: [MetricName: MetricValue] = [:], slices: [String: [String: [MetricName: MetricValue]]] = [:]
        ) {
            self.id = id
            self.task = task
            self.fingerprint = fingerprint
            self.counts = counts
            self.scoring = scoring
            self.metrics = metrics
            self.slices = slices
        }
    }

    /// Per suite: samples, answers, errors by kind, cache hits.
    public struct SuiteCounts: Sendable, Hashable, Codable {
        public var samples = 0
        public var answered = 0
        public var errors = 0
        public var errorKinds: [String: Int] = [:]
        public var cacheHits = 0
        public var emptyAnswers = 0
        /// Answered samples whose answer could not be read (known once scored).
        public var unparsed: Int?
        /// Unparsed answers by reason: `empty`, `refusal`, `contradiction`, `off_topic`, `no_decision`.
        public var unparsedReasons: [String: Int]?
        /// The tokens the server counted, where it counts them: the cost of the suite.
        public var usage: TokenTotals?

        public init() {}

        public var errorRate: Double { samples > 0 ? Double(errors) / Double(samples) : 0 }

        /// Counts one journal record in.
        public mutating func add(_ record: SampleRecord) {
            samples += 1
            if record.cached { cacheHits += 1 }
            if let error = record.error {
                errors += 1
                errorKinds[error.kind.rawValue, default: 0] += 1
            } else {
                answered += 1
                if record.response?.isEmpty ?? true { emptyAnswers += 1 }
                if let tokens = record.usage {
                    var totals = usage ?? TokenTotals()
                    totals.add(tokens, seconds: record.audio.isEmpty ? nil : record.audio.reduce(0) { $0 + $1.seconds })
                    usage = totals
                }
            }
        }

        enum CodingKeys: String, CodingKey {
            case samples, answered, errors
            case errorKinds = "error_kinds"
            case cacheHits = "cache_hits"
            case emptyAnswers = "empty_answers"
            case unparsed, usage
            case unparsedReasons = "unparsed_reasons"
        }
    }

    /// Token counts over a suite's answered samples, and whether the prompt tokens grow with the
    /// clips' duration (a server that drops the audio counts the text alone).
    public struct TokenTotals: Sendable, Hashable, Codable {
        public var samples = 0
        public var promptTokens = 0
        public var completionTokens = 0
        /// True when, over clips at least a second apart in length, the prompt tokens do not rise
        /// with duration (least-squares slope ≤ 0); nil when that cannot be told.
        public var flatWithDuration: Bool?
        private var fit = LineFit()

        public init() {}

        public var meanPromptTokens: Double { samples > 0 ? Double(promptTokens) / Double(samples) : 0 }
        public var meanCompletionTokens: Double { samples > 0 ? Double(completionTokens) / Double(samples) : 0 }

        public mutating func add(_ usage: TokenUsage, seconds: Double?) {
            samples += 1
            promptTokens += usage.promptTokens
            completionTokens += usage.completionTokens
            guard let seconds else { return }
            fit.add(x: seconds, y: Double(usage.promptTokens))
            flatWithDuration = fit.count >= 5 && fit.span >= 1 ? fit.slope <= 0 : nil
        }

        /// Sums for a least-squares line, kept while a journal streams by.
        struct LineFit: Sendable, Hashable {
            var count = 0.0, sumX = 0.0, sumY = 0.0, sumXY = 0.0, sumXX = 0.0
            var minX = Double.infinity, maxX = -Double.infinity

            mutating func add(x: Double, y: Double) {
                count += 1
                sumX += x
                sumY += y
                sumXY += x * y
                sumXX += x * x
                minX = min(minX, x)
                maxX = max(maxX, x)
            }

            var span: Double { maxX - minX }
            var slope: Double {
                let denominator = count * sumXX - sumX * sumX
                return denominator > 0 ? (count * sumXY - sumX * sumY) / denominator : 0
            }
        }

        enum CodingKeys: String, CodingKey {
            case samples
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
            case flatWithDuration = "flat_with_duration"
        }
    }

    public var schema: String
    public var manifest: RunManifest
    public var suites: [SuiteResults]

    public init(manifest: RunManifest, suites: [SuiteResults]) {
        schema = Self.schemaVersion
        self.manifest = manifest
        self.suites = suites
    }
}
