"""Classifier throughput on 10,000 short comments in one process.

    .venv/bin/python bench/moderation/bench_classifier.py [--count 10000] [--seed 5]

Comments are generated from fragments (greetings, topics, complaints, endings,
with numbers, names and a share of мат, insults, links and phones), so almost
every text is distinct and the caches do not see the same sentence twice.
The word lists and pymorphy3 dictionaries are loaded before the clock starts
(reported separately), as in a long-running worker. Wall-clock and CPU-time rates
are both printed: on a shared machine the wall clock also counts other processes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from moderation.classifier import Classifier

OPENINGS = ["", "Здравствуйте!", "Добрый день.", "Подскажите,", "Ну вот опять.", "Спасибо,",
            "Уважаемое министерство,", "Люди,", "Вопрос:", "Скажите честно,"]  # fmt: skip
TOPICS = ["выплата на ребёнка", "пособие по уходу", "субсидия на ЖКУ", "путёвка в лагерь",
          "соцкарта", "ЕДВ ветеранам", "компенсация за газ", "запись в МФЦ", "пандус у подъезда",
          "соцработник для мамы", "справка о доходах", "очередь на жильё", "доплата к пенсии",
          "льготный рецепт", "такси для инвалидов", "набор для новорождённых"]  # fmt: skip
COMMENTS = ["когда придёт {n} числа?", "не пришла уже {n} месяца", "оформили за {n} дней, спасибо",
            "в {town} так и не сделали", "сколько можно ждать, уже {n} недель",
            "почему отказали без объяснений?", "работает отлично", "надо ехать в {town}?",
            "документы подала {n} марта", "звонила {n} раз, никто не отвечает"]  # fmt: skip
EXTRAS = ["", "", "", "", " Пиздец просто.", " Вы там охуели?", " Бл*, сколько можно.",
          " Дебилы в управлении.", " Пишите в лс, помогу за {n}0 рублей.",
          " Подробности тут bit.ly/x{n}", " Звоните 8 913 {n}{n}-1{n}-2{n}",
          " Подайте через gosuslugi.ru", " Хрен дождёшься.", " 🔥🔥🔥🔥🔥🔥",
          " Не психуйте, всё будет.", " Страховка тоже подорожала."]  # fmt: skip
TOWNS = [
    "Кемерово",
    "Новокузнецк",
    "Прокопьевск",
    "Белово",
    "Юрга",
    "Таштагол",
    "Мыски",
]


def make_comments(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    comments = []
    for _ in range(count):
        n = rng.randint(1, 30)
        text = " ".join(
            part
            for part in (
                rng.choice(OPENINGS),
                rng.choice(TOPICS).capitalize() + ",",
                rng.choice(COMMENTS).format(n=n, town=rng.choice(TOWNS)),
            )
            if part
        )
        comments.append(text + rng.choice(EXTRAS).format(n=n))
    return comments


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    comments = make_comments(args.count, args.seed)
    load_start = time.perf_counter()
    classifier = Classifier()
    classifier.classify("прогрев: загрузка словарей и списков")
    load_seconds = time.perf_counter() - load_start

    start, cpu_start = time.perf_counter(), time.process_time()
    labels: dict[str, int] = {}
    for text in comments:
        label = classifier.classify(text).label
        labels[label] = labels.get(label, 0) + 1
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start

    print(
        json.dumps(
            {
                "comments": len(comments),
                "distinct": len(set(comments)),
                "mean_chars": round(sum(map(len, comments)) / len(comments), 1),
                "load_seconds": round(load_seconds, 3),
                "seconds": round(seconds, 3),
                "comments_per_second": round(len(comments) / seconds),
                # CPU time of this process: the rate on an otherwise idle core.
                "cpu_seconds": round(cpu_seconds, 3),
                "comments_per_cpu_second": round(len(comments) / cpu_seconds),
                "load_average_1min": os.getloadavg()[0],
                "labels": labels,
                "python": platform.python_version(),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
