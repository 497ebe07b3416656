import Foundation
import Testing

@testable import HarkCommands

/// What `hark run` does on SIGINT and SIGTERM, decided by one pure function: the grace is checked
/// against a clock the test sets, not waited out.
@Suite struct StopStepTests {
    let start = Date(timeIntervalSince1970: 1_000)

    @Test func theFirstSignalStopsIntakeAndSetsTheDeadlineTheGraceAway() {
        #expect(StopSignals.step(signals: 0, deadline: nil, now: start, grace: 30) == .wait)
        #expect(
            StopSignals.step(signals: 1, deadline: nil, now: start, grace: 30)
                == .stopIntake(deadline: start.addingTimeInterval(30)))
    }

    @Test func theGraceRunsToItsDeadlineThenCancels() {
        let deadline = start.addingTimeInterval(30)
        #expect(
            StopSignals.step(signals: 1, deadline: deadline, now: start.addingTimeInterval(29.9), grace: 30) == .wait)
        #expect(StopSignals.step(signals: 1, deadline: deadline, now: deadline, grace: 30) == .cancelAfterGrace)
    }

    @Test func aSecondSignalCancelsAtOnceEvenBeforeTheFirstLook() {
        #expect(StopSignals.step(signals: 2, deadline: nil, now: start, grace: 30) == .cancelAgain)
        #expect(
            StopSignals.step(signals: 2, deadline: start.addingTimeInterval(30), now: start, grace: 30) == .cancelAgain)
    }
}
