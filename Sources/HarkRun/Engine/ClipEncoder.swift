public import Foundation
public import HarkAudio
public import HarkCore

/// Encodes each clip of a run once (decode, downmix, resample, WAV) and hands the bytes to every
/// request that needs them; a clip is asked about many times (objects × templates). Keeps the most
/// recently used clips; the plan's order keeps an item's requests together.
public actor ClipEncoder {
    public let pipeline: AudioPipeline
    private let capacity: Int
    private var clips: [String: Task<Data, any Error>] = [:]
    private var recent: [String] = []
    /// How many clips were encoded: once each, unless evicted and needed again.
    public private(set) var encodes = 0

    public init(pipeline: AudioPipeline, capacity: Int = 512) {
        self.pipeline = pipeline
        self.capacity = max(1, capacity)
    }

    /// The clip as WAV bytes — or, with `substitute`, a listening control's signal of its length and
    /// rate; throws `RequestFailure` of kind `audio` when it cannot be encoded.
    public func wav(_ clip: Clip, substitute: AudioSubstitute? = nil) async throws -> Data {
        let key = clip.sha256 + "/" + clip.path + (substitute.map { "/\($0)" } ?? "")
        let task: Task<Data, any Error>
        if let known = clips[key] {
            task = known
            if let index = recent.lastIndex(of: key) { recent.remove(at: index) }
        } else {
            guard let url = clip.location else { throw RequestFailure(.audio, "\(clip.path): no file location") }
            encodes += 1
            let pipeline = pipeline
            let counter = ReadCounter.current
            let sha256 = clip.sha256
            task = Task.detached {
                try ReadCounter.$current.withValue(counter) {
                    guard let substitute else { return try pipeline.wav(url) }
                    let signal = ControlSignals.substitute(
                        substitute, shapedLike: try pipeline.prepare(url), key: sha256)
                    return try WAVEncoder.pcm16(signal)
                }
            }
            clips[key] = task
            if recent.count >= capacity { clips[recent.removeFirst()] = nil }
        }
        recent.append(key)
        do {
            return try await task.value
        } catch {
            throw RequestFailure(.audio, "\(error)")
        }
    }
}
