"""Hand-built Pieces that stress the render: the render tests and the render bench use them.

Every sentence is unique (it carries its number), so a test can check that each one
reaches the reader: in a post, a follow-up, or behind the link with a warning.
"""

from __future__ import annotations

from datetime import date, datetime

from syndication import content as c
from syndication.render.block_lines import LOCAL_TZ

URL = "https://vestnik.example.ru/news/vyplaty-semyam/"
SITE = "https://vestnik.example.ru"

_WORDS = (
    "Министерство социальной защиты Кузбасса продлевает приём заявлений на "
    "ежемесячную выплату семьям с детьми, и специалисты помогут заполнить анкету"
)


def sentence(number: int, emoji: bool = False) -> str:
    mark = " 👨‍👩‍👧" if emoji and number % 3 == 0 else ""
    return f"Сообщение {number}: {_WORDS}{mark}."


def paragraph(first: int, count: int, emoji: bool = False) -> c.Paragraph:
    text = " ".join(sentence(n, emoji) for n in range(first, first + count))
    return c.Paragraph((c.Run(text),), block_id=f"p{first}")


def photo(number: int, caption: bool = True) -> c.Photo:
    return c.Photo(
        f"{SITE}/media/images/photo-{number}.max-1600x1600.jpg",
        alt=f"Снимок {number}: зал центра реабилитации",
        caption=f"Подпись к снимку {number}." if caption else "",
        credit="Пресс-служба" if number % 2 else "",
        block_id=f"photo{number}",
    )


def base_piece(blocks, **kwargs) -> c.Piece:
    values = {
        "title": "Выплаты семьям с детьми продлены",
        "lead": "Приём заявлений продлён до 31 декабря. Подать заявление можно онлайн.",
        "url": URL,
        "hashtags": c.hashtags_from_tags(["соцзащита", "семьи с детьми", "Кузбасс"]),
        "tags": ("соцзащита", "семьи с детьми", "Кузбасс"),
        "blocks": tuple(blocks),
    }
    values.update(kwargs)
    return c.Piece(**values)


def long_text_piece(target_chars: int = 6000, emoji: bool = False) -> c.Piece:
    blocks, number = [], 1
    while sum(len(b.text) for b in blocks) < target_chars:
        blocks.append(paragraph(number, 4, emoji))
        number += 4
    return base_piece(blocks)


def photos_piece(count: int = 14) -> c.Piece:
    gallery = c.Gallery(
        tuple(photo(n) for n in range(1, count + 1)), "Открытие центра", "gallery"
    )
    return base_piece([paragraph(1, 2), gallery])


def poll(options: int = 12, **kwargs) -> c.Poll:
    values = {
        "question": "Как вам удобнее подавать заявления?",
        "options": tuple(f"Вариант {n}" for n in range(1, options + 1)),
        "block_id": f"poll{options}",
    }
    values.update(kwargs)
    return c.Poll(**values)


def nested_list() -> c.ListBlock:
    inner = c.ListBlock(
        (
            c.ListItem((c.Run("паспорт"),)),
            c.ListItem((c.Run("СНИЛС "), c.Run("всех членов семьи", bold=True))),
        ),
        block_id="list",
    )
    return c.ListBlock(
        (
            c.ListItem(
                (
                    c.Run("Заявление на "),
                    c.Run("Госуслугах", href="https://www.gosuslugi.ru/"),
                ),
            ),
            c.ListItem((c.Run("Документы:"),), children=(inner,)),
            c.ListItem((c.Run("Ответ за 10 дней"),)),
        ),
        ordered=True,
        block_id="list",
    )


def every_block_piece() -> c.Piece:
    """One item of every type in the vocabulary, with entities and emoji in text."""
    text = c.Paragraph(
        (
            c.Run("Условия & сроки <важно> — "),
            c.Run("на сайте", href="/news/usloviya/"),
            c.Run(" и "),
            c.Run("в МФЦ", italic=True),
            c.Run(". Вопросы? Звоните 😀."),
        ),
        block_id="text",
    )
    return base_piece(
        [
            text,
            c.Heading((c.Run("Кто может подать"),), 2, "text"),
            nested_list(),
            photo(1),
            c.Gallery((photo(2), photo(3, caption=False)), "Как это было", "gallery"),
            c.Infographic(
                photo(4, caption=False),
                "Размер выплаты",
                "12 400 рублей на ребёнка.\nВыплата ежемесячная.",
                "Минсоцзащиты Кузбасса",
                "info",
            ),
            c.Cards(
                (
                    c.Card("Заявление", "Подайте онлайн.", photo(5, caption=False)),
                    c.Card("Решение", "Придёт за 10 дней."),
                ),
                "Как получить",
                "cards",
            ),
            c.Animation(
                f"{SITE}/documents/7/how-to.gif", "Как подать за минуту.", False, "gif"
            ),
            c.Video(
                "Министр отвечает",
                file_url=f"{SITE}/documents/8/m.mp4",
                block_id="vfile",
            ),
            c.Video(
                "Прямая линия",
                url="https://rutube.ru/video/abc/",
                description="Запись эфира.",
                block_id="vlink",
            ),
            c.Live(
                "https://vk.com/video-1_2",
                datetime(2026, 12, 1, 11, 0, tzinfo=LOCAL_TZ),
                "Эфир с министром",
                "Ответы на вопросы.",
                "live",
            ),
            poll(3, multiple=True, anonymous=False),
            c.Contest(
                "Моя семья",
                "Пришлите семейное фото.",
                date(2026, 12, 1),
                date(2026, 12, 20),
                "Отправьте фото в сообщения сообщества.",
                "Поездка в Шерегеш",
                "https://vestnik.example.ru/konkurs/",
                "contest",
            ),
            c.Quote(
                "Помощь должна приходить сама.", "Елена Воронина", "министр", "quote"
            ),
        ]
    )


def thirty_block_piece() -> c.Piece:
    """The benchmark piece: 30 blocks of a realistic mix, about 9 000 characters."""
    every = list(every_block_piece().blocks)
    blocks = []
    number = 1
    while len(blocks) < 30:
        blocks.append(paragraph(number, 3, emoji=True))
        number += 3
        if every and len(blocks) < 30:
            blocks.append(every.pop(0))
    return base_piece(blocks)
