import Foundation
import HarkAudio
import HarkTestSupport
import Testing

@Suite struct AudioErrorTests {
    func readError(_ url: URL) -> AudioError.Reason? {
        do {
            _ = try AudioFile.read(url)
            return nil
        } catch {
            #expect(error.path == url.path)
            #expect(error.description.hasPrefix(url.path + ": "))
            return error.reason
        }
    }

    @Test func missingFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(readError(directory.path("nothing.wav")) == .missing)
    }

    @Test func directoryIsUnreadable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        guard case .unreadable = readError(directory.url) else {
            Issue.record("a directory must be reported as unreadable")
            return
        }
    }

    @Test(
        "empty files and garbage are not audio",
        arguments: [
            Data(), Data("this is a text file, not a sound\n".utf8),
            Data((0..<4_096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }),
        ])
    func garbage(bytes: Data) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try directory.write(bytes, to: "noise.wav")
        guard case .notAudio = readError(url) else {
            Issue.record("expected notAudio")
            return
        }
    }

    @Test func wavCutInsideItsHeader() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let whole = try Signals.writeSine(to: directory.path("whole.wav"))
        let url = try directory.write(try Data(contentsOf: whole).prefix(20), to: "cut.wav")
        #expect(readError(url) != nil)
    }

    /// A header with its data chunk cut off declares audio the file does not hold: truncated. A
    /// header that declares no audio holds zero frames.
    @Test func wavWithHeaderOnlyIsTruncatedOrEmpty() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let whole = try Signals.writeSine(to: directory.path("whole.wav"))
        let header = try Data(contentsOf: whole).prefix(44)
        let cut = try directory.write(header, to: "cut.wav")
        #expect(readError(cut) == .truncated("the header declares 8000 bytes of audio, the file holds 0"))
        var empty = Data(header)
        empty.replaceSubrange(40..<44, with: [0, 0, 0, 0])
        #expect(readError(try directory.write(empty, to: "empty.wav")) == .zeroFrames)
    }

    /// libsndfile reads a WAV cut inside its data chunk as a shorter clip; the header says otherwise.
    @Test(arguments: [100, 8_000])
    func wavCutInsideItsDataIsTruncated(keeping bytes: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let whole = try Data(contentsOf: try Signals.writeSine(to: directory.path("whole.wav"), seconds: 0.5))
        let url = try directory.write(whole.prefix(bytes), to: "cut.wav")
        #expect(
            readError(url)
                == .truncated("the header declares \(whole.count - 44) bytes of audio, the file holds \(bytes - 44)"))
    }

    @Test func flacCutInHalfIsTruncated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let whole = try Signals.writeSine(to: directory.path("whole.flac"), seconds: 2, format: .flac)
        let bytes = try Data(contentsOf: whole)
        let url = try directory.write(bytes.prefix(bytes.count / 2), to: "cut.flac")
        guard case .truncated = readError(url) else {
            Issue.record("expected truncated, got \(String(describing: readError(url)))")
            return
        }
    }

    @Test func nanSampleIsNamedWithItsFrame() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var samples = [Float](repeating: 0.1, count: 100)
        samples[37] = .nan
        let url = directory.path("nan.wav")
        try AudioFile.write(AudioBuffer(samples: samples, channels: 1, sampleRate: 8_000), to: url, format: .wavFloat)
        #expect(readError(url) == .nonFiniteSamples(frame: 37))
    }

    @Test func infiniteSampleInSecondChannel() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var samples = [Float](repeating: 0.1, count: 100)
        samples[21] = .infinity
        let url = directory.path("inf.wav")
        try AudioFile.write(AudioBuffer(samples: samples, channels: 2, sampleRate: 8_000), to: url, format: .wavFloat)
        #expect(readError(url) == .nonFiniteSamples(frame: 10))
    }
}
