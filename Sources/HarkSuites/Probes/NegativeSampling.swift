/// How absent objects are chosen for a clip (POPE, Li et al. 2023, carried to audio).
public enum NegativeSampling: String, Sendable, Hashable, CaseIterable, Codable {
    /// Uniformly from the objects the clip does not hold (a seeded shuffle).
    case random
    /// The corpus's most frequent objects the clip does not hold, most frequent first.
    case popular
    /// The objects that co-occur most often with the clip's objects across the corpus, most first.
    case adversarial
}
