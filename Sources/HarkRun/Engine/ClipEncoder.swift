public import Foundation
public import HarkAudio
public import HarkCore

/// Encodes each clip of a run once (decode, downmix, resample, WAV) and hands the bytes to every
/// request that needs them; a clip is asked about many times (objects × templates). Keeps the most
/// recently used clips up to a number of bytes (the clip being encoded and the newest always), so
/// that long clips do not hold gigabytes; the plan's order keeps an item's requests together.
public actor ClipEncoder {
    public let pipeline: AudioPipeline
    /// Bytes of encoded clips kept at most, apart from the newest.
    public let capacityBytes: Int
    private var clips: [String: Task<Data, any Error>] = [:]
    /// The size of each kept clip once encoded.
    private var sizes: [String: Int] = [:]
    private var keptBytes = 0
    private var recent: [String] = []
    /// How many clips were encoded: once each, unless evicted and needed again.
    public private(set) var encodes = 0

    /// The default bound of the cache: a few hundred one-minute clips, two ten-minute ones.
    public static let defaultCapacityBytes = 48 << 20

    public init(pipeline: AudioPipeline, capacityBytes: Int = ClipEncoder.defaultCapacityBytes) {
        self.pipeline = pipeline
        self.capacityBytes = max(0, capacityBytes)
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
        }
        recent.append(key)
        let data: Data
        do {
            data = try await task.value
        } catch {
            throw RequestFailure(.audio, "\(error)")
        }
        if clips[key] != nil, sizes[key] == nil {
            sizes[key] = data.count
            keptBytes += data.count
            evict()
        }
        return data
    }

    /// Drops the least recently used encoded clips while more than `capacityBytes` are kept,
    /// never the newest one.
    private func evict() {
        var position = 0
        while keptBytes > capacityBytes, position < recent.count - 1 {
            let key = recent[position]
            guard let size = sizes[key] else {
                position += 1
                continue
            }
            recent.remove(at: position)
            clips[key] = nil
            sizes[key] = nil
            keptBytes -= size
        }
    }
}
