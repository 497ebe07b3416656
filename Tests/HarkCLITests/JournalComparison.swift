import Foundation
import HarkApp
import HarkCore
import HarkRecords
import HarkRun

/// A journal's records with their latencies zeroed: two runs of the same plan compare equal.
func journalWithoutTimings(_ url: URL) throws -> [SampleRecord] {
    try Journal.read(url).map { record in
        var record = record
        record.latencyMs = 0
        return record
    }
}
