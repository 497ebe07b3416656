public import HarkCore

/// The unit samples move together in (`scoring.cluster`): by default the clip — every question and
/// template about one clip, the set of clips for a multi-audio item — or the item, or the value of
/// a tag. Items without clips, or without the tag, are clusters of their own.
public enum ClusterUnit: Sendable, Hashable, CustomStringConvertible {
    case clip
    case item
    case tag(String)

    public init(_ name: String) {
        switch name {
        case "clip": self = .clip
        case "item": self = .item
        default: self = .tag(name)
        }
    }

    public var description: String {
        switch self {
        case .clip: "clip"
        case .item: "item"
        case .tag(let name): name
        }
    }

    /// The cluster of an item's samples.
    public func key(of item: Item) -> String {
        switch self {
        case .clip where !item.audio.isEmpty: "clip:" + item.audio.map(\.path).sorted().joined(separator: "+")
        case .tag(let name) where item.tags[name] != nil: "tag:" + (item.tags[name] ?? "")
        default: "item:" + item.id
        }
    }
}

/// Keys numbered in the order they are first seen: what keeps sums over clusters and questions
/// the same on every run, whatever a dictionary's order.
public struct FirstSeen: Sendable {
    private var positions: [String: Int] = [:]

    public init() {}

    /// The key's position, and whether it was seen here for the first time.
    public mutating func position(of key: String) -> (position: Int, isNew: Bool) {
        if let known = positions[key] { return (known, false) }
        let position = positions.count
        positions[key] = position
        return (position, true)
    }
}

/// Yes/no tables per cluster, in the order clusters were first seen: what clustered intervals and
/// the cluster bootstrap are computed from. A right/wrong task keeps right as (yes, yes), wrong as
/// (yes, no) and unparsed as (yes, unparsed).
public struct ClusterTables: Sendable {
    private var order = FirstSeen()
    public private(set) var tables: [YesNoConfusion] = []

    public init() {}

    public mutating func add(cluster: String, label: YesNo, prediction: YesNo?) {
        let (position, isNew) = order.position(of: cluster)
        if isNew { tables.append(YesNoConfusion()) }
        tables[position].add(label: label, prediction: prediction)
    }

    public var count: Int { tables.count }

    /// Whether some cluster holds more than one sample: otherwise the samples are independent.
    public var isClustered: Bool { tables.contains { $0.total > 1 } }

    /// The clustered mean of a per-sample 0/1 outcome counted by `successes`.
    /// `of`: the samples the share is over (all of a cluster's, by default).
    public func proportion(
        _ successes: (YesNoConfusion) -> Int, of samples: (YesNoConfusion) -> Int = \.total
    ) -> ClusteredMean {
        var total = 0.0
        let sums = tables.map { table -> (sum: Double, count: Int) in
            let hits = Double(successes(table))
            total += hits
            return (hits, samples(table))
        }
        return ClusteredMean(clusters: sums, sumOfSquares: total)
    }
}

/// How the intervals of a suite's metrics are computed (`scoring.intervals`): `clustered` (the
/// default) — cluster-robust t intervals for proportions and the cluster bootstrap for the rest,
/// whenever some cluster holds more than one sample — or `independent`: Wilson intervals and the
/// plain bootstrap, as if every sample stood alone.
public enum IntervalMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case clustered
    case independent
}

extension MetricValue {
    /// The value's interval from its clusters: clustered t when `clustered` (none from a single
    /// cluster: its spread is unknown), else Wilson.
    mutating func setProportionInterval(
        _ tables: ClusterTables, clustered: Bool, of samples: (YesNoConfusion) -> Int = \.total,
        successes: (YesNoConfusion) -> Int
    ) {
        clusters = tables.count
        if clustered && tables.count < 2 {
            ci = nil
            method = "cluster-t"
        } else if clustered {
            let estimate = tables.proportion(successes, of: samples)
            ci = estimate.interval()
            method = "cluster-t"
            designEffect = estimate.designEffect
        } else {
            let total = tables.tables.reduce(into: YesNoConfusion()) { $0.add($1) }
            ci = Wilson.interval(successes: successes(total), n: samples(total))
            method = "wilson"
        }
    }
}
