import HarkCore
public import HarkSuites

/// The clip each clip of a suite is swapped for in a `shuffled` listening control: a seeded
/// permutation of the suite's clips in which no clip keeps its place and none takes a clip that
/// shares one of its labels (what its items say is in it), so that a right answer to the real clip
/// is not right by accident on the donor.
public enum ClipShuffle {
    /// Donor clip path by clip path. Throws when no permutation is found (one clip, or every other
    /// clip sharing a label with one).
    public static func donors(for suite: Suite, seed: UInt64) throws -> [String: String] {
        let labels = clipLabels(of: suite)
        let paths = Array(Set(suite.clips.map(\.path))).sorted()
        guard paths.count > 1 else {
            throw HarkError.badInput(
                "suite \(suite.id): a shuffled control needs at least two clips, found \(paths.count)")
        }
        /// A clip whose items name nothing in it (all "no" probes) may take any other clip.
        func allowed(_ clip: Int, _ donor: Int) -> Bool {
            clip != donor && (labels[paths[clip]] ?? []).isDisjoint(with: labels[paths[donor]] ?? [])
        }
        var stuck = 0
        // A few seeded attempts: the repair below can corner itself where another start would not.
        for attempt in 0..<16 {
            var generator = SplitMix64(seed: StableHash.value(suite.id + "#\(attempt)", seed: seed))
            // Sattolo's shuffle: a single cycle, so that no clip is its own donor; then each clip whose
            // donor shares a label trades donors with one where both trades are allowed.
            var donor = Array(0..<paths.count)
            for index in stride(from: paths.count - 1, to: 0, by: -1) {
                donor.swapAt(index, Int(generator.next() % UInt64(index)))
            }
            var repaired = true
            for clip in donor.indices where !allowed(clip, donor[clip]) {
                let start = Int(generator.next() % UInt64(paths.count))
                let partner = (0..<paths.count).lazy.map { (start + $0) % paths.count }.first { other in
                    allowed(clip, donor[other]) && allowed(other, donor[clip])
                }
                guard let partner else {
                    stuck = clip
                    repaired = false
                    break
                }
                donor.swapAt(clip, partner)
            }
            if repaired {
                return Dictionary(
                    uniqueKeysWithValues: donor.enumerated().map { (paths[$0.offset], paths[$0.element]) })
            }
        }
        throw HarkError.badInput(
            "suite \(suite.id): no clip can be given to \(paths[stuck]) in a shuffled control: every other clip "
                + "shares one of its labels (\((labels[paths[stuck]] ?? []).sorted().joined(separator: ", ")))")
    }

    /// What each clip's items say is in it: the objects its yes/no items label "yes" (an item
    /// without an object: its question), a caption item's labels, a multiple-choice item's answer,
    /// an open question's reference answer.
    static func clipLabels(of suite: Suite) -> [String: Set<String>] {
        var labels: [String: Set<String>] = [:]
        for item in suite.items {
            let said: [String]
            switch item.answerKey {
            case .yesNo(let object, .yes): said = (object ?? item.question).map { [$0] } ?? []
            case .yesNo: said = []
            case .caption(let present): said = present
            case .multipleChoice(_, let answer): said = [answer]
            case .openQA(let answer): said = [answer]
            case .instructionFollowing: said = []
            }
            for audio in item.audio { labels[audio.path, default: []].formUnion(said) }
        }
        return labels
    }
}
