"""One-click fixes added for kinds the set's writers listed in «before 13» and
the fresh rounds and the engine did not offer (issue 13, third pass): each kind
on the set's sentences, on sentences of our own, and where it must not fire."""

from __future__ import annotations

import re

from tests.voice.fixes_eval import results
from voice.checker import check
from voice.checker.verify import _third_declension


def _flagged(text: str, fragment: str) -> bool:
    return any(text[f.start : f.end] == fragment for f in check(text).findings)


# «открыто 12 детских садов»: pymorphy3 reads «открыто», «закрыто» as an
# adverb or adjective first; before a number they are the passive participle.


def test_opened_before_a_number_is_a_passive():
    cases = {
        # set s26
        "В рамках реализации национального проекта «Демография» в Кузбассе "
        "открыто 12 детских садов.": "В рамках реализации национального проекта "
        "«Демография» в Кузбассе открыли 12 детских садов.",
        "В районе открыто пять новых пунктов проката.": (
            "В районе открыли пять новых пунктов проката."
        ),
        "За год в области закрыто 3 приюта.": "За год в области закрыли 3 приюта.",
        "Открыто 5 пунктов обогрева.": "Открыли 5 пунктов обогрева.",
    }
    for text, fixed in cases.items():
        assert fixed in results(text), text


def test_opened_without_a_count_of_things_stays_an_adverb():
    # How long something stays open, how many are taken, an adverb of manner:
    # no passive, no click.
    for text, word in (
        ("Окно было открыто 2 часа.", "открыто"),
        ("Голосование шло открыто 2 дня.", "открыто"),
        ("В лагере занято 50 мест.", "занято"),
        ("Министр открыто 2 раза говорил об этом.", "открыто"),
        ("Министр открыто говорил о проблемах.", "открыто"),
    ):
        assert not _flagged(text, word), text
        assert results(text, word) == [], text


# «по видеосвязи»: the dative of a feminine noun in «-ь» is its genitive's
# form, though the dictionary rates it too rare to read; the rule
# «в режиме видеосвязи» → «по видеосвязи» was never verified before.


def test_by_video_link():
    cases = {
        # set m24 and t33
        "Заседание комиссии состоится в режиме видеоконференцсвязи.": (
            "Заседание комиссии состоится по видеосвязи."
        ),
        "Жители отдалённых населённых пунктов могут получить консультацию "
        "юриста в режиме видеосвязи.": "Жители отдалённых населённых пунктов "
        "могут получить консультацию юриста по видеосвязи.",
        "Приём граждан министр провёл в режиме видеосвязи с районами.": (
            "Приём граждан министр провёл по видеосвязи с районами."
        ),
    }
    for text, fixed in cases.items():
        assert fixed in results(text), text


def test_third_declension_is_read_only_for_feminine_nouns_in_soft_sign():
    assert _third_declension("видеосвязи")
    assert _third_declension("области")
    assert not _third_declension("работы")  # «по работы» stays wrong
    assert not _third_declension("детей")
    assert not _third_declension("семьи")  # «семья»: the dative is «семье»


# Word rules: each a plain word for a bookish one, inflected in place.


def test_medicines_are_lekarstva():
    cases = {
        # set d31
        "Волонтёры доставили медикаменты пожилым людям.": (
            "Волонтёры доставили лекарства пожилым людям."
        ),
        "Аптека обеспечивает медикаментами жителей села.": (
            "Аптека обеспечивает лекарствами жителей села."
        ),
        "Собрано более 100 упаковок медикаментов.": (
            "Собрано более 100 упаковок лекарств."
        ),
    }
    for text, fixed in cases.items():
        assert fixed in results(text), text
    # «медикаментозное лечение» is another word: nothing to click.
    text = "Пациентам назначено медикаментозное лечение."
    assert not any("лекарств" in r for r in results(text))


def test_regardless_of():
    cases = {
        # set i30 and l40
        "Ежемесячная выплата лицам, осуществляющим уход за ребёнком-инвалидом, "
        "производится вне зависимости от доходов семьи.": "Ежемесячная выплата "
        "лицам, осуществляющим уход за ребёнком-инвалидом, производится "
        "независимо от доходов семьи.",
        "Путёвки выдаются вне зависимости от места жительства.": (
            "Путёвки выдаются независимо от места жительства."
        ),
    }
    for text, fixed in cases.items():
        assert fixed in results(text, "вне зависимости от"), text


def test_stationery_and_windows():
    cases = {
        # set e19
        "В ходе акции волонтёрами было собрано более 400 наборов канцелярских "
        "принадлежностей для детей.": "В ходе акции волонтёрами было собрано "
        "более 400 наборов канцтоваров для детей.",
        "Школьникам вручили канцелярские принадлежности.": (
            "Школьникам вручили канцтовары."
        ),
        # set c06
        "Средства направлены на замену оконных блоков в здании центра.": (
            "Средства направлены на замену окон в здании центра."
        ),
        "В доме-интернате заменили оконные блоки.": ("В доме-интернате заменили окна."),
    }
    for text, fixed in cases.items():
        assert fixed in results(text), text
    # A singular whose verb agrees with it: «Заменён окно» breaks agreement,
    # so the finding keeps only its hint.
    text = "Заменён оконный блок."
    assert not any("окно" in r for r in results(text))


def test_with_the_help_of():
    cases = {
        # set j08 and two others
        "При содействии службы занятости трудоустроено 40 человек.": (
            "С помощью службы занятости трудоустроено 40 человек."
        ),
        "Выпускники нашли работу при содействии центра занятости.": (
            "Выпускники нашли работу с помощью центра занятости."
        ),
    }
    for text, fixed in cases.items():
        assert fixed in results(text), text


def test_sanatoriums_and_teachers():
    cases = {
        # set c30, j37, o23
        "Обеспечение детей-инвалидов путёвками в санаторно-курортные учреждения "
        "осуществляется в порядке очерёдности.": "Обеспечение детей-инвалидов "
        "путёвками в санатории осуществляется в порядке очерёдности.",
        "Информация о порядке получения путёвок в санаторно-курортные организации "
        "размещена на сайте.": "Информация о порядке получения путёвок в санатории "
        "размещена на сайте.",
        "Ветеран отдохнул в санаторно-курортном учреждении.": (
            "Ветеран отдохнул в санатории."
        ),
        # set c36
        "Порядок выплаты компенсации педагогическим работникам сельской местности "
        "определён постановлением.": "Порядок выплаты компенсации педагогам "
        "сельской местности определён постановлением.",
        "Премии получили 40 педагогических работников.": (
            "Премии получили 40 педагогов."
        ),
    }
    for text, fixed in cases.items():
        assert fixed in results(text), text
    # The treatment is no institution: «санаторно-курортное лечение» stays.
    text = "Детям назначено санаторно-курортное лечение."
    assert not any("санатори" in r and "лечение" not in r for r in results(text))
    assert not _flagged(text, "санаторно-курортное лечение")


def test_heat_again_lost_by_hand_in_summer():
    cases = {
        # set aa35
        "В связи с ростом тарифов на тепловую энергию субсидия будет увеличена.": (
            "В связи с ростом тарифов на тепло субсидия будет увеличена."
        ),
        "Котельная не подаёт тепловую энергию.": "Котельная не подаёт тепло.",
        # set i37
        "Получателю необходимо повторно обратиться с заявлением.": (
            "Получателю необходимо снова обратиться с заявлением."
        ),
        "Заявление можно подать повторно.": "Заявление можно подать ещё раз.",
        # set e29, j38
        "Специалисты помогли в восстановлении утраченных документов.": (
            "Специалисты помогли в восстановлении потерянных документов."
        ),
        "Волонтёры помогли восстановить утраченные документы.": (
            "Волонтёры помогли восстановить потерянные документы."
        ),
        # set aa39
        "На ярмарке представлены поделки, изготовленные ими собственноручно.": (
            "На ярмарке представлены поделки, изготовленные ими своими руками."
        ),
        # set c19
        "Подросткам, желающим трудоустроиться в летний период, помогает центр "
        "занятости.": "Подросткам, желающим трудоустроиться летом, помогает центр "
        "занятости.",
        "В летний период работают 30 лагерей.": "Летом работают 30 лагерей.",
    }
    for text, fixed in cases.items():
        assert fixed in results(text), text
    # Other words of the same roots are left alone: «повторное обращение» (an
    # adjective), «утратил силу» (its own rule), «в период каникул».
    text = "Повторное обращение рассмотрят за 10 дней."
    assert not any("снов" in r or "ещё раз" in r for r in results(text))
    assert "Закон перестал действовать." in results("Закон утратил силу.")
    assert not any("потерян" in r for r in results("Закон утратил силу."))
    text = "В период летних каникул работают 30 лагерей."
    assert not any("Летом" in r for r in results(text))


def test_minor_children_accidents_private_houses():
    # «несовершеннолетние дети» → «дети» drops the age (round 28 ad09, rejected
    # blind): the phrase is a rule of its own that offers nothing, so the
    # shorter «несовершеннолетний» → «ребёнок» never makes «детей детей».
    for text in (
        "Опекунам несовершеннолетних детей производится выплата.",
        "В семьях воспитываются несовершеннолетние дети.",
        "Пособие назначено троим несовершеннолетним детям.",
    ):
        offered = results(text)
        assert not any("несовершеннолетн" not in r for r in offered), offered
    cases = {
        # set j27
        "В целях недопущения аварийных ситуаций котельные проверены.": (
            "В целях недопущения аварий котельные проверены."
        ),
        "Чтобы избежать аварийных ситуаций, котельные проверили.": (
            "Чтобы избежать аварий, котельные проверили."
        ),
        # set ab35
        "Средства можно направить на строительство индивидуального жилого дома.": (
            "Средства можно направить на строительство частного дома."
        ),
        "Семьи живут в индивидуальных жилых домах.": "Семьи живут в частных домах.",
    }
    for text, fixed in cases.items():
        assert fixed in results(text), text
    # Other phrases with the same words are not these: «индивидуальное
    # жилищное строительство» is a term of land law, «аварийная служба» a body.
    text = "Участок выделен для индивидуального жилищного строительства."
    assert not any("частн" in r for r in results(text))
    text = "Аварийная служба работает круглосуточно."
    assert not any("Авари" in r and "служба" not in r for r in results(text))
    assert not _flagged(text, "Аварийная служба")


def test_an_inanimate_plural_before_an_aside_becomes_the_object():
    # «Вопросы, поступившие …, будут рассмотрены» → «…, рассмотрят»: the
    # accusative of an inanimate plural, and of its participle, is the
    # nominative, so the words before the verb stay as they are.
    cases = {
        # set z09
        "Вопросы, поступившие в ходе прямой линии, будут рассмотрены в "
        "установленном порядке.": "Вопросы, поступившие в ходе прямой линии, "
        "рассмотрят в установленном порядке.",
        "Документы, поданные после срока, не рассматриваются.": (
            "Документы, поданные после срока, не рассматривают."
        ),
        "Заявления, которые поступили после 1 марта, будут рассмотрены в апреле.": (
            "Заявления, которые поступили после 1 марта, рассмотрят в апреле."
        ),
    }
    for text, fixed in cases.items():
        assert fixed in results(text), text
    # People («Граждан … лишают») and a singular («Информацию, поступившую …»)
    # would need the words before the verb rebuilt: no click.
    for text, verb in (
        (
            "Граждане, не прошедшие перерегистрацию, лишаются права на выплату.",
            "лишают",
        ),
        ("Информация, поступившая на горячую линию, будет рассмотрена.", "рассмотрят"),
        ("Дети, оставшиеся без попечения, будут направлены в семьи.", "направят"),
        (
            "Заявления, поступившие в марте, и жалобы, поступившие в апреле, "
            "будут рассмотрены.",
            "рассмотрят",
        ),
    ):
        assert not any(re.search(rf"\b{verb}\b", r) for r in results(text)), text
