/// A JUnit report: what CI systems show as tests. One test suite per (suite × model); a test case per
/// threshold, gate or (optionally) item.
public struct JUnitReport: Sendable, Hashable {
    public struct TestSuite: Sendable, Hashable {
        public var name: String
        public var timestamp: String?
        public var time: Double?
        public var properties: [(name: String, value: String)]
        public var cases: [TestCase]

        public init(
            name: String, timestamp: String? = nil, time: Double? = nil,
            properties: [(name: String, value: String)] = [], cases: [TestCase] = []
        ) {
            self.name = name
            self.timestamp = timestamp
            self.time = time
            self.properties = properties
            self.cases = cases
        }

        public static func == (lhs: TestSuite, rhs: TestSuite) -> Bool {
            lhs.name == rhs.name && lhs.timestamp == rhs.timestamp && lhs.time == rhs.time && lhs.cases == rhs.cases
                && lhs.properties.map(\.name) == rhs.properties.map(\.name)
                && lhs.properties.map(\.value) == rhs.properties.map(\.value)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(cases)
        }
    }

    public struct TestCase: Sendable, Hashable {
        public enum Outcome: Sendable, Hashable {
            case passed
            /// A check that did not hold: `message` says metric, value, bound, difference, p-value.
            case failed(message: String, details: String)
            /// The check could not be made (e.g. the run has no such metric).
            case error(message: String)
            case skipped(message: String)
        }

        public var name: String
        public var classname: String
        public var time: Double?
        public var outcome: Outcome
        public var output: String?

        public init(
            name: String, classname: String, time: Double? = nil, outcome: Outcome = .passed, output: String? = nil
        ) {
            self.name = name
            self.classname = classname
            self.time = time
            self.outcome = outcome
            self.output = output
        }
    }

    public var suites: [TestSuite]

    public init(suites: [TestSuite]) {
        self.suites = suites
    }

    /// The same report with every (classname, name) pair unique — GitLab drops duplicates — by
    /// numbering repeats: "name", "name (2)", "name (3)".
    public var withUniqueNames: JUnitReport {
        var seen: [String: Int] = [:]
        var copy = self
        for suite in copy.suites.indices {
            for index in copy.suites[suite].cases.indices {
                let testCase = copy.suites[suite].cases[index]
                let key = testCase.classname + "\u{0}" + testCase.name
                let count = (seen[key] ?? 0) + 1
                seen[key] = count
                if count > 1 { copy.suites[suite].cases[index].name = "\(testCase.name) (\(count))" }
            }
        }
        return copy
    }
}
