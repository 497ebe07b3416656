import Foundation

/// Keeps secrets out of everything hark writes (manifests, journals, results, reports): settings
/// and generation extras whose names say "key", "token", "secret", "password" or "authorization",
/// the userinfo and key-like query parameters of URLs, and, in a server's error text, the API key,
/// an Authorization header's value and long base64 runs (the clip sent back).
public enum Secrets {
    public static let placeholder = "<redacted>"

    /// Whether a setting of this name holds a secret, judged by its words (`api_key`, `x-api-key`,
    /// `access_token`, `apiKey`), not its letters: `max_new_tokens` and `api_key_env` (naming a
    /// variable) do not.
    public static func isSecretName(_ name: String) -> Bool {
        let words = name.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard words.last != "env" else { return false }
        let secretWords: Set<String> = [
            "key", "apikey", "token", "secret", "password", "passwd", "authorization", "credential", "credentials",
            "sig", "signature",
        ]
        return words.contains(where: secretWords.contains) || name.hasSuffix("Key") || name.hasSuffix("Token")
            || name.hasSuffix("Secret")
    }

    /// A settings tree with secret-named members replaced and every URL redacted.
    public static func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var cleaned: [String: JSONValue] = [:]
            for (key, member) in members { cleaned[key] = isSecretName(key) ? .string(placeholder) : redact(member) }
            return .object(cleaned)
        case .array(let values): return .array(values.map(redact))
        case .string(let text): return .string(redactURL(text))
        default: return value
        }
    }

    /// A URL without its userinfo (`https://user:pass@host` → `https://<redacted>@host`) and with the
    /// values of key-like query parameters replaced; any other text as it is.
    public static func redactURL(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let scheme = text[..<schemeEnd.lowerBound]
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }) else {
            return text
        }
        var rest = String(text[schemeEnd.upperBound...])
        let authorityEnd = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
        if let at = rest[..<authorityEnd].lastIndex(of: "@") {
            rest = placeholder + rest[at...]
        }
        if let question = rest.firstIndex(of: "?") {
            let fragmentStart = rest[question...].firstIndex(of: "#") ?? rest.endIndex
            let query = rest[rest.index(after: question)..<fragmentStart].split(
                separator: "&", omittingEmptySubsequences: false
            ).map { pair in
                let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
                return isSecretName(name) || name.lowercased() == "code" ? name + "=" + placeholder : String(pair)
            }
            rest = rest[...question] + query.joined(separator: "&") + rest[fragmentStart...]
        }
        return scheme + "://" + rest
    }

    /// A server's or worker's text with the given secret values, Authorization and Bearer values,
    /// and base64 runs of 64 characters or more (in mixed case) replaced.
    public static func scrub(_ text: String, secrets: [String] = []) -> String {
        var text = text
        for secret in secrets where secret.count >= 4 {
            text = text.replacingOccurrences(of: secret, with: placeholder)
        }
        text = text.replacing(#/(?i)(bearer|basic)\s+[A-Za-z0-9._~+\/=-]+/#) { match in
            "\(match.output.1) \(placeholder)"
        }
        text = text.replacing(#/(?i)(authorization|api[-_]?key|x-api-key)(["']?\s*[:=]\s*["']?)[^\s"',}]+/#) { match in
            "\(match.output.1)\(match.output.2)\(placeholder)"
        }
        // Mixed case tells base64 from a hex digest.
        text = text.replacing(#/[A-Za-z0-9+\/]{64,}={0,2}/#) { match in
            let run = match.output
            return run.contains(where: \.isUppercase) && run.contains(where: \.isLowercase)
                ? "<base64, \(run.count) characters>" : String(run)
        }
        return text
    }
}

extension RequestFailure {
    /// The failure with its message scrubbed of secrets (`Secrets.scrub`).
    public func scrubbed(secrets: [String]) -> RequestFailure {
        var copy = self
        copy.message = Secrets.scrub(message, secrets: secrets)
        return copy
    }
}

extension GenerationSettings {
    /// The settings with secret-named `extra` members replaced, for what hark writes.
    public var redacted: GenerationSettings {
        var copy = self
        copy.extra = extra.flatMap { Secrets.redact(.object($0)).objectValue }
        return copy
    }

    /// The string values of secret-named `extra` members, to scrub from a server's echo.
    public var secretValues: [String] {
        func values(_ value: JSONValue, secret: Bool) -> [String] {
            switch value {
            case .object(let members):
                members.flatMap { values($0.value, secret: secret || Secrets.isSecretName($0.key)) }
            case .array(let items): items.flatMap { values($0, secret: secret) }
            case .string(let text): secret ? [text] : []
            default: []
            }
        }
        return values(.object(extra ?? [:]), secret: false)
    }
}
