"""The demo pieces. Together they use every block of the vocabulary, so the run command
shows every block on the site, in the editor and in each network's preview."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from .media import demo_animation, demo_image


def pieces() -> list[dict]:
    """Return the demo pieces as NewsPage field values (images created on first call)."""
    cover_payments = demo_image("Демо: выплаты", "blue", "Выплаты семьям")
    cover_centre = demo_image("Демо: центр реабилитации", "green", "Центр реабилитации")
    cover_live = demo_image("Демо: прямой эфир", "orange", "Прямой эфир")
    infographic = demo_image("Демо: инфографика", "violet", "Кому положена выплата")
    photos = [
        demo_image(f"Демо: фото {i}", palette, f"Фото {i}")
        for i, palette in enumerate(["teal", "green", "blue", "orange"], start=1)
    ]
    animation = demo_animation("Демо: как подать заявление")
    now = timezone.localtime()
    return [
        {
            "slug": "zimnie-vyplaty",
            "title": "Зимние выплаты семьям с детьми выросли",
            "lead": "С 1 декабря единое пособие на ребёнка в Кузбассе выросло на 8 %. "
            "Пересчёт сделаем сами — заявление писать не нужно.",
            "tags": ["соцзащита", "выплаты", "Кузбасс"],
            "cover": cover_payments,
            "date": now.date(),
            "body": [
                (
                    "text",
                    "<p>Новую сумму начислят автоматически: деньги придут вместе с "
                    "декабрьской выплатой. Если семья получает пособие впервые, "
                    'заявление можно подать на <a href="https://www.gosuslugi.ru">Госуслугах</a>.</p>'
                    "<h2>Кому положено</h2><ul><li>семьям с доходом ниже "
                    "прожиточного минимума;</li><li>беременным женщинам с 6 недель;</li>"
                    "<li>опекунам.</li></ul>",
                ),
                (
                    "infographic",
                    {
                        "image": infographic,
                        "title": "Кому положена выплата",
                        "text_alternative": "Семьям с доходом ниже прожиточного минимума "
                        "положено единое пособие: 12 400 рублей на каждого ребёнка до 17 лет. "
                        "Беременным — с 6 недель срока.",
                        "source": "Министерство социальной защиты населения Кузбасса",
                    },
                ),
                (
                    "photo",
                    {
                        "image": photos[0],
                        "caption": "Консультации идут во всех управлениях соцзащиты",
                        "alt": "Специалист соцзащиты консультирует маму с ребёнком",
                        "credit": "Пресс-служба министерства",
                    },
                ),
                (
                    "quote",
                    {
                        "text": "Мы хотим, чтобы помощь приходила к людям сама, без очередей и справок.",
                        "author": "Елена Воронина",
                        "role": "министр социальной защиты населения Кузбасса",
                    },
                ),
                (
                    "poll",
                    {
                        "question": "Как вам удобнее подавать заявления?",
                        "options": ["На Госуслугах", "В МФЦ", "В управлении соцзащиты"],
                        "multiple": False,
                        "anonymous": True,
                        "closes_at": now + dt.timedelta(days=14),
                    },
                ),
            ],
        },
        {
            "slug": "centr-reabilitacii",
            "title": "В Новокузнецке открылся центр реабилитации",
            "lead": "Новый центр принимает детей и взрослых после травм и операций. "
            "Занятия бесплатные, записаться можно по телефону или онлайн.",
            "tags": ["реабилитация", "Новокузнецк"],
            "cover": cover_centre,
            "date": now.date() - dt.timedelta(days=1),
            "body": [
                (
                    "text",
                    "<p>В центре работают <b>бассейн</b>, зал лечебной физкультуры и "
                    "кабинет эрготерапии. За год здесь смогут пройти курс 1 500 человек.</p>",
                ),
                (
                    "gallery",
                    {
                        "title": "Как выглядит центр",
                        "photos": [
                            {
                                "image": image,
                                "caption": caption,
                                "alt": alt,
                                "credit": "Пресс-служба министерства",
                            }
                            for image, caption, alt in [
                                (
                                    photos[1],
                                    "Бассейн",
                                    "Неглубокий бассейн с поручнями",
                                ),
                                (
                                    photos[2],
                                    "Зал ЛФК",
                                    "Зал с тренажёрами и шведской стенкой",
                                ),
                                (photos[3], "Холл", "Светлый холл с пандусом"),
                            ]
                        ],
                    },
                ),
                (
                    "cards",
                    {
                        "title": "Как записаться",
                        "cards": [
                            {
                                "title": "Позвоните",
                                "text": "8 (3843) 00-00-00, будни с 9 до 18.",
                                "image": None,
                            },
                            {
                                "title": "Или онлайн",
                                "text": "Заявка на сайте центра, ответ за день.",
                                "image": None,
                            },
                            {
                                "title": "Возьмите документы",
                                "text": "Паспорт, полис и выписку врача.",
                                "image": None,
                            },
                        ],
                    },
                ),
                (
                    "video",
                    {
                        "url": "https://rutube.ru/video/0123456789abcdef0123456789abcdef/",
                        "title": "Экскурсия по центру",
                        "description": "Две минуты о том, как устроены занятия.",
                        "cover": photos[1],
                    },
                ),
            ],
        },
        {
            "slug": "pryamoj-efir-ministr",
            "title": "Министр ответит на вопросы в прямом эфире",
            "lead": "В четверг в 11:00 министр расскажет о зимних выплатах и ответит на вопросы. "
            "Задать свой можно уже сейчас в комментариях.",
            "tags": ["прямойэфир", "соцзащита"],
            "cover": cover_live,
            "date": now.date() - dt.timedelta(days=2),
            "body": [
                (
                    "live",
                    {
                        "url": "https://vk.com/video-1_456239017",
                        "start": (now + dt.timedelta(days=3)).replace(
                            hour=11, minute=0, second=0, microsecond=0
                        ),
                        "title": "Прямая линия с министром",
                        "description": "Выплаты, льготы на проезд, помощь участникам СВО и их семьям.",
                    },
                ),
                (
                    "animation",
                    {"file": animation, "caption": "Как подать заявление за минуту"},
                ),
                (
                    "contest",
                    {
                        "title": "Фотоконкурс «Моя семья»",
                        "terms": "Пришлите семейное фото и пару слов о нём. Одно фото от семьи.",
                        "start": now.date(),
                        "end": now.date() + dt.timedelta(days=20),
                        "how_to_enter": "Отправьте фото в сообщения сообщества министерства.",
                        "prize": "Семейная поездка в Шерегеш",
                        "link": "https://example.org/konkurs",
                    },
                ),
            ],
        },
        {
            # Written in press-release style on purpose: the style checker has something to show.
            "slug": "v-celyah-obespecheniya",
            "title": "О проведении мероприятий по социальной поддержке",
            "lead": "В целях обеспечения реализации мероприятий по социальной поддержке "
            "граждан министерством осуществляется работа по предоставлению мер поддержки.",
            "tags": ["соцзащита"],
            "cover": None,
            "date": now.date() - dt.timedelta(days=3),
            "body": [
                (
                    "text",
                    "<p>В рамках реализации данного направления проведена работа по "
                    "информированию граждан. Осуществление выплат производится в "
                    "установленном порядке в соответствии с действующим законодательством.</p>",
                ),
            ],
        },
    ]
