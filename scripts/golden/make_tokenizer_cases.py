#!/usr/bin/env python3
"""Golden vectors for hark's ports of NLTK's Punkt sentence splitter (English `punkt_tab`) and
`word_tokenize`, which IFEval's sentence count and capital-word count rely on.

    NLTK_DATA=/tmp/nltk_data /tmp/ifeval/bin/python scripts/golden/make_tokenizer_cases.py \
        > Tests/HarkScoringTests/Golden/tokenizer-cases.json

(set-up as in make_ifeval_cases.py)
"""
import json
import random

import nltk

rng = random.Random(7)
tokenizer = nltk.data.load("nltk:tokenizers/punkt/english.pickle")

fixed = [
    "", " ", "One.", "One. Two.", "Mr. Smith went to Washington. He arrived at 3 p.m. today.",
    "Hello Mr. Smith. How are you? I am fine... Really.", "Wait... what? No!", "The U.S. is large. It has many states.",
    "He said \"Stop.\" Then he left.", "(This is one.) This is two.", "Version 2.0 is out. Get it now.",
    "e.g. this is one sentence. i.e. another.", "Dr. Who is here. Prof. X too.", "No period at the end",
    "Line one\nLine two.\n\nLine three!", "A. B. C.", "J. S. Bach wrote music. Mozart too.", "Is it 5.5? Yes it is.",
    "Oh!!! Really??? Yes.", "See www.example.com. It works.", "* Item one.\n* Item two.\n* Item three.",
    "1. First.\n2. Second.\n3. Third.", "It costs $3.50. Cheap.", "Ellipsis at end...", "“Quoted.” Next one.",
    "Sentence one.Sentence two.", "The end. ", "etc. etc. and so on.", "It was 10 a.m. The sun rose.",
    "I like the No. 1 spot. It is good.", "Don't STOP me now, I'm HAVING a good time!", "NASA's rover (Curiosity) landed.",
    "They said, 'no'. We left -- quickly.", "Cost: $5.00/hr; time: 10:30am.", "\"Yes,\" she said. \"No!\"",
    "Hyphen-ated words and e-mail@example.com addresses.", "She asked: why? I don't know...", "It's 5 o'clock. Time's up.",
    "The film was released in Jan. 2020. It won.", "Use Ph.D. programs. They are long.", "Item #3 is [done]. {Yes}.",
    "café. Naïve? Über! 中文。日本語です。", "I.B.M. is big. So is G.E. They compete.", "word.\nWord.\n\nword.",
    "a.m. p.m. etc.", "He went to St. Louis. Then St. Paul.", "“Hi!” — she said. ‘Ok.’", "(a) first; (b) second.",
    "Look at Fig. 3. It shows data.", "Number 1. Number 2. Number 3.", "U.S.A. U.K. E.U.", "...", "?!", "!!!",
]
words = ("the a dog barks Mr. Dr. St. loudly while rain falls on roof and car horn honks twice near U.S. "
         "music plays softly in kitchen e.g. i.e. etc. 3.5 No. NASA OK I'm don't \"quoted\" (paren) [b] it's "
         "Jan. Feb. p.m. a.m. vs. Inc. Ltd. J. K. 10 1,000 $5 50% -- ... ; : , ' ’ “ ” é ß").split()


def sentence():
    text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 14)))
    if rng.random() < 0.7:
        text = text[:1].upper() + text[1:]
    return text + rng.choice([".", ".", "!", "?", "...", "", ".\"", ".)", "?”"])


texts = fixed + [rng.choice([" ", " ", "  ", "\n", "\n\n"]).join(sentence() for _ in range(rng.randint(1, 6))) for _ in range(600)]
cases = [{"text": t, "sentences": tokenizer.tokenize(t), "words": nltk.word_tokenize(t)} for t in texts]
print(json.dumps(cases, ensure_ascii=False, indent=0))
