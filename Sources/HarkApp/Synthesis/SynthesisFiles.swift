/// The files of a synthesis output folder.
public enum SynthesisFiles {
    /// What was made, from what, with which recipe, model and seeds, and how many of each kind.
    public static let manifest = "synthesis.json"
    /// The kept samples as JSON Lines: clips, prompt, answer, kind, source labels.
    public static let samples = "samples.jsonl"
    /// The same samples as a ShareGPT dataset (LLaMA-Factory, ms-swift).
    public static let shareGPT = "sharegpt.json"
    /// LLaMA-Factory's description of the ShareGPT file, so the folder is a `dataset_dir`.
    public static let datasetInfo = "dataset_info.json"
    /// Samples the checks refused, each with its reason.
    public static let rejected = "rejected.jsonl"
    /// The requests to the text model, as a suite, and the run that asked them.
    public static let requests = "requests"
    public static let run = "run"
}
