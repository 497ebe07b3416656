import Foundation
public import HarkCore
import NIOCore

/// A model in a local worker process (transformers, a custom checkpoint), started once and spoken
/// to in JSON Lines over its standard input and output: protocol `hark-worker/1`, documented in
/// `docs/worker-protocol.md`. A worker that dies is restarted and its unanswered requests re-sent.
public final class CommandAdapter: ModelAdapter {
    public struct Settings: Sendable, Hashable, Codable {
        /// The program and its arguments, e.g. `["python3", "examples/worker.py"]`.
        public var command: [String]
        /// Requests sent to the worker before answers come back.
        public var maxInFlight: Int?
        /// `path` (the worker reads the clip files) or `wav` (hark sends 16-bit WAV as base64, too).
        public var sendAudio: AudioMode?
        /// How often a dying worker is restarted before the run gives up on it.
        public var maxRestarts: Int?

        public enum AudioMode: String, Sendable, Hashable, Codable {
            case path, wav
        }

        public init(command: [String], maxInFlight: Int? = nil, sendAudio: AudioMode? = nil, maxRestarts: Int? = nil) {
            self.command = command
            self.maxInFlight = maxInFlight
            self.sendAudio = sendAudio
            self.maxRestarts = maxRestarts
        }

        enum CodingKeys: String, CodingKey {
            case command
            case maxInFlight = "max_in_flight"
            case sendAudio = "send_audio"
            case maxRestarts = "max_restarts"
        }
    }

    public static let protocolName = "hark-worker/1"

    public let settings: Settings
    private let supervisor: WorkerSupervisor

    public init(settings: Settings) throws {
        guard !settings.command.isEmpty else { throw HarkError.badInput("command: the command is empty") }
        self.settings = settings
        supervisor = WorkerSupervisor(
            command: settings.command, maxInFlight: max(1, settings.maxInFlight ?? 8),
            maxRestarts: max(0, settings.maxRestarts ?? 3))
    }

    public var identity: String { "command(\(settings.command.joined(separator: " ")))" }

    public var needsAudioBytes: Bool { settings.sendAudio == .wav }
    public var readsClipFiles: Bool { settings.sendAudio != .wav }

    public func respond(to request: ModelRequest, audio: [EncodedClip]) async throws -> ModelResponse {
        try await supervisor.ask { id in try Self.requestLine(id: id, request, audio: audio) }
    }

    public func shutdown() async {
        await supervisor.shutdown()
    }

    /// The JSON line sent for one request.
    static func requestLine(id: String, _ request: ModelRequest, audio: [EncodedClip]) throws -> Data {
        let clips: [JSONValue] = request.audio.enumerated().map { index, clip in
            var members: [String: JSONValue] = [
                "path": .string(clip.location?.path ?? clip.path), "sha256": .string(clip.sha256),
                "seconds": .number(clip.seconds),
            ]
            // A control's signal is in the bytes alone: the clip's own file is not named.
            if let control = request.control, control.substitute != nil {
                members = ["control": .string(control.kind.rawValue), "seconds": .number(clip.seconds)]
            }
            if index < audio.count {
                members["wav_base64"] = .string(String(buffer: audio[index].buffer))
            }
            return .object(members)
        }
        let object: JSONValue = .object([
            "protocol": .string(protocolName), "id": .string(id), "key": .string(request.key),
            "system": request.system.map(JSONValue.string) ?? .null, "prompt": .string(request.prompt),
            "audio": .array(clips), "generation": request.generation.json,
        ])
        return Data((object.canonical + "\n").utf8)
    }
}
