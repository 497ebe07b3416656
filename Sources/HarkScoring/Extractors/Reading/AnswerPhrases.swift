/// Phrases read whole, as word sequences (lowercased, apostrophes kept): hedges that lean one way,
/// idioms whose "no" or "without" affirms, refusals, and answers that decide nothing.
enum AnswerPhrases {
    /// Leaning or idiomatic yes: "I believe so", "without a doubt", "it's likely".
    static let yes = [
        "i believe so", "i believe it does", "i believe it is", "i believe there is", "i believe there's", "i believe i can",
        "i think so", "i think it does", "i think there is", "i think there's", "i guess so", "i suppose so", "i reckon so",
        "it seems so", "seems so", "it seems like it", "seems like it", "looks like it", "it appears so", "appears so",
        "without a doubt", "without doubt", "no doubt", "there is no doubt", "there's no doubt", "of course", "sure thing",
        "it's likely", "it is likely", "likely", "very likely", "most likely", "highly likely", "probably", "most probably",
        "presumably", "i'd say so", "i would say so", "i'd say yes", "that's right", "that's correct",
        "for sure", "you bet", "creo que sí", "je pense que oui", "ich glaube schon", "penso di sì", "acho que sim", "думаю да",
        "sanırım evet", "tôi nghĩ là có", "saya rasa ya", "ik denk het wel", "bien sûr", "por supuesto", "certo che sì",
    ]

    /// Leaning or idiomatic no: "I doubt it", "not at all", "probably not".
    static let no = [
        "not at all", "not in the slightest", "not really", "not that i can hear", "not that i can tell", "not as far as i can tell",
        "of course not", "definitely not", "certainly not", "absolutely not", "surely not", "probably not", "most probably not",
        "likely not", "most likely not", "very unlikely", "unlikely", "highly unlikely", "i doubt it", "i doubt", "doubtful",
        "i don't think so", "i do not think so", "i dont think so", "i'm afraid not", "afraid not", "i think not", "by no means",
        "no way", "i'd say no", "i would say no", "not the case", "that's not right", "that's not correct", "not true",
        "not correct", "maybe not", "perhaps not", "possibly not", "no sign", "not a trace", "helemaal niet", "totaal niet", "ich glaube nicht", "je ne pense pas", "no creo", "non credo",
        "acho que não", "не думаю", "sanmıyorum", "ik denk het niet", "pas du tout", "überhaupt nicht", "para nada", "per niente",
        "de jeito nenhum", "вовсе нет", "hiç değil", "sama sekali tidak",
    ]

    /// Answers that decide nothing: uncertainty, "maybe", "hard to tell".
    static let undecided = [
        "maybe", "perhaps", "possibly", "not sure", "unsure", "uncertain", "not certain", "can't tell", "cannot tell", "can not tell",
        "hard to tell", "hard to say", "difficult to say", "difficult to tell", "unclear", "not clear", "can't determine",
        "cannot determine", "unable to determine", "can't be sure", "cannot be sure", "i don't know", "i do not know", "don't know",
        "no idea", "it depends", "it could be", "it might be", "might or might not", "yes and no", "hard to determine", "impossible to tell", "impossible to say",
        "wasn't sure", "not entirely sure", "quizás", "quizá", "tal vez", "no estoy seguro", "no estoy segura", "peut-être",
        "pas sûr", "je ne sais pas", "vielleicht", "nicht sicher", "weiß nicht", "forse", "non sono sicuro", "non so", "talvez",
        "não tenho certeza", "não sei", "возможно", "может быть", "не уверен", "не знаю", "belki", "emin değilim", "bilmiyorum",
        "có thể", "không chắc", "không biết", "mungkin", "tidak yakin", "tidak tahu", "शायद", "पता नहीं", "ربما", "لست متأكد",
        "لا أعرف", "misschien", "niet zeker", "weet niet",
    ]

    /// Declining, or saying it cannot listen: never read as "no".
    static let refusal = [
        "can't process", "cannot process", "can not process", "unable to process", "not able to process", "can't listen",
        "cannot listen", "unable to listen", "can't play", "cannot play", "unable to play", "don't have access", "do not have access",
        "no access to", "can't access", "cannot access", "unable to access", "as an ai", "as a language model", "as a text",
        "text-based", "text based", "cannot analyze", "can't analyze", "unable to analyze", "cannot analyse", "can't analyse",
        "need to hear", "need to listen", "would need to hear", "i'd need", "please provide", "please upload", "please share",
        "please play", "can't hear audio", "cannot hear audio", "can't hear the audio", "cannot hear the audio", "can't hear the clip",
        "cannot hear the clip", "can't hear the recording", "cannot hear the recording", "i'm unable to help", "i cannot help",
        "can't help with", "cannot assist", "can't assist", "not able to listen", "no audio was", "no audio file", "no audio provided",
        "didn't receive", "did not receive", "haven't received", "not received any audio", "upload the audio", "share the audio",
        "provide the audio", "cannot hear audio", "unable to hear audio", "unable to hear the audio", "i cannot hear anything since",
    ]

    /// Whether `words` (joined by single spaces, with a space at each end) hold `phrase`.
    static func contains(_ joined: String, _ phrase: String) -> Bool {
        joined.contains(" " + phrase + " ")
    }

    /// The first of `phrases` the words hold, if any.
    static func first(in joined: String, of phrases: [String]) -> String? {
        phrases.first { contains(joined, $0) }
    }
}
