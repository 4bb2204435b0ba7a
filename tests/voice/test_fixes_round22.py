"""Grammar errors of fresh rounds 22 and 23's first score (issue 13), fixed
generally and shown on sentences other than the rounds'."""

from __future__ import annotations

from tests.voice.fixes_eval import results


def test_negated_passive_with_auxiliary_after_it_turns_whole():
    # «выявлено не было» → «не выявили»: «не» goes before the active verb and
    # «было» / «будет» goes away; never «выявили не было».
    for text, word, expected in (
        (
            "Замечаний к работе учреждения выявлено не было.",
            "выявлено",
            "Замечаний к работе учреждения не выявили.",
        ),
        (
            "Обращений граждан зарегистрировано не было.",
            "зарегистрировано",
            "Обращений граждан не зарегистрировали.",
        ),
        (
            "Нарушений установлено не будет.",
            "установлено",
            "Нарушений не установят.",
        ),
        (
            "Сотрудниками прокуратуры нарушений выявлено не было.",
            "выявлено",
            "Сотрудники прокуратуры нарушений не выявили.",
        ),
        (
            "Заявление рассмотрено не было, так как документы были неполными.",
            "рассмотрено",
            "Заявление не рассмотрели, так как документы были неполными.",
        ),
    ):
        found = results(text, word)
        assert found == [expected], (text, found)
        assert all("не было" not in f and "не будет" not in f for f in found)


def test_takes_place_is_not_will_be_for_an_action_before_a_quoted_name():
    # «Подведение итогов конкурса «…» состоится» → «пройдёт», never «будет»: a
    # quoted name does not hide the verbal noun that is the subject.
    for text in (
        "Открытие выставки «Мир детства» состоится 5 мая.",
        "Торжественное открытие нового корпуса «Доброе сердце» состоится в понедельник.",
        "Вручение премии «Благодарность» состоится в драматическом театре.",
        "Награждение победителей акции «Чистый двор» состоится в пятницу.",
    ):
        found = results(text, "состоится")
        assert found == [text.replace("состоится", "пройдёт")], (text, found)
    # Events keep «будет», also with a quoted name.
    for text in (
        "Концерт «Весна» состоится в пятницу.",
        "Форум «Серебряный возраст» состоится в областном центре.",
    ):
        found = results(text, "состоится")
        assert text.replace("состоится", "будет") in found, (text, found)


def test_a_person_s_name_changes_case_whole_in_the_first_name_s_gender():
    # «признана Анна Петрова» → «признали Анну Петрову», never «Анну Петрова»:
    # pymorphy reads «Петрова» after «Анна» as a man's surname in the genitive.
    for text, word, expected in (
        (
            "Победителем конкурса «Мама года» признана Светлана Медведева из Лесного.",
            "признана",
            "Победителем конкурса «Мама года» признали Светлану Медведеву из Лесного.",
        ),
        (
            "Победителем областного конкурса «Социальный работник года» признана "
            "Наталья Сорокина из Северного района.",
            "признана",
            "Победителем областного конкурса «Социальный работник года» признали "
            "Наталью Сорокину из Северного района.",
        ),
        (
            # «Евгения» is a man's name in the genitive, a woman's in the nominative.
            "Победителем конкурса «Мама года» признана Евгения Васильева из Лесного.",
            "признана",
            "Победителем конкурса «Мама года» признали Евгению Васильеву из Лесного.",
        ),
        (
            "Победителем конкурса «Педагог года» признан Алексей Петров "
            "из Заречного района.",
            "признан",
            "Победителем конкурса «Педагог года» признали Алексея Петрова "
            "из Заречного района.",
        ),
    ):
        found = results(text, word)
        assert found == [expected], (text, found)
    # No gender to tell from the first name («Саша»), or a name after a common
    # noun it stands in apposition to: no fix rather than a guess.
    for text in (
        "Победителем конкурса «Мама года» признана Саша Медведева из Лесного.",
        "Победителем конкурса признана специалист Анна Петрова из Лесного.",
    ):
        assert results(text, "признана") == [], text
