from sujet.stories.keys import light_keys, name_key, skeleton, transliterate


def test_names_match_across_scripts_and_cases():
    assert name_key("Мазура") == name_key("Masur") == name_key("Мазуром")
    assert name_key("Масляк") == name_key("Masljak")
    assert name_key("Пархомчик") == name_key("Parchomtschik")
    assert name_key("Лукашенко") == name_key("Lukaschenko")
    assert name_key("Владимир") == name_key("Wladimir")
    assert name_key("Мазур") != name_key("Масляк")


def test_transliteration_and_skeleton():
    assert transliterate("Щёлково") == "shchelkovo"
    assert skeleton("Müller") == skeleton("Muller")


def test_light_keys_collect_names_numbers_and_years():
    k = light_keys(
        "Мазур: ключевыми в кооперации с Беларусью станут высокие технологии",
        "ТОМСК, 30 авг – РИА Томск. Губернатор Владимир Мазур и министр Сергей Масляк "
        "обсудили 1 500 проектов на 2,5 млрд рублей в 2024 году.",
    )
    assert {"masur", "masli", "tomsk", "belar"} <= set(k.names)
    assert "1500" in k.numbers and "2.5" in k.numbers
    assert k.years == frozenset({"2024"})
    assert "губернатор" not in {s.lower() for s in k.surfaces.values()}
    assert k.surfaces["masli"] == "Масляк"
