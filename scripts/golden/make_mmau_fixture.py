#!/usr/bin/env python3
"""Golden cases for the `mmau` choice rule, labelled by the official MMAU string match.

The rule is re-implemented here as the official MMAU evaluation states it (lowercased word-token
sets; right iff the answer's tokens are all in the prediction and none of the other choices' own
tokens are). Run once; the output is committed:

    python3 scripts/golden/make_mmau_fixture.py > Tests/HarkScoringTests/Golden/mmau-cases.json
"""
import json
import random
import re


def tokens(text):
    return set(re.findall(r"\b\w+\b", text.lower()))


def official(answer, prediction, choices):
    predicted = tokens(prediction)
    answer_tokens = tokens(answer)
    if not predicted:
        return False
    wrong = set()
    for choice in choices:
        choice_tokens = tokens(choice)
        if choice_tokens != answer_tokens:
            wrong.update(choice_tokens - answer_tokens)
    return answer_tokens.issubset(predicted) and predicted.isdisjoint(wrong)


questions = [
    ("What animal is making the sound?", ["Dog", "Cat", "Cow", "Sheep"]),
    ("Which instrument plays the melody?", ["acoustic guitar", "electric guitar", "piano", "violin"]),
    ("How many times does the bell ring?", ["1", "2", "3", "4"]),
    ("What is the speaker's emotion?", ["happy", "sad", "angry", "neutral"]),
    ("Is the speaker male or female?", ["male", "female"]),
    ("What happens after the door closes?", ["a car starts", "a dog barks", "someone laughs", "music plays", "rain falls"]),
    ("What is the tempo?", ["slow", "fast"]),
    ("Which sound comes first?", ["Thunder", "Rain", "Wind", "Birds", "Traffic", "Speech", "Music", "Silence"]),
    ("What language is spoken?", ["English", "Español", "中文", "Français"]),
    ("Where was this recorded?", ["in a kitchen", "in a car", "in a forest", "in a train station"]),
]
templates = [
    "{c}", "{C}", "{c}.", "The correct answer is: \"{c}\"", "Answer: {c}", "I think it's {c}, not {o}.",
    "It could be {c} or {o}.", "(B) {c}", "B", "{q}", "{q} {c}", "", "   ", "None of the above.", "{c}!!! {c}",
    "**{c}**", "The answer is {o}.", "Definitely {c_upper}", "{c} — the {o_tok} is absent", "I hear {c_tok} clearly",
]
rng = random.Random(2025)
cases = []
while len(cases) < 360:
    question, choices = rng.choice(questions)
    answer = rng.choice(choices)
    other = rng.choice([c for c in choices if c != answer])
    template = rng.choice(templates)
    prediction = template.format(
        c=answer, C=answer.upper(), o=other, q=question, c_upper=answer.upper(),
        o_tok=(other.split() or [other])[-1], c_tok=(answer.split() or [answer])[-1])
    cases.append({"prediction": prediction, "choices": choices, "answer": answer, "correct": official(answer, prediction, choices)})
print(json.dumps(cases, ensure_ascii=False, indent=1))
