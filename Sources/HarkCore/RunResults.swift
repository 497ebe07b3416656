/// `results.json`: the run's manifest and, per suite, what happened and what it scored.
/// Versioned by `schema`; see `docs/results-schema.md`.
public struct RunResults: Sendable, Hashable, Codable {
    public static let schemaVersion = "hark.results/1"

    public struct SuiteResults: Sendable, Hashable, Codable {
        public var id: String
        public var task: TaskKind
        public var fingerprint: String
        public var counts: Counts
        /// How the suite was scored (extractor, policy, positive class, bootstrap), when it was.
        public var scoring: JSONValue?
        /// Metrics by name, each `{value, ci, n}`; fractions in [0, 1].
        public var metrics: [String: MetricValue]
        /// Tag key → tag value → metrics; `template` slices by prompt template.
        public var slices: [String: [String: [String: MetricValue]]]
        /// Yes-no suites: label × answer counts (`yes_yes`, `yes_no`, `yes_unparsed`, `no_yes`, …).
        public var confusion: [String: Int]?

        public init(
            id: String, task: TaskKind, fingerprint: String, counts: Counts, scoring: JSONValue? = nil,
            metrics: [String: MetricValue] = [:], slices: [String: [String: [String: MetricValue]]] = [:]
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
    public struct Counts: Sendable, Hashable, Codable {
        public var samples = 0
        public var answered = 0
        public var errors = 0
        public var errorKinds: [String: Int] = [:]
        public var cacheHits = 0
        public var emptyAnswers = 0
        /// Answered samples whose answer could not be read (known once scored).
        public var unparsed: Int?

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
            }
        }

        enum CodingKeys: String, CodingKey {
            case samples, answered, errors
            case errorKinds = "error_kinds"
            case cacheHits = "cache_hits"
            case emptyAnswers = "empty_answers"
            case unparsed
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
