import HarkCore
import HarkScoring
import Testing

@Suite struct SynthesisCheckTests {
    let check = SynthesisCheck(labels: ["dog barking", "rain", "siren"])

    func reason(_ answer: String, _ kind: SynthesisKind, present: Set<String>, object: String? = nil) -> String? {
        check.check(answer, kind: kind, present: present, object: object)?.reason.rawValue
    }

    @Test func negativesMustDenyTheAbsentSoundAndAnswerTheQuestion() {
        let present: Set<String> = ["dog barking"]
        #expect(
            reason("No, there is no siren here; a dog is barking.", .negative, present: present, object: "siren") == nil
        )
        #expect(reason("Yes, a siren wails.", .negative, present: present, object: "siren") == "affirms-absent")
        #expect(reason("I hear a dog barking and a siren.", .negative, present: present, object: "siren") != nil)
        #expect(reason("   ", .negative, present: present, object: "siren") == "empty")
    }

    @Test func positivesMustNotDenyAPresentSoundNorInventOne() {
        let present: Set<String> = ["dog barking", "rain"]
        #expect(reason("A dog barks while rain falls.", .positive, present: present) == nil)
        #expect(reason("Rain falls, but there is no dog barking.", .positive, present: present) == "denies-present")
        #expect(reason("A quiet room.", .positive, present: present) == "mentions-none")
        #expect(
            reason("A dog barks in the rain as a siren passes.", .positive, present: present) == "mentions-unlabelled")
    }

    @Test func pairsMayDenyWhatOnlyTheOtherClipHolds() {
        let present: Set<String> = ["dog barking", "rain"]
        #expect(
            reason("The first clip has a dog barking and no rain; the second has rain.", .differences, present: present)
                == nil)
    }
}
