import Foundation
import HarkAudio
import HarkCore
import Testing

/// Every kind of error a command can end with, through the one mapping to exit codes.
@Suite struct ExitStatusTests {
    struct Unknown: Error {}

    @Test func everyErrorTypeHasItsDocumentedCode() {
        let cases: [(any Error, HarkCore.ExitStatus)] = [
            (HarkError(.badInput, "x"), .badInput),
            (HarkError(.incomplete, "x"), .incomplete),
            (HarkError(.internal, "x"), .internalError),
            (AudioError(path: "a.wav", reason: .unreadable("truncated")), .badInput),
            (DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "bad")), .badInput),
            (CocoaError(.fileReadNoSuchFile), .badInput),
            (CocoaError(.fileWriteOutOfSpace), .internalError),
            (CocoaError(.fileWriteVolumeReadOnly), .internalError),
            (Unknown(), .internalError),
            (CancellationError(), .internalError),
        ]
        for (error, status) in cases {
            #expect(HarkCore.ExitStatus.of(error) == status, "\(error)")
        }
        // Nothing but a failed gate or threshold exits 1.
        #expect(cases.allSatisfy { HarkCore.ExitStatus.of($0.0) != .failed })
        #expect(HarkCore.ExitStatus.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 130, 143])
    }
}
