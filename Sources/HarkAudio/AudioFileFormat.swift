internal import CSndFile

/// The containers and encodings hark writes (tests, the demo's scenes) and reads back.
/// Reading accepts anything libsndfile reads; these are the formats hark is tested on.
public enum AudioFileFormat: String, Sendable, Hashable, CaseIterable {
    case wav16 = "wav-pcm16"
    case wav24 = "wav-pcm24"
    case wavFloat = "wav-float"
    case flac
    case oggVorbis = "ogg-vorbis"
    case mp3

    public var fileExtension: String {
        switch self {
        case .wav16, .wav24, .wavFloat: "wav"
        case .flac: "flac"
        case .oggVorbis: "ogg"
        case .mp3: "mp3"
        }
    }

    /// Whether decoding gives back the written samples exactly (up to the bit depth).
    public var isLossless: Bool {
        switch self {
        case .wav16, .wav24, .wavFloat, .flac: true
        case .oggVorbis, .mp3: false
        }
    }

    var sndfileFormat: Int32 {
        switch self {
        case .wav16: Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)
        case .wav24: Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_24)
        case .wavFloat: Int32(SF_FORMAT_WAV | SF_FORMAT_FLOAT)
        case .flac: Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_16)
        case .oggVorbis: Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS)
        case .mp3: Int32(SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III)
        }
    }
}
