import HarkScoringData

/// The sound classes a caption's mentions are looked up in: by default the 527 labelled classes of
/// the AudioSet ontology with their synonyms and word forms (`SoundVocabularyData`), extended by
/// the suite's labels and synonyms; or the suite's labels alone. Classes know their ancestors, so
/// that "barking" is heard as part of "dog".
public struct SoundVocabulary: Sendable {
    /// Which classes a caption is read against (`scoring.caption_vocabulary`).
    public enum Source: String, Sendable, Hashable, Codable, CaseIterable {
        /// The AudioSet ontology and the suite's labels: hallucinated objects outside the labels are found.
        case audioset
        /// The suite's labels and synonyms only.
        case labels
    }

    struct SoundClass: Sendable {
        /// The canonical name objects are reported by.
        var name: String
        /// Every class above this one, through the ontology's links.
        var ancestors: Set<Int> = []
        /// The classes right above this one.
        var parents: [Int] = []
        /// Whether this is a sound something makes (a bark, a pour) rather than a thing, and
        /// whether people make it (speech, cheering).
        var isEvent = false
        var isHuman = false
    }

    /// A word sequence that names one or more classes, the likeliest first.
    struct Phrase: Sendable {
        var words: [String]
        var classes: [Int]
    }

    private(set) var classes: [SoundClass] = []
    /// Phrases by their first word, longest first.
    private(set) var phrases: [String: [Phrase]] = [:]
    /// Each suite label's class.
    private(set) var labelClasses: [String: Int] = [:]
    /// The ontology's "Animal", whose sounds heard alone are named by the animal.
    private(set) var animal: Int?

    /// The vocabulary of a caption suite: `labels` are every object its items label present.
    public init(source: Source, labels: Set<String>, synonyms: [String: String]) {
        if source == .audioset { self = Self.audioSet }
        for label in labels.map({ $0.lowercased() }).sorted() {
            let words = Self.words(of: label)
            let index: Int
            if let existing = find(words) ?? Self.labelAliases[label].flatMap({ find(Self.words(of: $0)) }) {
                index = existing
            } else {
                index = classes.count
                classes.append(SoundClass(name: label))
            }
            labelClasses[label] = index
            for form in Self.plurals(of: words) { add(form, index, first: true) }
        }
        for (name, label) in synonyms.sorted(by: { $0.key < $1.key }) {
            let label = label.lowercased()
            let index: Int
            if let known = labelClasses[label] ?? find(Self.words(of: label)) {
                index = known
            } else {
                index = classes.count
                classes.append(SoundClass(name: label))
            }
            for form in Self.plurals(of: Self.words(of: name.lowercased())) { add(form, index, first: true) }
        }
        for key in phrases.keys { phrases[key]?.sort { $0.words.count > $1.words.count } }
    }

    private init() {}

    /// The ontology's classes, parsed once.
    static let audioSet: SoundVocabulary = {
        var vocabulary = SoundVocabulary()
        var indexByID: [String: Int] = [:]
        var parentIDs: [[String]] = []
        var generated: [([String], Int)] = []
        for line in SoundVocabularyData.classes.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let index = vocabulary.classes.count
            indexByID[fields[0]] = index
            vocabulary.classes.append(
                SoundClass(name: fields[1], isEvent: fields[4] != "", isHuman: fields[4] == "human"))
            parentIDs.append(fields[2].split(separator: ",").map(String.init))
            for form in fields[3].split(separator: "|") {
                if form.hasPrefix("~") {
                    generated.append((words(of: String(form.dropFirst())), index))
                } else {
                    vocabulary.add(words(of: String(form)), index, first: false)
                }
            }
        }
        // Named forms come before generated ones, whichever class they belong to.
        for (words, index) in generated { vocabulary.add(words, index, first: false) }
        let parents = parentIDs.map { $0.compactMap { indexByID[$0] } }
        for index in vocabulary.classes.indices {
            var seen: Set<Int> = []
            var stack = parents[index]
            while let next = stack.popLast() {
                if seen.insert(next).inserted { stack += parents[next] }
            }
            seen.remove(index)
            vocabulary.classes[index].ancestors = seen
            vocabulary.classes[index].parents = parents[index]
        }
        for key in vocabulary.phrases.keys { vocabulary.phrases[key]?.sort { $0.words.count > $1.words.count } }
        vocabulary.animal = vocabulary.classes.firstIndex { $0.name == "animal" }
        return vocabulary
    }()

    /// The animal that makes an animal's sound: the first thing (no sound) up its first links,
    /// unless that is a group of animals ("squawk" → bird, "gobble" → turkey; "whale
    /// vocalization" stays); nil for other classes.
    func animal(making sound: Int) -> Int? {
        guard let animal, classes[sound].isEvent, let first = classes[sound].parents.first,
            first == animal || classes[first].ancestors.contains(animal)
        else { return nil }
        var current = first
        while classes[current].isEvent, let up = classes[current].parents.first {
            current = up
        }
        let isGroup = current == animal || classes[current].parents.contains(animal)
        return isGroup || classes[current].isEvent ? nil : current
    }

    /// Whether two classes are one object, or one a kind or a sound of the other.
    func related(_ first: Int, _ second: Int) -> Bool {
        first == second || classes[first].ancestors.contains(second) || classes[second].ancestors.contains(first)
    }

    private mutating func add(_ words: [String], _ index: Int, first: Bool) {
        guard let head = words.first else { return }
        var list = phrases[head, default: []]
        if let position = list.firstIndex(where: { $0.words == words }) {
            list[position].classes.removeAll { $0 == index }
            if first {
                list[position].classes.insert(index, at: 0)
            } else {
                list[position].classes.append(index)
            }
        } else {
            list.append(Phrase(words: words, classes: [index]))
        }
        phrases[head] = list
    }

    private func find(_ words: [String]) -> Int? {
        guard let head = words.first else { return nil }
        return phrases[head]?.first { $0.words == words }?.classes.first
    }

    /// The lowercase words of a name, split as captions are (`CaptionText`).
    static func words(of name: String) -> [String] {
        CaptionText(name).words.map(\.text)
    }

    /// A name and its plural ("bus" → "buses", "baby" → "babies", "mouse" → "mice").
    static func plurals(of words: [String]) -> [[String]] {
        guard let last = words.last else { return [] }
        var forms: Set<String> = [last, last + "s"]
        if ["s", "x", "z", "ch", "sh"].contains(where: last.hasSuffix) { forms.insert(last + "es") }
        if last.hasSuffix("y"), last.count > 1 { forms.insert(String(last.dropLast()) + "ies") }
        if let irregular = irregularPlurals[last] { forms.insert(irregular) }
        return forms.sorted().map { words.dropLast() + [$0] }
    }

    /// Labels that name the one who makes a sound for the sound ("man" for male speech), as the
    /// object lists of captioning sets do.
    static let labelAliases = [
        "man": "male speech", "woman": "female speech", "child": "child speech", "kid": "child speech",
        "boy": "child speech", "girl": "child speech", "baby": "baby cry", "infant": "baby cry",
    ]

    static let irregularPlurals = [
        "man": "men", "woman": "women", "child": "children", "person": "people", "mouse": "mice", "goose": "geese",
        "sheep": "sheep", "wolf": "wolves", "calf": "calves", "leaf": "leaves", "knife": "knives", "foot": "feet",
    ]
}
