"""False-positive scan of the obscene detector over the whole pymorphy3 dictionary.

    .venv/bin/python bench/moderation/scan_dictionary.py

Prints the lemmas of every dictionary form the detector calls мат; the list
should contain only real мат (review it by eye after changing the word lists).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from moderation.classifier import lexicon, obscene


def main() -> None:
    start = time.perf_counter()
    morph = lexicon.analyzer()
    forms = flagged = 0
    lemmas: set[str] = set()
    for word, _data in morph.dictionary.words.items():
        forms += 1
        form = word.replace("ё", "е")
        if obscene.match_form(form):
            flagged += 1
            lemmas.add(morph.parse(word)[0].normal_form)
    print(
        json.dumps(
            {
                "forms": forms,
                "flagged_forms": flagged,
                "flagged_lemmas": sorted(lemmas),
                "seconds": round(time.perf_counter() - start, 1),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
