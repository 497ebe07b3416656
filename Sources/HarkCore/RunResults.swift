/// `results.json`: the run's manifest and, per suite, what happened and what it scored.
/// Versioned by `schema`; see `docs/results-schema.md`.
public struct RunResults: Sendable, Hashable, Codable {
    public static let schemaVersion = "hark.results/1"

    public struct SuiteResults: Sendable, Hashable, Codable {
        public var id: String
        public var task: TaskKind
        public var fingerprint: String
        public var counts: Counts

        public init(id: String, task: TaskKind, fingerprint: String, counts: Counts) {
            self.id = id
            self.task = task
            self.fingerprint = fingerprint
            self.counts = counts
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
