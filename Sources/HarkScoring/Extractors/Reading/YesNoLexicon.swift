/// The words a yes/no answer is read by, in the 16 languages ALLMs answer in (English, Chinese,
/// Japanese, Korean, Spanish, French, German, Italian, Portuguese, Russian, Arabic, Hindi, Turkish,
/// Vietnamese, Indonesian, Dutch). Words are lowercased; Chinese, Japanese and Korean, written
/// without spaces, have their own lists in `CJKReader`.
enum YesNoLexicon {
    /// Words that answer yes on their own.
    static let yes: Set<String> = [
        "yes", "yeah", "yep", "yup", "yea", "yah", "ya", "aye", "affirmative", "sure", "certainly", "definitely",
        "absolutely",
        "indeed", "correct", "true", "right", "exactly", "positive", "surely", "yess", "yesss", "undoubtedly",
        "totally", "yessir",
        "yas", "yass", "yeppers", "yeh", "naturally", "obviously", "clearly", "unquestionably", "undeniably", "mhm",
        "aye",
        // es, it, pt, fr, de, nl
        "sí", "si", "claro", "cierto", "correcto", "efectivamente", "sì", "certo", "esatto", "sim", "certamente",
        "exato", "oui",
        "évidemment", "effectivement", "ja", "jawohl", "jazeker", "genau", "natürlich", "klar", "doch", "zeker",
        "inderdaad", "jep",
        // ru, tr, vi, id, hi, ar
        "да", "конечно", "верно", "ага", "evet", "tabii", "elbette", "kesinlikle", "có", "vâng", "dạ", "ừ", "đúng",
        "iya", "betul",
        "benar", "tentu", "ada", "var", "हाँ", "हां", "हा", "जी", "बिल्कुल", "نعم", "أجل", "بلى", "اجل", "ايوه",
    ]

    /// Of those, the ones that are an answer wherever they stand alone in a clause; the others
    /// ("right", "sure", "ada") count only at the start of the answer.
    static let strongYes: Set<String> = [
        "yes", "yeah", "yep", "yup", "yea", "yah", "aye", "affirmative", "yess", "yesss", "yas", "yass", "yessir",
        "yeppers", "sí", "si", "sì", "sim", "oui", "ja",
        "jawohl", "jazeker", "да", "evet", "vâng", "iya", "हाँ", "हां", "نعم", "أجل", "بلى", "var", "có",
    ]

    /// Words that answer no on their own.
    static let no: Set<String> = [
        "no", "nope", "nah", "negative", "false", "never", "nay", "incorrect", "wrong", "noo", "nooo", "none",
        "nothing",
        "neither", "nuh", "nope", "nah", "nay", "non", "nein", "nee", "neen", "não", "nao", "нет", "неа", "hayır",
        "hayir", "không", "khong", "ko", "tidak", "tak",
        "bukan", "nggak", "enggak", "gak", "ga", "नहीं", "नही", "ना", "لا", "كلا", "yok", "niet", "nada", "niente", "rien",
        "nessuno", "nenhum", "ничего", "hiç", "ninguno", "kein", "keine", "keinen", "geen", "aucun", "aucune", "ningún",
        "ninguna",
        "nessun", "nessuna", "nenhuma",
    ]

    /// Of those, the ones that are an answer wherever they stand alone in a clause.
    static let strongNo: Set<String> = [
        "no", "nope", "nah", "negative", "noo", "nooo", "non", "nein", "nee", "neen", "não", "nao", "нет", "неа",
        "hayır", "hayir",
        "không", "tidak", "bukan", "nggak", "enggak", "नहीं", "नही", "لا", "كلا", "yok", "niet",
    ]

    /// Words that negate what follows in their clause.
    static let negators: Set<String> = [
        "not", "no", "never", "without", "nothing", "none", "neither", "nor", "cannot", "can't", "don't", "doesn't",
        "didn't",
        "isn't", "aren't", "wasn't", "weren't", "won't", "couldn't", "wouldn't", "hasn't", "haven't", "hadn't",
        "shouldn't",
        "dont", "doesnt", "didnt", "isnt", "arent", "cant", "wasnt", "couldnt", "absent", "lacks", "lack", "lacking",
        "missing",
        "zero", "non", "pas", "aucun", "aucune", "jamais", "nicht", "kein", "keine", "keinen", "keiner", "nie",
        "niemals",
        "ningún", "ningun", "ninguna", "nunca", "nessun", "nessuna", "mai", "não", "nao", "nenhum", "nenhuma", "не",
        "нет", "нету",
        "ни", "değil", "yok", "hiç", "không", "chẳng", "chưa", "tidak", "bukan", "tak", "belum", "nggak", "नहीं", "न",
        "لا", "ليس",
        "لم", "لن", "niet", "geen", "nooit", "sin", "sans", "ohne", "senza", "sem", "без", "0", "nowhere", "nobody",
        "rien", "inaudible", "undetectable", "silent", "personne",
        "niemand", "nadie", "nessuno", "ninguém", "никто", "kimse", "nobody's", "noone", "nichts", "nada", "niente",
        "ничего",
    ]

    /// Words that keep a following "not" or "no" from negating: "not just a siren", "no doubt".
    static let notNegating: Set<String> = [
        "just", "only", "merely", "simply", "doubt", "question", "wonder", "matter", "problem", "bad", "mind",
        "denying", "mistaking", "way",
    ]

    /// Verbs and words of perception or presence: what a description asserts or denies.
    static let presence: Set<String> = [
        "hear", "hears", "heard", "hearing", "audible", "detect", "detects", "detected", "detecting", "detectable",
        "present",
        "presence", "contain", "contains", "contained", "containing", "notice", "noticed", "noticeable", "perceive",
        "perceived",
        "perceptible", "recognize", "recognized", "recognise", "recognised", "identify", "identified", "exists",
        "exist",
        "includes", "include", "included", "including", "features", "featured", "picked", "captured", "trace", "traces",
        "sign",
        "signs", "evidence", "hint", "there's", "there", "occurs", "appears", "absent", "missing", "inaudible",
        // es, fr, de, it, pt, nl, ru, tr, vi, id, hi, ar
        "oye", "oigo", "escucha", "escucho", "escuchar", "hay", "suena", "percibe", "entend", "entends", "entendre",
        "entendu",
        "perçoit", "höre", "hört", "hören", "gibt", "hörbar", "sento", "sente", "sentire", "sentono", "c'è", "ouço",
        "ouve", "ouvir",
        "há", "escuto", "hoor", "hoort", "horen", "hoorbaar", "слышу", "слышно", "слышен", "слышна", "слышны", "есть",
        "присутствует",
        "duyuyorum", "duyuluyor", "duyulabiliyor", "nghe", "thấy", "terdengar", "dengar", "mendengar", "सुनाई", "सुन",
        "सकता", "है", "हैं", "आवाज़", "आवाज",
        "أسمع", "يوجد", "هناك", "يسمع", "توجد", "سماع",
    ]

    /// Words that set a description apart from the asked sound ("only traffic noise").
    static let exclusive: Set<String> = [
        "only", "just", "solely", "merely", "purely", "exclusively", "entirely", "consists", "nothing", "except",
        "solo", "seulement", "nur", "solo", "apenas", "только", "sadece", "chỉ", "hanya", "केवल", "فقط", "alleen",
    ]

    /// Words that turn an answer around: what follows them is what the answer says.
    static let contrast: Set<String> = [
        "but", "however", "though", "although", "yet", "actually", "wait", "correction", "nevertheless", "mais", "aber",
        "doch", "pero", "ma", "però", "mas", "porém", "но", "однако", "ama", "fakat", "nhưng", "tapi", "namun", "लेकिन",
        "पर", "لكن", "maar",
    ]

    /// Cardinal numbers written as words (above zero): "two dogs bark" affirms.
    static let counts: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "multiple", "many", "dos",
        "deux", "zwei", "due", "dois", "два", "iki", "hai", "dua", "दो", "اثنان", "twee",
    ]
}
