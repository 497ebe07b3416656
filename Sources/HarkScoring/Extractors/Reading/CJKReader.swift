import HarkCore

/// Chinese, Japanese and Korean answers, written without spaces between words: a leading answer
/// word decides ("有，能听到狗叫。", "いいえ", "네"); else negative verb forms anywhere ("没有",
/// "听不到", "ません", "없습니다") mean no, and positive ones ("能听到", "あります", "있습니다") yes.
enum CJKReader {
    static let leadingYes = [
        "是的", "是", "有的", "有", "对", "對", "能", "可以", "听到", "聽到", "嗯", "はい", "ええ", "うん", "あります", "聞こえます", "네", "예", "응",
        "있습니다", "있어요", "들립니다", "들려요",
    ]
    static let leadingNo = [
        "没有", "沒有", "没", "沒", "不是", "不", "否", "无", "無", "并没有", "並沒有", "听不到", "聽不到", "いいえ", "いや", "ううん", "ありません",
        "聞こえません", "아니요", "아니오", "아뇨", "아니", "없습니다", "없어요",
    ]
    static let negative = [
        "没有", "沒有", "听不到", "聽不到", "没听到", "沒聽到", "不存在", "无法听到", "無法聽到", "未听到", "并无", "ません", "ない", "なかった", "聞こえず", "없",
        "않", "안 들", "안들",
    ]
    static let positive = [
        "そうだと思", "传来", "傳來", "响起", "響起", "声", "聲", "能听到", "能聽到", "听到", "聽到", "可以听到", "存在", "有", "あります", "います", "聞こえます",
        "聞こえる", "ある", "있", "들립", "들려", "들린",
    ]
    static let refusal = [
        "无法处理音频", "無法處理音頻", "不能处理音频", "无法播放", "作为ai", "作为一个ai", "作為ai", "音声を処理でき", "音声を聞くことができ", "오디오를 처리할 수 없",
    ]
    static let undecided = [
        "不好说", "说不准", "難說", "难说", "不确定", "不確定", "不知道", "可能", "也许", "也許", "わかりません", "分かりません", "かもしれ", "모르겠", "아마", "어렵",
        "판단하기", "判断できません", "判断不了", "无法判断", "無法判斷",
    ]

    static func read(_ text: String) -> YesNoReading? {
        let compact = text.filter { !$0.isWhitespace || $0 == " " }.trimmingCharacters(in: .whitespaces)
        let start = compact.drop { !$0.isLetter }
        if refusal.contains(where: compact.contains) { return .unparsed(.refusal) }
        if undecided.contains(where: { start.hasPrefix($0) }) { return .unparsed(.noDecision) }
        // Negative leads first: "没有" begins with "没", and "有" is inside it.
        if leadingNo.contains(where: { start.hasPrefix($0) }) { return .read(.no) }
        if leadingYes.contains(where: { start.hasPrefix($0) }) { return .read(.yes) }
        if undecided.contains(where: compact.contains) { return .unparsed(.noDecision) }
        if negative.contains(where: compact.contains) { return .read(.no) }
        if positive.contains(where: compact.contains) { return .read(.yes) }
        // A sentence that describes, with nothing negative in it: "猫が何度か鳴いている。"
        if compact.count >= 6 { return .read(.yes) }
        return nil
    }
}
