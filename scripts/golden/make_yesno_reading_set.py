#!/usr/bin/env python3
"""Writes hark's labelled yes/no answer set: answers a model might give to "Is there a sound of
{object} in the audio?", each with the label a careful reader gives it (yes, no, or unparsed with
why) and its kind. The labelling policy is in docs/scoring.md.

    python3 scripts/golden/make_yesno_reading_set.py > Tests/HarkScoringTests/Golden/yesno-reading.json

The answers are written here by hand, as templates over a few objects; nothing is drawn at random.
"""
import json
import sys

OBJECTS = [
    # English object, then its name in zh, ja, ko, es, fr, de, it, pt, ru, ar, hi, tr, vi, id, nl
    ("dog barking", "狗叫", "犬の鳴き声", "개 짖는 소리", "un perro ladrando", "un chien qui aboie", "einen bellenden Hund", "un cane che abbaia",
     "um cachorro latindo", "лай собаки", "نباح كلب", "कुत्ते के भौंकने", "köpek havlaması", "tiếng chó sủa", "suara anjing menggonggong", "een blaffende hond"),
    ("siren", "警笛", "サイレン", "사이렌", "una sirena", "une sirène", "eine Sirene", "una sirena", "uma sirene", "сирена", "صفارة إنذار", "सायरन",
     "siren", "tiếng còi báo động", "sirene", "een sirene"),
    ("rain", "雨声", "雨の音", "빗소리", "lluvia", "la pluie", "Regen", "la pioggia", "chuva", "дождь", "المطر", "बारिश", "yağmur", "tiếng mưa",
     "hujan", "regen"),
    ("car horn", "汽车喇叭", "車のクラクション", "자동차 경적", "una bocina", "un klaxon", "eine Autohupe", "un clacson", "uma buzina", "автомобильный гудок",
     "بوق سيارة", "कार के हॉर्न", "korna", "tiếng còi xe", "klakson mobil", "een claxon"),
]

# (answer, label, kind); {o} is the English object.
ENGLISH = [
    # plain
    ("Yes", "yes", "plain"), ("No", "no", "plain"), ("Yes.", "yes", "plain"), ("No.", "no", "plain"), ("YES", "yes", "plain"),
    ("NO", "no", "plain"), ("Yes, there is a sound of {o} in the audio.", "yes", "plain"),
    ("No, there is no sound of {o} in the audio.", "no", "plain"), ("Yes, I can hear {o}.", "yes", "plain"),
    ("No, I cannot hear {o}.", "no", "plain"), ("yes", "yes", "plain"), ("no", "no", "plain"),
    ("The answer is yes.", "yes", "plain"), ("The answer is no.", "no", "plain"), ("My answer is no.", "no", "plain"),
    ("Yes, {o} can be heard at the start.", "yes", "plain"), ("No. The clip has no {o}.", "no", "plain"),
    # colloquial
    ("Yeah, definitely.", "yes", "colloquial"), ("Nah, none.", "no", "colloquial"), ("Nope, nothing like that.", "no", "colloquial"),
    ("Sure thing.", "yes", "colloquial"), ("Affirmative, it is there.", "yes", "colloquial"), ("Not in the slightest.", "no", "colloquial"),
    ("Yep!", "yes", "colloquial"), ("Yup, loud and clear.", "yes", "colloquial"), ("Nope.", "no", "colloquial"), ("Nah.", "no", "colloquial"),
    ("Definitely.", "yes", "colloquial"), ("Absolutely!", "yes", "colloquial"), ("Absolutely not.", "no", "colloquial"),
    ("Definitely not.", "no", "colloquial"), ("Of course.", "yes", "colloquial"), ("Of course not.", "no", "colloquial"),
    ("Not at all.", "no", "colloquial"), ("Certainly.", "yes", "colloquial"), ("Certainly not.", "no", "colloquial"),
    ("Indeed.", "yes", "colloquial"), ("Correct.", "yes", "colloquial"), ("Negative.", "no", "colloquial"), ("None at all.", "no", "colloquial"),
    ("Nothing of the sort.", "no", "colloquial"), ("You bet.", "yes", "colloquial"), ("No way.", "no", "colloquial"),
    ("For sure, it's there.", "yes", "colloquial"), ("Never heard it.", "no", "colloquial"),
    # hedges
    ("I believe it does.", "yes", "hedge"), ("Most probably not, no.", "no", "hedge"), ("I doubt it.", "no", "hedge"),
    ("It's likely.", "yes", "hedge"), ("Probably.", "yes", "hedge"), ("Probably not.", "no", "hedge"), ("I think so.", "yes", "hedge"),
    ("I don't think so.", "no", "hedge"), ("Unlikely.", "no", "hedge"), ("Most likely, yes.", "yes", "hedge"),
    ("It seems so.", "yes", "hedge"), ("I'm afraid not.", "no", "hedge"), ("Likely not.", "no", "hedge"), ("I'd say yes.", "yes", "hedge"),
    ("I'd say no.", "no", "hedge"), ("Looks like it.", "yes", "hedge"), ("Doubtful.", "no", "hedge"), ("I guess so.", "yes", "hedge"),
    ("Not that I can hear.", "no", "hedge"), ("Presumably, yes.", "yes", "hedge"),
    # descriptions
    ("A {o} can be heard in the background.", "yes", "description"), ("The recording contains only traffic noise.", "no", "description"),
    ("I can't hear any {o}.", "no", "description"), ("There's no trace of {o}.", "no", "description"),
    ("{O} is clearly audible throughout the clip.", "yes", "description"), ("The clip features {o} near the end.", "yes", "description"),
    ("There is no {o} here, only wind.", "no", "description"), ("Only birdsong and wind are present.", "no", "description"),
    ("I hear {o} faintly.", "yes", "description"), ("{O} is absent from this recording.", "no", "description"),
    ("The audio has {o} in it.", "yes", "description"), ("I do not detect any {o}.", "no", "description"),
    ("Nothing but silence.", "no", "description"), ("Just people talking, nothing else.", "no", "description"),
    ("{O} is present.", "yes", "description"), ("I can hear it clearly.", "yes", "description"), ("It is not present.", "no", "description"),
    ("I don't hear anything like that.", "no", "description"),
    # negation scope and idioms
    ("Without a doubt, {o} is there.", "yes", "negation"), ("I wasn't sure at first, but yes.", "yes", "negation"),
    ("Not just {o}: a horn too.", "yes", "negation"), ("No doubt about it.", "yes", "negation"), ("Yes, no doubt.", "yes", "negation"),
    ("No, not at all.", "no", "negation"), ("Yes. No other sounds though.", "yes", "negation"),
    ("No, only speech.", "no", "negation"), ("There isn't any {o}.", "no", "negation"), ("It is not absent.", "yes", "negation"),
    ("Not only {o}, but also music.", "yes", "negation"), ("I can't say it isn't there; yes, it is.", "yes", "negation"),
    # words that contain yes or no
    ("Noticeably", "unparsed", "contains_word"), ("Nowhere else", "unparsed", "contains_word"), ("Yesteryear", "unparsed", "contains_word"),
    ("Knockout", "unparsed", "contains_word"), ("Notably loud.", "unparsed", "contains_word"), ("Nonetheless, yes.", "yes", "contains_word"),
    ("Noise, yes.", "yes", "contains_word"), ("Nominally no.", "no", "contains_word"),
    # markup and quotes
    ("**No**", "no", "markup"), ("**Yes**", "yes", "markup"), ("~~No~~ Yes", "yes", "markup"), ("~~Yes~~ No", "no", "markup"),
    ('{{"present": false}}', "no", "markup"), ('{{"present": true}}', "yes", "markup"), ('{{"answer": "Yes"}}', "yes", "markup"),
    ("Answer: (B) No", "no", "markup"), ("Answer: Yes", "yes", "markup"), ("`yes`", "yes", "markup"), ('"No."', "no", "markup"),
    ("> Yes", "yes", "markup"), ("- No", "no", "markup"), ("### Answer\nNo", "no", "markup"), ("(A) Yes", "yes", "markup"),
    # numbers
    ("0 {o}s detected.", "no", "numbers"), ("1 (true)", "yes", "numbers"), ("0", "no", "numbers"), ("1", "yes", "numbers"),
    ("True", "yes", "numbers"), ("False", "no", "numbers"), ("Zero instances of {o}.", "no", "numbers"),
    # undecidable: stays unparsed
    ("Yes, and also no.", "unparsed", "contradiction"), ("Yes... or no? Can't tell.", "unparsed", "contradiction"),
    ("Yes and no.", "unparsed", "contradiction"), ("No. Yes.", "unparsed", "contradiction"),
    ("I can't process audio.", "unparsed", "refusal"), ("I'd need to hear it first.", "unparsed", "refusal"),
    ("As an AI, I cannot listen to audio files.", "unparsed", "refusal"), ("Please provide the audio.", "unparsed", "refusal"),
    ("I'm unable to access the audio.", "unparsed", "refusal"), ("Sorry, I cannot analyze audio content.", "unparsed", "refusal"),
    ("maybe", "unparsed", "no_decision"), ("Maybe.", "unparsed", "no_decision"), ("Hard to tell.", "unparsed", "no_decision"),
    ("I'm not sure.", "unparsed", "no_decision"), ("It's unclear.", "unparsed", "no_decision"), ("Perhaps.", "unparsed", "no_decision"),
    ("I don't know.", "unparsed", "no_decision"), ("Difficult to say.", "unparsed", "no_decision"),
    ("The clip is a calm piano piece.", "unparsed", "off_topic"), ("Someone is speaking Spanish.", "unparsed", "off_topic"),
    ("The audio is about four seconds long.", "unparsed", "off_topic"), ("", "unparsed", "empty"), ("   ", "unparsed", "empty"),
]

# Per language: answers with {o} in the language; label and kind "multilingual".
LANGUAGES = {
    "zh": [("有，能听到{o}。", "yes"), ("没有。", "no"), ("是的，有{o}。", "yes"), ("没有听到{o}。", "no"), ("有。", "yes"), ("听不到{o}。", "no"),
           ("能听到{o}。", "yes"), ("不，没有{o}的声音。", "no")],
    "ja": [("はい、{o}が聞こえます。", "yes"), ("いいえ。", "no"), ("「いいえ」", "no"), ("{o}は聞こえません。", "no"), ("はい。", "yes"),
           ("{o}があります。", "yes"), ("いいえ、{o}はありません。", "no"), ("{o}が聞こえる。", "yes")],
    "ko": [("네, {o}가 들립니다.", "yes"), ("아니요.", "no"), ("아니요, {o}는 없습니다.", "no"), ("네.", "yes"), ("{o}가 있습니다.", "yes"),
           ("{o}는 들리지 않습니다.", "no"), ("예, 있어요.", "yes"), ("없습니다.", "no")],
    "es": [("Sí, se oye {o}.", "yes"), ("No, no hay {o}.", "no"), ("Sí.", "yes"), ("No.", "no"), ("Claro que sí.", "yes"),
           ("No se escucha {o}.", "no"), ("Se escucha {o} claramente.", "yes"), ("Para nada.", "no")],
    "fr": [("Oui, on entend {o}.", "yes"), ("Non, il n'y a pas de {o}.", "no"), ("«Oui, bien sûr»", "yes"), ("Non.", "no"), ("Oui.", "yes"),
           ("Je n'entends pas {o}.", "no"), ("Bien sûr.", "yes"), ("Pas du tout.", "no")],
    "de": [("Ja, man hört {o}.", "yes"), ("Nein, kein {o} zu hören.", "no"), ("„Ja“", "yes"), ("Nein.", "no"), ("Ja.", "yes"),
           ("Ich höre {o} nicht.", "no"), ("Natürlich.", "yes"), ("Überhaupt nicht.", "no")],
    "it": [("Sì, si sente {o}.", "yes"), ("No, non c'è {o}.", "no"), ("Sì.", "yes"), ("No.", "no"), ("Certo.", "yes"),
           ("Non si sente {o}.", "no"), ("Si sente {o}.", "yes"), ("Per niente.", "no")],
    "pt": [("Sim, ouve-se {o}.", "yes"), ("Não, não há {o}.", "no"), ("Sim.", "yes"), ("Não.", "no"), ("Claro.", "yes"),
           ("Não ouço {o}.", "no"), ("Com certeza, sim.", "yes"), ("De jeito nenhum.", "no")],
    "ru": [("Да, слышен {o}.", "yes"), ("Нет.", "no"), ("Да.", "yes"), ("Нет, {o} не слышно.", "no"), ("Конечно.", "yes"),
           ("{o} не слышно.", "no"), ("Слышно {o}.", "yes"), ("Вовсе нет.", "no")],
    "ar": [("نعم، أسمع {o}.", "yes"), ("لا.", "no"), ("نعم.", "yes"), ("لا، لا يوجد {o}.", "no"), ("أجل.", "yes"), ("كلا.", "no"),
           ("لا أسمع {o}.", "no"), ("يوجد {o}.", "yes")],
    "hi": [("हाँ, {o} की आवाज़ सुनाई दे रही है।", "yes"), ("नहीं।", "no"), ("हाँ।", "yes"), ("नहीं, {o} नहीं है।", "no"),
           ("{o} की आवाज़ नहीं है।", "no"), ("जी हाँ।", "yes"), ("बिल्कुल।", "yes"), ("नहीं, कोई आवाज़ नहीं।", "no")],
    "tr": [("Evet, {o} duyuluyor.", "yes"), ("Hayır.", "no"), ("Evet.", "yes"), ("Hayır, {o} yok.", "no"), ("{o} var.", "yes"),
           ("{o} yok.", "no"), ("Kesinlikle.", "yes"), ("Hiç değil.", "no")],
    "vi": [("Có, tôi nghe thấy {o}.", "yes"), ("Không.", "no"), ("Có.", "yes"), ("Không, không có {o}.", "no"), ("Vâng.", "yes"),
           ("Tôi không nghe thấy {o}.", "no"), ("Đúng vậy.", "yes"), ("Không có.", "no")],
    "id": [("Ya, ada {o}.", "yes"), ("Tidak.", "no"), ("Ya.", "yes"), ("Tidak, tidak ada {o}.", "no"), ("Iya.", "yes"),
           ("Tidak terdengar {o}.", "no"), ("Terdengar {o}.", "yes"), ("Bukan.", "no")],
    "nl": [("Ja, ik hoor {o}.", "yes"), ("Nee.", "no"), ("Ja.", "yes"), ("Nee, geen {o}.", "no"), ("Jazeker.", "yes"),
           ("Ik hoor geen {o}.", "no"), ("Er is {o} te horen.", "yes"), ("Helemaal niet.", "no")],
}
LANGUAGE_INDEX = {code: index + 1 for index, code in enumerate(LANGUAGES)}


def main():
    cases = []
    for names in OBJECTS:
        english = names[0]
        for answer, label, kind in ENGLISH:
            text = answer.replace("{O}", english[0].upper() + english[1:]).replace("{o}", english)
            if "{{" in text:
                text = text.replace("{{", "{").replace("}}", "}")
            cases.append({"answer": text, "object": english, "label": label, "kind": kind, "language": "en"})
        for code, answers in LANGUAGES.items():
            local = names[LANGUAGE_INDEX[code]]
            for answer, label in answers:
                cases.append({"answer": answer.replace("{o}", local), "object": english, "label": label, "kind": "multilingual", "language": code})
    unique = []
    seen = set()
    for case in cases:
        key = (case["answer"], case["object"])
        if key not in seen:
            seen.add(key)
            unique.append(case)
    json.dump(unique, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    print(f"{len(unique)} answers", file=sys.stderr)


if __name__ == "__main__":
    main()
