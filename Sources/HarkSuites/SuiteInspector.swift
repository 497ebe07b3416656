import Foundation
import HarkAudio
public import HarkCore

/// Decodes every clip of a suite (in parallel, once each) and sums the suite up for `hark validate`.
public enum SuiteInspector {
    /// Summarises a loaded suite. Clips that fail to decode become errors at the first item line
    /// that uses them; the fingerprint is left out when a clip cannot be read.
    public static func inspect(_ suite: Suite) async -> (SuiteSummary, [Diagnostic]) {
        let clips = suite.clips
        let stats = await decode(clips.map { suite.url(of: $0) })
        var diagnostics: [Diagnostic] = []
        var firstUse: [String: Int] = [:]
        for item in suite.items.reversed() {
            for audio in item.audio { firstUse[audio.path] = item.line }
        }

        var summary = SuiteSummary(
            id: suite.id, version: suite.manifest.version, task: suite.manifest.task, items: suite.items.count,
            labels: labels(suite.items), slices: slices(suite.items),
            textOnlyItems: suite.items.count { $0.audio.isEmpty },
            multiAudioItems: suite.items.count { $0.audio.count > 1 },
            clips: clips.count, audioSeconds: 0, sampleRates: [:], channels: [:], silentClips: [], fingerprint: nil,
            errors: 0, warnings: 0)
        for (clip, result) in zip(clips, stats) {
            switch result {
            case .success(let clipStats):
                summary.audioSeconds += clipStats.duration
                summary.sampleRates[clipStats.sampleRate, default: 0] += 1
                summary.channels[clipStats.channels, default: 0] += 1
                if clipStats.isSilent { summary.silentClips.append(clip.path) }
            case .failure(let error):
                let location = SourceLocation(file: suite.itemsFile, line: firstUse[clip.path], field: "audio")
                diagnostics.append(.error(location, error.description))
            }
        }
        if !diagnostics.hasErrors {
            do {
                summary.fingerprint = try SuiteFingerprint.compute(suite)
            } catch {
                diagnostics.append(.error(SourceLocation(file: suite.itemsFile), "cannot hash the clips: \(error)"))
            }
        }
        return (summary, diagnostics)
    }

    static func decode(_ urls: [URL]) async -> [Result<AudioStats, AudioError>] {
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        return await withTaskGroup(of: (Int, Result<AudioStats, AudioError>).self) { group in
            var results = [Result<AudioStats, AudioError>?](repeating: nil, count: urls.count)
            var next = 0
            func start() {
                guard next < urls.count else { return }
                let index = next
                next += 1
                group.addTask {
                    (index, Result { () throws(AudioError) in AudioStats(try AudioFile.read(urls[index])) })
                }
            }
            for _ in 0..<width { start() }
            for await (index, result) in group {
                results[index] = result
                start()
            }
            return results.compactMap { $0 }
        }
    }

    static func labels(_ items: [Item]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for item in items {
            if case .yesNo(_, let label) = item.answerKey { counts[label.rawValue, default: 0] += 1 }
        }
        return counts
    }

    static func slices(_ items: [Item]) -> [String: [String: Int]] {
        var slices: [String: [String: Int]] = [:]
        for item in items {
            for (key, value) in item.slices { slices[key, default: [:]][value, default: 0] += 1 }
        }
        return slices
    }
}
