import Foundation
import HarkCore
import Testing

@Suite struct SecretsTests {
    @Test func urlsLoseTheirUserinfoAndKeyLikeQueryValues() {
        #expect(Secrets.redactURL("https://me:pw@host:8000/v1") == "https://<redacted>@host:8000/v1")
        #expect(
            Secrets.redactURL("https://tok@host/v1?api-version=2024&api_key=k1&sig=s")
                == "https://<redacted>@host/v1?api-version=2024&api_key=<redacted>&sig=<redacted>")
        #expect(Secrets.redactURL("http://127.0.0.1:8000/v1") == "http://127.0.0.1:8000/v1")
        // An @ in the path is not userinfo; plain text is left alone.
        #expect(Secrets.redactURL("https://host/v1/@me") == "https://host/v1/@me")
        #expect(Secrets.redactURL("a dog barks") == "a dog barks")
    }

    @Test func secretNamesAreJudgedByTheirWords() {
        for name in [
            "api_key", "x-api-key", "apiKey", "access_token", "client_secret", "password", "Authorization", "sig",
        ] {
            #expect(Secrets.isSecretName(name), "\(name)")
        }
        for name in [
            "max_new_tokens", "max_completion_tokens", "skip_special_tokens", "api_key_env", "keywords", "monkey",
            "top_k",
        ] {
            #expect(!Secrets.isSecretName(name), "\(name)")
        }
    }

    @Test func settingsAreRedactedByNameAndURL() {
        let settings: JSONValue = .object([
            "api_key": .string("sk-1"), "api_key_env": .string("KEY"), "base_url": .array([.string("http://u:p@h/v1")]),
            "nested": .object(["Authorization": .string("Bearer x")]),
        ])
        #expect(
            Secrets.redact(settings)
                == .object([
                    "api_key": .string("<redacted>"), "api_key_env": .string("KEY"),
                    "base_url": .array([.string("http://<redacted>@h/v1")]),
                    "nested": .object(["Authorization": .string("<redacted>")]),
                ]))
    }

    @Test func echoedSecretsAndAudioAreScrubbedButDigestsKept() {
        let digest = String(repeating: "0a053fd5", count: 8)
        let audio = Data((0..<300).map { UInt8($0 % 251) }).base64EncodedString()
        let echo =
            #"Authorization: Bearer sk-abc123 {"api_key": "k-9", "data": "\#(audio)", "sha256": "\#(digest)", "extra": "my-secret-value"}"#
        let scrubbed = Secrets.scrub(echo, secrets: ["my-secret-value"])
        #expect(!scrubbed.contains("sk-abc123") && !scrubbed.contains("k-9") && !scrubbed.contains("my-secret-value"))
        #expect(!scrubbed.contains(String(audio.prefix(64))))
        #expect(scrubbed.contains("<base64, \(audio.count) characters>"))
        #expect(scrubbed.contains(digest))
    }

    @Test func generationExtrasHideSecretMembers() {
        let generation = GenerationSettings(extra: [
            "vendor_token": .string("t1"), "top_k": .integer(5), "auth": .object(["password": .string("p")]),
        ])
        #expect(
            generation.redacted.extra == [
                "vendor_token": .string("<redacted>"), "top_k": .integer(5),
                "auth": .object(["password": .string("<redacted>")]),
            ])
        #expect(Set(generation.secretValues) == ["t1", "p"])
    }
}
