public import HarkCore

/// Reads which sound objects a caption asserts: mentions of the vocabulary's classes, longest
/// phrase first, read in context.
///
/// - Negated or denied mentions are no mentions: those after "no", "not", "without", "never",
///   "n't", "lacks", "absence of", "free of", "rather than", "instead of" … up to the end of the
///   clause (punctuation, or "but", "while", "and", "except" …), and those followed in their clause
///   by "not", "never", "n't" or "absent", "missing", "inaudible", "silent" ("the dog is not
///   barking"; "voices and footsteps are not present").
/// - Possessives and plurals are mentions ("the dog's bark", "buses").
/// - Compounds joined by a hyphen to a word outside the phrase ("dog-like", "bird-shaped") are not,
///   unless `compounds` is set.
/// - A word broader than a label ("an animal" when a dog is labelled) is set aside: it neither
///   hallucinates nor covers the label.
/// - A sound of something mentioned is part of it ("a dog barking" is one object, dog), by the
///   ontology or as the verb of its subject ("the faucet drips"); an animal's sound heard alone is
///   the animal; a phrase that names several classes ("honk") means the one related to another
///   mention, if any.
public struct CaptionReader: Sendable {
    let vocabulary: SoundVocabulary
    let compounds: Bool

    public init(vocabulary: SoundVocabulary, compounds: Bool = false) {
        self.vocabulary = vocabulary
        self.compounds = compounds
    }

    /// What a caption says, against the objects labelled present.
    public struct Reading: Sendable, Hashable {
        /// The objects mentioned: a label where the mention is the label's class, a kind of it or a
        /// sound of it; otherwise the class's name.
        public var objects: Set<String>
        public var mentions: [CaptionMention]
    }

    struct Match {
        var first: Int, last: Int
        var classes: [Int]
        var ignored: String?
    }

    public func read(_ caption: String, labels: Set<String>) -> Reading {
        let text = CaptionText(caption)
        let matches = self.matches(in: text)
        let counted = matches.filter { $0.ignored == nil }
        // Ambiguous phrases take the class related to another mention's likeliest class.
        var chosen: [Int] = counted.map { match in
            let others = counted.compactMap { $0.first == match.first ? nil : $0.classes.first }
            return match.classes.first { candidate in others.contains { vocabulary.related(candidate, $0) } }
                ?? match.classes[0]
        }
        let own = chosen
        chosen = attached(merged(chosen), counted, in: text)
        let labelled = labels.map { $0.lowercased() }.compactMap { label in
            vocabulary.labelClasses[label].map { (label, $0) }
        }
        let classes = vocabulary.classes
        /// The labels a mention is (the label's class, a kind of it or a sound of it); none for a
        /// word broader than a label ("an animal" when a dog is labelled), which neither
        /// hallucinates nor covers; else its class's name.
        func names(of index: Int) -> [String]? {
            let named = labelled.filter { $0.1 == index || classes[index].ancestors.contains($0.1) }.map(\.0)
            guard named.isEmpty else { return named.sorted() }
            if labelled.contains(where: { classes[$0.1].ancestors.contains(index) }) { return nil }
            // An animal's sound heard alone is the animal ("squawking" → bird).
            return [classes[vocabulary.animal(making: index) ?? index].name]
        }
        var objects: Set<String> = []
        var mentions: [CaptionMention] = []
        var next = 0
        for match in matches {
            let words = text.span(match.first, match.last)
            let at = text.words[match.first].start
            if let reason = match.ignored {
                mentions.append(CaptionMention(object: nil, text: words, at: at, ignored: reason))
                continue
            }
            // A sound of something broader than a label keeps its own name ("fireworks explode").
            let found = names(of: chosen[next]) ?? (chosen[next] == own[next] ? nil : names(of: own[next]))
            next += 1
            guard let found else {
                mentions.append(CaptionMention(object: nil, text: words, at: at, ignored: "broader than a label"))
                continue
            }
            objects.formUnion(found)
            mentions.append(CaptionMention(object: found.joined(separator: ", "), text: words, at: at))
        }
        return Reading(objects: objects, mentions: mentions)
    }

    /// The objects a judge listed for a caption, named as the rules name theirs: the entries read
    /// as clauses of their own (so "dog" and "barking" are one object); an entry the vocabulary
    /// does not know is kept as written, one it reads as negated or a compound is dropped.
    public func read(listed: [String], caption: String, labels: Set<String>) -> Reading {
        var reading = read(listed.joined(separator: ". "), labels: labels)
        let lowered = Array(caption.lowercased().unicodeScalars)
        reading.mentions = listed.map { entry in
            let inner = read(entry, labels: labels)
            let at = Self.offset(of: entry, in: lowered)
            if inner.mentions.isEmpty {
                reading.objects.insert(entry)
                return CaptionMention(object: entry, text: entry, at: at)
            }
            let objects = inner.objects.sorted().joined(separator: ", ")
            return CaptionMention(
                object: objects.isEmpty ? nil : objects, text: entry, at: at,
                ignored: objects.isEmpty ? inner.mentions.first?.ignored : nil)
        }
        return reading
    }

    /// Where `needle` first occurs in lowercased text, in scalars.
    static func offset(of needle: String, in text: [Unicode.Scalar]) -> Int? {
        let pattern = Array(needle.lowercased().unicodeScalars)
        guard !pattern.isEmpty, text.count >= pattern.count else { return nil }
        return (0...(text.count - pattern.count)).first { start in
            pattern.indices.allSatisfy { text[start + $0] == pattern[$0] }
        }
    }

    /// Each mentioned class, or, for a sound, the mentioned thing that makes it: its nearest
    /// mentioned ancestor that is a thing ("barking" → "dog"), or the mentioned thing that is a kind
    /// of the sound's source ("buzzing" of insects → "mosquito", "idling" of motor vehicles →
    /// "bus"). Things stay apart from broader
    /// things ("music" and "a guitar" are two objects), sounds from broader sounds ("a man speaks"
    /// and "speech").
    func merged(_ chosen: [Int]) -> [Int] {
        let mentioned = Set(chosen).sorted()
        let classes = vocabulary.classes
        return chosen.map { index in
            guard classes[index].isEvent else { return index }
            let above = mentioned.filter { classes[index].ancestors.contains($0) && !classes[$0].isEvent }
            if let nearest = above.first(where: { candidate in
                !above.contains { $0 != candidate && classes[$0].ancestors.contains(candidate) }
            }) {
                return nearest
            }
            // A sound and a kind of what makes it ("buzzing" of insects, "a mosquito"), through a
            // source that is no top-level class of the ontology ("alarm", "animal": too broad).
            return mentioned.first { other in
                other != index && !classes[other].isEvent
                    && classes[index].parents.contains {
                        !classes[$0].parents.isEmpty && classes[other].ancestors.contains($0)
                    }
            } ?? index
        }
    }

    /// Sounds attached to the thing named just before them in their clause: "the faucet drips",
    /// "a bull snorts", "the exhaust pops and crackles" — a sound that is the verb of a mentioned
    /// subject is that subject's, whatever the ontology says. The subject must come at most three
    /// words before, with no preposition or clause break between (after "and" only when the sound
    /// before was attached too).
    func attached(_ chosen: [Int], _ counted: [Match], in text: CaptionText) -> [Int] {
        var result = chosen
        var wasAttached = Array(repeating: false, count: chosen.count)
        let classes = vocabulary.classes
        for index in counted.indices.dropFirst() where classes[chosen[index]].isEvent {
            // Only a verb attaches ("the faucet drips"), not a noun ("a dog-like horn").
            let verb = text.words[counted[index].last].text
            guard ["s", "ed", "ing"].contains(where: verb.hasSuffix) else { continue }
            let subject = index - 1
            // People's sounds are objects of their own ("a crowd cheers"), but an animal's ("a bull snorts").
            if classes[chosen[index]].isHuman,
                !(vocabulary.animal.map { classes[result[subject]].ancestors.contains($0) } ?? false)
            {
                continue
            }
            guard result[subject] != result[index], !vocabulary.related(result[subject], result[index]) else {
                continue
            }
            let gap = (counted[subject].last + 1)..<counted[index].first
            guard gap.count <= 3,
                !(counted[subject].last + 1...counted[index].first).contains(where: {
                    Self.breaks(text.words[$0].before)
                })
            else { continue }
            let blocked = gap.contains { position in
                let word = text.words[position].text
                if word == "and" { return !wasAttached[subject] }
                return Self.prepositions.contains(word) || Self.clauseWords.contains(word) || Self.isNegation(word)
            }
            guard !blocked else { continue }
            result[index] = result[subject]
            wasAttached[index] = true
        }
        return result
    }

    static let prepositions: Set<String> = [
        "over", "with", "at", "on", "in", "into", "to", "from", "near", "by", "under", "behind", "beside", "across",
        "through", "against", "of", "for", "around", "above", "below", "toward", "towards", "among", "amid", "beneath",
        "alongside", "inside", "outside", "onto", "upon", "within",
    ]

    /// Every phrase of the vocabulary in the text, longest first, with why it does not count.
    func matches(in text: CaptionText) -> [Match] {
        let words = text.words
        let negated = negationScope(text)
        var matches: [Match] = []
        var index = 0
        while index < words.count {
            let candidates = vocabulary.phrases[words[index].text] ?? []
            guard
                let phrase = candidates.first(where: { phrase in
                    index + phrase.words.count <= words.count
                        && phrase.words.indices.allSatisfy { offset in
                            words[index + offset].text == phrase.words[offset]
                                && (offset == 0 || Self.joins(words[index + offset].before))
                        }
                })
            else {
                index += 1
                continue
            }
            let last = index + phrase.words.count - 1
            var match = Match(first: index, last: last, classes: phrase.classes)
            let hyphenBefore = index > 0 && words[index].before == "-"
            let hyphenAfter = last + 1 < words.count && words[last + 1].before == "-"
            if !compounds, hyphenBefore || hyphenAfter {
                match.ignored = "compound"
            } else if negated[index] || deniedAfter(last, in: text) {
                match.ignored = "negated"
            }
            matches.append(match)
            index = last + 1
        }
        return matches
    }

    /// Whether words of one phrase may be separated by this (spaces or a hyphen, no punctuation).
    static func joins(_ separator: String) -> Bool {
        separator.unicodeScalars.allSatisfy { $0 == "-" || $0.properties.isWhitespace }
    }

    /// For each word, whether a negation before it in its clause covers it.
    func negationScope(_ text: CaptionText) -> [Bool] {
        let words = text.words
        var scope = Array(repeating: false, count: words.count)
        var negated = false
        for (index, word) in words.enumerated() {
            let previous = index > 0 ? words[index - 1].text : ""
            if Self.breaks(word.before)
                || (Self.clauseWords.contains(word.text) && !(word.text == "than" && previous == "rather"))
            {
                negated = false
            }
            scope[index] = negated
            let next = index + 1 < words.count ? words[index + 1].text : ""
            if Self.isNegation(word.text) && !(word.text == "not" && next == "only") {
                negated = true
            } else if (word.text == "free" && next == "of") || (word.text == "rather" && next == "than")
                || (word.text == "instead" && next == "of")
            {
                negated = true
            }
        }
        return scope
    }

    /// Whether a mention ending at `last` is denied later in its clause ("the dog is not barking",
    /// "music is absent"), before any other sound is named.
    func deniedAfter(_ last: Int, in text: CaptionText) -> Bool {
        let words = text.words
        var index = last + 1
        var coordinated = false
        while index < words.count, !Self.breaks(words[index].before) {
            let word = words[index].text
            if word == "and" || word == "or", index + 1 < words.count, vocabulary.phrases[words[index + 1].text] != nil
            {
                // "voices and footsteps are not present": the denial covers both.
                coordinated = true
                index += 1
                continue
            }
            if Self.clauseWords.contains(word) { return false }
            if Self.denials.contains(word) || word.hasSuffix("n't") || Self.absentWords.contains(word) { return true }
            if vocabulary.phrases[word] != nil, !coordinated { return false }
            coordinated = false
            index += 1
        }
        return false
    }

    static func isNegation(_ word: String) -> Bool {
        negationWords.contains(word) || word.hasSuffix("n't")
    }

    static func breaks(_ separator: String) -> Bool {
        separator.unicodeScalars.contains { ".,;:!?()[]\u{2014}\u{2013}\"".unicodeScalars.contains($0) }
    }

    static let negationWords: Set<String> = [
        "no", "not", "without", "never", "neither", "nor", "none", "cannot", "lack", "lacks", "lacking", "absence",
        "nobody", "nothing",
    ]
    /// Negations that deny what comes before them ("the dog is not barking"); "no" and "without"
    /// only deny what follows.
    static let denials: Set<String> = ["not", "never", "cannot"]
    static let absentWords: Set<String> = ["absent", "missing", "inaudible", "silent"]
    /// Words that end a clause, and with it a negation's reach.
    static let clauseWords: Set<String> = [
        "but", "while", "whereas", "although", "though", "however", "yet", "and", "then", "except", "besides",
        "apart", "only", "just", "instead", "rather", "than", "so", "because", "as", "which", "who", "that", "when",
        "whilst", "until", "before", "after", "followed", "plus", "also",
    ]
}
