import Foundation
import HarkScoringData

/// A port of langdetect 1.0.9's `detect` (the language detection the IFEval reference uses), with
/// its profiles, its text clean-up and n-gram normalisation, and its random sampling of n-grams
/// replayed with CPython's generator seeded 0 — what the reference gives with
/// `DetectorFactory.seed = 0`. (lm-eval does not seed langdetect, so the reference itself can
/// answer differently from one run to the next on ambiguous texts.)
struct LangDetect: @unchecked Sendable {
    static let shared = LangDetect()

    let languages: [String]
    /// n-gram (up to three code points packed, see `key`) → the languages that have it, with
    /// their probabilities (the others' are 0).
    private let probabilities: [UInt64: Row]

    struct Row: Sendable {
        var languages: [Int]
        var values: [Double]
    }
    private let latin1Excluded: Set<Unicode.Scalar>
    private let vietnameseLetters: [Unicode.Scalar]
    private let vietnameseMarks: [Unicode.Scalar]
    private let vietnameseComposed: [[Unicode.Scalar]]
    private let kanji: [Unicode.Scalar: Unicode.Scalar]
    private let url = try! NSRegularExpression(pattern: "https?://[-_.?&~;+=/#0-9A-Za-z]{1,2076}")
    private let mail = try! NSRegularExpression(
        pattern: "[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}")

    static let alpha = 0.5, alphaWidth = 0.05, iterationLimit = 1000, probabilityThreshold = 0.1
    static let convergence = 0.99999, baseFrequency = 10_000.0, trials = 7, maxTextLength = 10_000

    private init() {
        languages = PythonText.lines(LangDetectData.languages)
        let counts = PythonText.lines(LangDetectData.wordCounts).map { $0.split(separator: ",").map { Double($0)! } }
        var probabilities: [UInt64: Row] = [:]
        probabilities.reserveCapacity(90_000)
        for line in PythonText.lines(LangDetectData.profiles) {
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            let gram = Array(parts[0].unicodeScalars)
            var row = Row(languages: [], values: [])
            for entry in parts[1].split(separator: " ") {
                let pair = entry.split(separator: ":")
                let language = Int(pair[0])!
                row.languages.append(language)
                row.values.append(Double(Int(pair[1])!) / counts[language][gram.count - 1])
            }
            probabilities[Self.key(gram[...])] = row
        }
        self.probabilities = probabilities
        latin1Excluded = Set(LangDetectData.latin1Excluded.unicodeScalars)
        vietnameseLetters = Array(LangDetectData.vietnameseLetters.unicodeScalars)
        vietnameseMarks = Array(LangDetectData.vietnameseMarks.unicodeScalars)
        vietnameseComposed = PythonText.lines(LangDetectData.vietnameseComposed).map { Array($0.unicodeScalars) }
        var kanji: [Unicode.Scalar: Unicode.Scalar] = [:]
        for line in PythonText.lines(LangDetectData.kanjiClasses) {
            let scalars = Array(line.unicodeScalars)
            kanji[scalars[0]] = scalars[2]
        }
        self.kanji = kanji
    }

    /// Up to three code points in one integer (no code point is 0 after normalisation).
    static func key(_ gram: ArraySlice<Unicode.Scalar>) -> UInt64 {
        gram.enumerated().reduce(0) { $0 | UInt64($1.element.value) << (21 * UInt64($1.offset)) }
    }

    /// `detect(text)`: the language, "unknown" when none is likely enough, nil when the text has
    /// no n-gram at all (langdetect raises "No features in text").
    func detect(_ text: String) -> String? {
        let grams = ngrams(cleaned(text))
        guard !grams.isEmpty else { return nil }
        var random = PythonRandom(seed: 0)
        var totals = [Double](repeating: 0, count: languages.count)
        for _ in 0..<Self.trials {
            var probability = [Double](repeating: 1.0 / Double(languages.count), count: languages.count)
            let alpha = Self.alpha + random.gauss(0.0, 1.0) * Self.alphaWidth
            let weight = alpha / Self.baseFrequency
            var iteration = 0
            while true {
                let row = grams[random.below(grams.count)]
                // prob[i] *= weight + p[i], p[i] being 0 for the languages without the n-gram.
                var next = 0
                for index in probability.indices {
                    var p = 0.0
                    if next < row.languages.count, row.languages[next] == index {
                        p = row.values[next]
                        next += 1
                    }
                    probability[index] *= weight + p
                }
                if iteration % 5 == 0 {
                    if Self.normalise(&probability) > Self.convergence || iteration >= Self.iterationLimit { break }
                }
                iteration += 1
            }
            for index in totals.indices { totals[index] += probability[index] / Double(Self.trials) }
        }
        // `sort(reverse=True)` of the languages above the threshold: the first of the highest wins.
        var best: (language: String, probability: Double)?
        for (index, probability) in totals.enumerated() where probability > Self.probabilityThreshold {
            if best == nil || probability > best!.probability { best = (languages[index], probability) }
        }
        return best?.language ?? "unknown"
    }

    /// Divides by the sum (added left to right, as Python 3.11's `sum`); returns the largest.
    static func normalise(_ probability: inout [Double]) -> Double {
        var sum = 0.0
        for value in probability { sum += value }
        var largest = 0.0
        for index in probability.indices {
            let value = probability[index] / sum
            if largest < value { largest = value }
            probability[index] = value
        }
        return largest
    }

    /// `Detector.append` then `cleaning_text`: URLs and e-mail addresses out, Vietnamese letters
    /// composed, runs of spaces collapsed, at most 10,000 characters; Latin letters dropped from a
    /// text that is mostly not Latin.
    func cleaned(_ input: String) -> [Unicode.Scalar] {
        var scalars = Array(input.unicodeScalars)
        // An address needs "http" or "@"; without them the expressions cannot match.
        if PythonText.contains(input, "http") || PythonText.contains(input, "@") {
            let text = NSMutableString(string: input)
            for regex in [url, mail] {
                _ = regex.replaceMatches(in: text, range: NSRange(location: 0, length: text.length), withTemplate: " ")
            }
            scalars = Array((text as String).unicodeScalars)
        }
        let composed = composeVietnamese(scalars)
        var kept: [Unicode.Scalar] = []
        var previous: Unicode.Scalar?
        for scalar in composed.prefix(Self.maxTextLength) {
            if scalar != " " || previous != " " { kept.append(scalar) }
            previous = scalar
        }
        var latin = 0
        var other = 0
        for scalar in kept {
            if ("A"..."z").contains(scalar) {
                latin += 1
            } else if scalar.value >= 0x300 {
                // langdetect means to spare Latin Extended Additional here, but compares a block
                // number with a name, so every character from U+0300 counts.
                other += 1
            }
        }
        if latin * 2 < other { kept.removeAll { ("A"..."z").contains($0) } }
        return kept
    }

    /// `NGram.normalize_vi`: a letter followed by a Vietnamese combining mark becomes one letter.
    func composeVietnamese(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if index + 1 < text.count, let letter = vietnameseLetters.firstIndex(of: text[index]),
                let mark = vietnameseMarks.firstIndex(of: text[index + 1])
            {
                output.append(vietnameseComposed[mark][letter])
                index += 2
            } else {
                output.append(text[index])
                index += 1
            }
        }
        return output
    }

    /// `NGram.normalize`: punctuation and symbols to a space, kana, hangul and kanji classes to
    /// one representative each.
    func normalise(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        switch value {
        case 0...0x7F:
            return ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) ? scalar : " "
        case 0x80...0xFF: return latin1Excluded.contains(scalar) ? " " : scalar
        case 0x180...0x24F:
            if value == 0x219 { return "\u{15F}" }
            if value == 0x21B { return "\u{163}" }
            return scalar
        case 0x2000...0x206F: return " "
        case 0x600...0x6FF: return value == 0x6CC ? "\u{64A}" : scalar
        case 0x1E00...0x1EFF: return value >= 0x1EA0 ? "\u{1EC3}" : scalar
        case 0x3040...0x309F: return "\u{3042}"
        case 0x30A0...0x30FF: return "\u{30A2}"
        case 0x3100...0x312F, 0x31A0...0x31BF: return "\u{3105}"
        case 0x4E00...0x9FFF: return kanji[scalar] ?? scalar
        case 0xAC00...0xD7AF: return "\u{AC00}"
        default: return scalar
        }
    }

    /// `_extract_ngrams`: the 1-, 2- and 3-grams of the normalised text that some profile has,
    /// skipping those inside words in capitals; each as its row of probabilities.
    func ngrams(_ text: [Unicode.Scalar]) -> [Row] {
        var result: [Row] = []
        var grams: [Unicode.Scalar] = [" "]
        var capitalWord = false
        for character in text {
            let scalar = normalise(character)
            let last = grams[grams.count - 1]
            if last == " " {
                grams = [" "]
                capitalWord = false
                if scalar == " " { continue }
            } else if grams.count >= 3 {
                grams.removeFirst()
            }
            grams.append(scalar)
            if PythonText.isUpper(CollectionOfOne(scalar)) {
                if PythonText.isUpper(CollectionOfOne(last)) { capitalWord = true }
            } else {
                capitalWord = false
            }
            if capitalWord { continue }
            for length in 1...3 {
                guard grams.count >= length else { break }
                let gram = grams[(grams.count - length)...]
                if length == 1 && gram.first == " " { continue }
                if let row = probabilities[Self.key(gram)] { result.append(row) }
            }
        }
        return result
    }
}
