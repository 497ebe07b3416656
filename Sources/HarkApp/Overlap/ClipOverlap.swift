public import Foundation
public import HarkAudio
public import HarkCore
import Synchronization

/// Which evaluation clips are also training clips: the same file (SHA-256 of its bytes), the same
/// sound in another file (SHA-256 of the decoded 16 kHz PCM: a lossless re-encode), or a near
/// duplicate (`AudioFingerprint` matched through a `FingerprintIndex`: a lossy re-encode, another
/// sample rate, a gain change, a trim). Each evaluation clip is reported once, by the strictest
/// method that finds it.
public enum ClipOverlap {
    /// An evaluation clip found in the training set.
    public struct Finding: Sendable, Hashable, Codable {
        public var set: String
        public var clip: String
        public var trainingClip: String
        public var method: OverlapMethod
        /// Near duplicates: the share of fingerprint bits that differ, and where the evaluation clip
        /// starts in the training clip (seconds; negative: before it).
        public var bitErrorRate: Double?
        public var offsetSeconds: Double?

        enum CodingKeys: String, CodingKey {
            case set, clip, method
            case trainingClip = "training_clip"
            case bitErrorRate = "bit_error_rate"
            case offsetSeconds = "offset_seconds"
        }
    }

    public struct Report: Sendable, Codable {
        public var trainingClips: Int
        /// Clips per evaluation set, in the order given.
        public var evaluationClips: [String: Int]
        public var findings: [Finding]
        /// Clips whose sound could not be read (only their file hash was compared), with why.
        public var unreadable: [String: String]
        public var methods: [OverlapMethod]

        enum CodingKeys: String, CodingKey {
            case findings, unreadable, methods
            case trainingClips = "training_clips"
            case evaluationClips = "evaluation_clips"
        }
    }

    /// What is known of one clip.
    struct Identity: Sendable {
        var url: URL
        var fileHash: String?
        /// Phase 0 first; an evaluation clip's further phases after it.
        var fingerprints: [AudioFingerprint] = []
        var fingerprint: AudioFingerprint? { fingerprints.first }
        var problem: String?
    }

    /// Compares every evaluation set with the training set; `methods` without `.pcm` and
    /// `.nearDuplicate` reads no clip's sound, only its bytes. Near duplicates differ in at most
    /// `maximumBitErrorRate` of their fingerprint bits. `fileHash` hashes a clip's bytes (a run
    /// passes the hashes its clip catalog already has).
    public static func check(
        training: ClipSet, evaluation: [ClipSet], methods: Set<OverlapMethod> = Set(OverlapMethod.allCases),
        maximumBitErrorRate: Double = FingerprintIndex().maximumBitErrorRate,
        fileHash: @Sendable (URL) throws -> String = { try ContentHash.sha256(fileAt: $0) }
    ) -> Report {
        let decodes = methods.contains(.pcm) || methods.contains(.nearDuplicate)
        let trained = identities(training.clips, decode: decodes, phases: 1, fileHash: fileHash)
        var byFile: [String: URL] = [:]
        var byPCM: [String: URL] = [:]
        var index = FingerprintIndex()
        index.maximumBitErrorRate = maximumBitErrorRate
        var indexed: [URL] = []
        for identity in trained {
            if let hash = identity.fileHash, byFile[hash] == nil { byFile[hash] = identity.url }
            guard let fingerprint = identity.fingerprint else { continue }
            if byPCM[fingerprint.pcmHash] == nil { byPCM[fingerprint.pcmHash] = identity.url }
            if methods.contains(.nearDuplicate) {
                index.add(fingerprint)
                indexed.append(identity.url)
            }
        }
        var report = Report(
            trainingClips: training.clips.count, evaluationClips: [:], findings: [], unreadable: [:],
            methods: OverlapMethod.allCases.filter(methods.contains))
        for identity in trained { if let problem = identity.problem { report.unreadable[identity.url.path] = problem } }
        for set in evaluation {
            report.evaluationClips[set.name] = set.clips.count
            let clips = identities(
                set.clips, decode: decodes, phases: methods.contains(.nearDuplicate) ? 4 : 1, fileHash: fileHash)
            for identity in clips {
                if let problem = identity.problem { report.unreadable[identity.url.path] = problem }
                func found(_ training: URL, _ method: OverlapMethod, _ match: FingerprintIndex.Match? = nil) {
                    report.findings.append(
                        Finding(
                            set: set.name, clip: identity.url.path, trainingClip: training.path, method: method,
                            bitErrorRate: match.map { ($0.bitErrorRate * 1_000).rounded() / 1_000 },
                            offsetSeconds: match.map { Double($0.offset) * AudioFingerprint.secondsPerFrame }))
                }
                if methods.contains(.file), let hash = identity.fileHash, let training = byFile[hash] {
                    found(training, .file)
                } else if methods.contains(.pcm), let hash = identity.fingerprint?.pcmHash, let training = byPCM[hash] {
                    found(training, .pcm)
                } else if methods.contains(.nearDuplicate),
                    let match = identity.fingerprints.compactMap({ index.matches($0).first }).min(by: {
                        ($0.bitErrorRate, $0.clip) < ($1.bitErrorRate, $1.clip)
                    })
                {
                    found(indexed[match.clip], .nearDuplicate, match)
                }
            }
        }
        return report
    }

    /// Each clip's file hash and, with `decode`, its fingerprint in `phases` phases, over the cores.
    static func identities(
        _ clips: [URL], decode: Bool, phases: Int, fileHash: @Sendable (URL) throws -> String
    ) -> [Identity] {
        let results = Mutex([Identity?](repeating: nil, count: clips.count))
        DispatchQueue.concurrentPerform(iterations: clips.count) { position in
            let url = clips[position]
            var identity = Identity(url: url)
            do {
                identity.fileHash = try fileHash(url)
                if decode { identity.fingerprints = try AudioFingerprint.phases(url: url, count: phases) }
            } catch {
                identity.problem = "\(error)"
            }
            results.withLock { $0[position] = identity }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
