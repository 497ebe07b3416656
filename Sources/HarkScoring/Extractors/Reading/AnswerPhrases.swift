/// Phrases read whole, as word sequences (lowercased, apostrophes kept): hedges that lean one way,
/// idioms whose "no" or "without" affirms, refusals, and answers that decide nothing.
enum AnswerPhrases {
    /// Leaning or idiomatic yes: "I believe so", "without a doubt", "it's likely".
    static let yes = [
        "i believe so", "i believe it does", "i believe it is", "i believe i can", "i suspect so", "i suspect there is",
        "i suspect there's", "i suspect it is", "lean yes", "leaning yes", "i think so", "i think it does",
        "i guess so", "i suppose so", "i reckon so",
        "it seems so", "seems so", "it seems like it", "seems like it", "looks like it", "it appears so", "appears so",
        "without a doubt", "without doubt", "no doubt", "there is no doubt", "there's no doubt", "of course",
        "sure thing",
        "it's likely", "it is likely", "likely", "very likely", "most likely", "highly likely", "probably",
        "most probably",
        "presumably", "i'd say so", "i would say so", "i'd say yes", "that's right", "that's correct",
        "for sure", "you bet", "no denying", "no question", "can't miss", "cannot miss", "couldn't miss",
        "could not miss",
        "hard to miss", "no way i could miss", "no way to miss", "no way you could miss", "can't say i don't",
        "cannot say i don't",
        "can't say it isn't", "can't say there isn't", "unmistakable", "unmistakably", "no mistaking", "could mistake",
        "sure does", "sure is", "it sure", "creo que sí", "je pense que oui", "ich glaube schon", "penso di sì",
        "acho que sim", "думаю да",
        "sanırım evet", "tôi nghĩ là có", "saya rasa ya", "ik denk het wel", "bien sûr", "por supuesto", "certo che sì",
    ]

    /// Leaning or idiomatic no: "I doubt it", "not at all", "probably not".
    static let no = [
        "not at all", "not in the slightest", "not a chance", "no chance", "none at all", "nothing at all",
        "none whatsoever",
        "i don't believe so", "i do not believe so", "i believe not", "i guess not", "i'd guess not", "guess not",
        "i suppose not",
        "i suspect not", "lean no", "leaning no", "hell no", "heck no", "negatory", "not really", "not that i can hear",
        "not that i can tell", "not as far as i can tell",
        "of course not", "definitely not", "certainly not", "absolutely not", "surely not", "probably not",
        "most probably not",
        "likely not", "most likely not", "very unlikely", "unlikely", "highly unlikely", "i doubt it", "i doubt",
        "doubtful",
        "i don't think so", "i do not think so", "i dont think so", "i'm afraid not", "afraid not", "i think not",
        "by no means",
        "no way", "i'd say no", "i would say no", "that's not right", "that's not correct", "not true",
        "not correct", "maybe not", "perhaps not", "possibly not", "no sign", "not a trace", "helemaal niet",
        "totaal niet", "ich glaube nicht", "je ne pense pas", "no creo", "non credo",
        "acho que não", "не думаю", "sanmıyorum", "ik denk het niet", "pas du tout", "überhaupt nicht", "para nada",
        "per niente",
        "de jeito nenhum", "вовсе нет", "hiç değil", "sama sekali tidak",
    ]

    /// Words that leave an answer open when nothing else decides it: "maybe", "perhaps".
    static let tentative = [
        "maybe", "perhaps", "possibly", "it could be", "it might be", "could be", "might be", "quizás", "tal vez",
        "peut être", "vielleicht", "forse", "talvez", "возможно", "belki", "mungkin", "misschien", "có thể", "शायद",
        "ربما",
    ]

    /// Answers that decide nothing: uncertainty, "hard to tell", a bare "maybe".
    static let undecided = [
        "maybe", "perhaps", "possibly", "maybe maybe", "not sure", "unsure", "uncertain", "not certain", "can't tell",
        "cannot tell", "can not tell",
        "hard to tell", "hard to say", "difficult to say", "difficult to tell", "unclear", "not clear",
        "can't determine",
        "cannot determine", "unable to determine", "can't be sure", "cannot be sure", "i don't know", "i do not know",
        "don't know",
        "no idea", "it depends", "it could be", "it might be", "might or might not", "yes and no", "maybe maybe not",
        "maybe or maybe not", "perhaps perhaps not", "either way", "can't say", "cannot say", "couldn't say",
        "could not say",
        "can't identify", "cannot identify", "can't tell what", "not sure what", "can't tell whether", "can't tell if",
        "cannot tell whether", "determine whether", "determine if", "say whether", "tell whether", "hard to judge",
        "can't distinguish",
        "cannot distinguish", "keine ahnung", "non lo so", "weet ik niet", "tidak bisa dipastikan",
        "tidak dapat dipastikan",
        "não consigo determinar", "impossible de déterminer", "no se puede determinar", "no sé", "không rõ",
        "pas de réponse", "hard to determine", "impossible to tell", "impossible to say",
        "wasn't sure", "not entirely sure", "quizás", "quizá", "tal vez", "no estoy seguro", "no estoy segura",
        "peut être",
        "pas sûr", "je ne sais pas", "vielleicht", "nicht sicher", "weiß nicht", "forse", "non sono sicuro", "non so",
        "talvez",
        "não tenho certeza", "não sei", "возможно", "может быть", "не уверен", "не знаю", "belki", "emin değilim",
        "bilmiyorum",
        "có thể", "không chắc", "không biết", "mungkin", "tidak yakin", "tidak tahu", "शायद", "पता नहीं", "ربما",
        "لست متأكد",
        "لا أعرف", "misschien", "niet zeker", "weet niet",
    ]

    /// Declining, or saying it cannot listen: never read as "no".
    static let refusal = [
        "can't process", "cannot process", "can not process", "unable to process", "not able to process",
        "can't listen",
        "cannot listen", "unable to listen", "can't play", "cannot play", "unable to play", "don't have access",
        "do not have access",
        "no access to", "can't access", "cannot access", "unable to access", "as an ai", "as a language model",
        "as a text",
        "text based", "cannot analyze", "can't analyze", "unable to analyze", "cannot analyse", "can't analyse",
        "need to hear", "need to listen", "would need to hear", "i'd need", "please provide", "please upload",
        "please share",
        "please play", "can't hear audio", "cannot hear audio", "can't hear the audio", "cannot hear the audio",
        "can't hear the clip",
        "cannot hear the clip", "can't hear the recording", "cannot hear the recording", "i'm unable to help",
        "i cannot help",
        "can't help with", "cannot assist", "can't assist", "not able to listen", "no audio was", "no audio file",
        "no audio provided",
        "didn't receive", "did not receive", "haven't received", "not received any audio", "upload the audio",
        "share the audio",
        "provide the audio", "cannot hear audio", "unable to hear audio", "unable to hear the audio",
        "don't have the ability",
        "do not have the ability", "can't hear sounds", "cannot hear sounds", "unable to hear sounds",
        "not able to hear sounds",
        "cannot answer", "can't answer", "rather not answer", "i'd rather not", "no puedo procesar",
        "no puedo escuchar",
        "je ne peux pas écouter", "je ne peux pas traiter", "ich kann keine audio", "ich kann das audio nicht",
        "non posso ascoltare",
        "não consigo ouvir", "não posso ouvir", "я не могу прослушать", "я не могу обработать", "dinleyemiyorum",
        "tôi không thể nghe", "saya tidak dapat mendengar", "saya tidak bisa mendengar", "ik kan geen audio",
        "only respond to text",
        "respond to text", "text only", "işleyemiyorum", "أستطيع معالجة", "ऑडियो नहीं सुन", "cannot process audio",
        "can only process text",
    ]

    /// A phrase list indexed by first word, so that an answer is matched in one pass over its words.
    struct Index: Sendable {
        let byFirstWord: [String: [[String]]]

        init(_ phrases: [String]) {
            var byFirstWord: [String: [[String]]] = [:]
            for phrase in phrases {
                let words = phrase.split(separator: " ").map(String.init)
                byFirstWord[words[0], default: []].append(words)
            }
            self.byFirstWord = byFirstWord
        }

        /// Whether the words hold one of the phrases; `classes` (the words' classes) skips words
        /// no phrase starts with.
        func matches(_ words: ArraySlice<String>, classes: ArraySlice<WordClass>? = nil) -> Bool {
            for start in words.indices where classes.map({ $0[start].contains(.phraseStart) }) ?? true {
                guard let candidates = byFirstWord[words[start]] else { continue }
                for phrase in candidates where start + phrase.count <= words.endIndex {
                    if (1..<phrase.count).allSatisfy({ words[start + $0] == phrase[$0] }) { return true }
                }
            }
            return false
        }

        /// The length of the longest phrase that starts at `start`.
        func longestMatch(_ words: [String], at start: Int) -> Int? {
            guard let candidates = byFirstWord[words[start]] else { return nil }
            var longest: Int?
            for phrase in candidates where start + phrase.count <= words.count && phrase.count > (longest ?? 0) {
                if (1..<phrase.count).allSatisfy({ words[start + $0] == phrase[$0] }) { longest = phrase.count }
            }
            return longest
        }

        /// Whether the words begin with one of the phrases.
        func opens(_ words: [String]) -> Bool {
            guard let first = words.first, let candidates = byFirstWord[first] else { return false }
            return candidates.contains { phrase in
                phrase.count <= words.count && (1..<phrase.count).allSatisfy { words[$0] == phrase[$0] }
            }
        }
    }

    /// The lists a phrase comes from.
    enum Kind: Sendable {
        case yes, no, undecided, refusal, tentative
    }

    /// One phrase found in an answer: where, how many words, of which list.
    struct Match: Sendable {
        var start: Int
        var length: Int
        var kind: Kind
    }

    /// Every phrase of every list, by first word.
    static let byFirstWord: [String: [(words: [String], kind: Kind)]] = {
        var table: [String: [(words: [String], kind: Kind)]] = [:]
        for (phrases, kind) in [
            (yes, Kind.yes), (no, .no), (undecided, .undecided), (refusal, .refusal), (tentative, .tentative),
        ] {
            for phrase in phrases {
                let words = phrase.split(separator: " ").map(String.init)
                table[words[0], default: []].append((words, kind))
            }
        }
        return table
    }()

    /// Every phrase the answer holds, in one pass over the words that start one.
    static func matches(in text: AnswerText) -> [Match] {
        var found: [Match] = []
        let words = text.words
        for start in words.indices where text.classes[start].contains(.phraseStart) {
            for (phrase, kind) in byFirstWord[words[start]] ?? [] where start + phrase.count <= words.count {
                if (1..<phrase.count).allSatisfy({ words[start + $0] == phrase[$0] }) {
                    found.append(Match(start: start, length: phrase.count, kind: kind))
                }
            }
        }
        return found
    }

    /// What the hedges, idioms and undecided phrases of an answer say, taken together: the longest
    /// at each place; one polarity, or undecided, or — mixed — the last after a contrast word, else
    /// undecided.
    static func reading(_ matches: [Match], in text: AnswerText) -> YesNoReading? {
        var found: [(Int, YesNoReading)] = []
        var next = 0
        // Matches come in word order: the longest at each start, not overlapping the one before.
        for (offset, match) in matches.enumerated()
        where match.start >= next && (offset == 0 || matches[offset - 1].start != match.start) {
            let here = matches[offset...].prefix { $0.start == match.start }.filter {
                $0.kind == .yes || $0.kind == .no || $0.kind == .undecided
            }
            guard let best = here.max(by: { $0.length < $1.length }) else { continue }
            let reading: YesNoReading =
                best.kind == .yes ? .read(.yes) : best.kind == .no ? .read(.no) : .unparsed(.noDecision)
            found.append((match.start, reading))
            next = match.start + best.length
        }
        guard let first = found.first else { return nil }
        if found.allSatisfy({ $0.1 == first.1 }) { return first.1 }
        let last = found[found.count - 1]
        if text.classes[first.0..<last.0].contains(where: { $0.contains(.contrast) }), last.1.answer != nil {
            return last.1
        }
        return .unparsed(.noDecision)
    }
}
