"""One precedence for the article's date: the record's own date, dateline, page header, text."""

from __future__ import annotations

import pytest

from sujet.extract.document import extract_document
from sujet.extract.pubdate import SOURCE_RANK, DateClaim, Rank, decide_date, record_claim

RU_BODY = (
    "Губернатор Томской области подписал соглашение о сотрудничестве с Республикой Беларусь. "
    "Соглашение рассчитано до 30 июня 2020 года. Стороны договорились о поставках техники, "
    "обмене делегациями и совместных проектах в машиностроении и сельском хозяйстве."
)
DE_BODY = (
    "Die Delegationen aus Minsk und Tomsk haben einen Vertrag über die Zusammenarbeit in der "
    "Landwirtschaft unterzeichnet. Er gilt bis zum 30. Juni 2020. Beide Seiten vereinbarten den "
    "Austausch von Fachleuten und gemeinsame Projekte im Maschinenbau."
)


def _claims(*pairs: tuple[str, str]) -> list[DateClaim]:
    return [DateClaim(date, source) for date, source in pairs]


def _html(head: str = "", body: str = DE_BODY, title: str = "Minsk und Tomsk vereinbaren Zusammenarbeit") -> str:
    paras = "".join(f"<p>{body}</p>" for _ in range(2)) if body == DE_BODY else f"<p>{body}</p>"
    return (
        f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>{title}</title>{head}"
        f"</head><body><main><article><h1>{title}</h1>{paras}"
        "<p>Weitere Gespräche sind für den Herbst geplant, teilte das Ministerium mit.</p>"
        "</article></main></body></html>"
    )


# -- the rule ------------------------------------------------------------------------------


def test_every_source_has_a_rank_and_the_ranks_are_in_the_documented_order() -> None:
    assert {SOURCE_RANK[s] for s in ("feed", "record", "jsonld", "meta", "time", "byline")} == {
        Rank.RECORD
    }
    assert SOURCE_RANK["dateline"] is Rank.DATELINE
    assert {SOURCE_RANK[s] for s in ("page", "header", "htmldate")} == {Rank.PAGE}
    assert SOURCE_RANK["text"] is Rank.TEXT
    assert Rank.RECORD < Rank.DATELINE < Rank.PAGE < Rank.TEXT


def test_best_ranked_claim_wins_whatever_the_order_given() -> None:
    claims = _claims(("2020-06-30", "text"), ("2020-06-01", "page"), ("2020-05-30", "dateline"),
                     ("2020-05-29", "record"))
    assert decide_date(claims) == DateClaim("2020-05-29", "record")
    assert decide_date(claims[:3]) == DateClaim("2020-05-30", "dateline")
    assert decide_date(claims[:2]) == DateClaim("2020-06-01", "page")
    assert decide_date(claims[:1]) == DateClaim("2020-06-30", "text")
    assert decide_date([]) is None


def test_within_a_rank_the_first_claim_given_wins() -> None:
    claims = _claims(("2020-05-29", "feed"), ("2020-05-28", "jsonld"))
    assert decide_date(claims) == DateClaim("2020-05-29", "feed")


def test_a_coarse_date_is_refined_only_by_a_date_inside_it() -> None:
    assert decide_date(_claims(("2020-05", "record"), ("2020-05-12", "text"))) == DateClaim(
        "2020-05-12", "text")
    assert decide_date(_claims(("2020", "header"), ("2020-05", "text"))) == DateClaim(
        "2020-05", "text")
    # later (or earlier) than the coarse date: ignored
    assert decide_date(_claims(("2020-05", "record"), ("2020-06-30", "text"))) == DateClaim(
        "2020-05", "record")
    assert decide_date(_claims(("2020", "record"), ("2021-01-10", "text"))) == DateClaim(
        "2020", "record")


def test_the_first_text_date_inside_a_coarse_date_refines_it() -> None:
    claims = _claims(("2020-05", "record"), ("2019-05-03", "text"), ("2020-05-12", "text"))
    assert decide_date(claims) == DateClaim("2020-05-12", "text")


def test_a_text_date_never_refines_another_text_date() -> None:
    claims = _claims(("2024-07", "text"), ("2024-07-09", "text"))
    assert decide_date(claims) == DateClaim("2024-07", "text")


def test_a_day_is_never_replaced() -> None:
    claims = _claims(("2020-05-29", "record"), ("2020-05-29", "dateline"), ("2020-05", "header"))
    assert decide_date(claims) == DateClaim("2020-05-29", "record")


def test_claims_know_their_precision_and_refuse_what_is_not_a_date() -> None:
    assert [DateClaim(d, "text").precision for d in ("2020", "2020-05", "2020-05-29")] == [
        "year", "month", "day"]
    with pytest.raises(ValueError):
        DateClaim("2020/05", "text")
    with pytest.raises(ValueError):
        DateClaim("2020-05-29", "rumour")


@pytest.mark.parametrize(("value", "expected"), [
    ("2020-05-29", "2020-05-29"),
    ("2020-05-29T23:30:00+03:00", "2020-05-29"),  # the publisher's day, not the UTC one
    ("2020-05-29T23:30:00Z", "2020-05-29"),
    ("20200529", "2020-05-29"),
    ("29.05.2020", "2020-05-29"),
    ("Fri, 29 May 2020 23:30:00 +0300", "2020-05-29"),
    ("2020-05", "2020-05"),
    ("2020", "2020"),
    (" 2020-05-29 ", "2020-05-29"),
])
def test_record_dates_as_written(value: str, expected: str) -> None:
    assert record_claim(value, "record") == DateClaim(expected, "record")


@pytest.mark.parametrize("value", [None, "", "yesterday", "2020-13", "31.02.2020", "2020-W22",
                                   "0001-01-01"])
def test_record_dates_that_are_no_date(value: str | None) -> None:
    assert record_claim(value, "record") is None


# -- each source through the extraction ------------------------------------------------------


def test_record_date_beats_a_later_date_in_the_body() -> None:
    out = extract_document(RU_BODY, kind="text", record_date=DateClaim("2020-05-29", "record"))
    assert (out.date, out.date_precision, out.date_source) == ("2020-05-29", "day", "record")


def test_without_a_record_date_the_body_date_fills_in() -> None:
    out = extract_document(RU_BODY, kind="text")
    assert (out.date, out.date_precision, out.date_source) == ("2020-06-30", "day", "text")


def test_coarse_record_date_refined_by_a_text_date_inside_it() -> None:
    out = extract_document(RU_BODY, kind="text", record_date=DateClaim("2020-06", "record"))
    assert (out.date, out.date_precision, out.date_source) == ("2020-06-30", "day", "text")
    out = extract_document(RU_BODY, kind="text", record_date=DateClaim("2020", "record"))
    assert (out.date, out.date_precision, out.date_source) == ("2020-06-30", "day", "text")


def test_text_date_after_a_coarse_record_date_is_ignored() -> None:
    out = extract_document(RU_BODY, kind="text", record_date=DateClaim("2020-05", "record"))
    assert (out.date, out.date_precision, out.date_source) == ("2020-05", "month", "record")


def test_dateline_beats_a_body_date() -> None:
    out = extract_document(f"MINSK, 29. Mai 2020 (BelTA) - {DE_BODY}", kind="text")
    assert (out.date, out.date_precision, out.date_source) == ("2020-05-29", "day", "dateline")
    assert (out.dateline, out.agency) == ("Minsk", "BelTA")
    text = f"ТОМСК, 29 мая – РИА Томск. {RU_BODY.replace('до 30 июня', 'после 12 марта')}"
    out = extract_document(text, kind="text")
    assert (out.date, out.date_precision, out.date_source) == ("2020-05-29", "day", "dateline")
    assert (out.dateline, out.agency) == ("Томск", "РИА Томск")


def test_dateline_takes_its_year_from_a_coarse_record_date() -> None:
    text = "MINSK, 30. August (BelTA) - " + DE_BODY.replace("2020", "2019")
    out = extract_document(text, kind="text", record_date=DateClaim("2024", "record"))
    assert (out.date, out.date_precision, out.date_source) == ("2024-08-30", "day", "dateline")


def test_record_date_beats_the_dateline() -> None:
    text = f"ТОМСК, 30 мая – РИА Томск. {RU_BODY}"
    out = extract_document(text, kind="text", record_date=DateClaim("2020-05-29", "feed"))
    assert (out.date, out.date_source, out.dateline) == ("2020-05-29", "feed", "Томск")


def test_dateline_year_is_the_one_nearest_a_page_date() -> None:
    text = f"MINSK, 30. Dezember (BelTA) - {DE_BODY}"
    out = extract_document(text, kind="text", record_date=DateClaim("2021-01", "record"))
    # the dateline is resolved to 2020-12-30, outside the record's month: the month stays
    assert (out.date, out.date_source) == ("2021-01", "record")
    out = extract_document(text, kind="text", record_date=DateClaim("2020", "record"))
    assert (out.date, out.date_source) == ("2020-12-30", "dateline")


def test_page_header_beats_a_body_date_outside_it_and_is_refined_inside_it() -> None:
    page = f"Новости региона\nМай 2020\n\nТомская область и Беларусь\n\n{RU_BODY}"
    out = extract_document(page, kind="text")
    assert (out.date, out.date_precision, out.date_source) == ("2020-05", "month", "header")
    page = page.replace("Май 2020", "Июнь 2020")
    out = extract_document(page, kind="text")
    assert (out.date, out.date_precision, out.date_source) == ("2020-06-30", "day", "text")


def test_date_line_of_a_text_dump_beats_a_body_date() -> None:
    page = f"Томская область и Беларусь\n\nОпубликовано: 29.05.2020\n\n{RU_BODY}"
    out = extract_document(page, kind="text")
    assert (out.date, out.date_precision, out.date_source) == ("2020-05-29", "day", "page")


def test_html_meta_beats_a_body_date() -> None:
    head = '<meta property="article:published_time" content="2020-05-29T10:00:00+03:00">'
    out = extract_document(_html(head), kind="html")
    assert (out.date, out.date_precision, out.date_source) == ("2020-05-29", "day", "meta")
    # without its metadata, the page is dated by htmldate's search, here the body's date
    out = extract_document(_html(), kind="html")
    assert (out.date, out.date_source) == ("2020-06-30", "htmldate")


def test_html_json_ld_and_marked_time_beat_the_dateline() -> None:
    body = f"MINSK, 30. Mai (BelTA) - {DE_BODY}"
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2020-05-29T10:00:00+03:00"}</script>')
    out = extract_document(_html(head, body), kind="html")
    assert (out.date, out.date_source, out.dateline) == ("2020-05-29", "jsonld", "Minsk")
    marked = _html(body=body).replace(
        "</h1>", '</h1><time itemprop="datePublished" datetime="2020-05-29T10:00+03:00"></time>')
    out = extract_document(marked, kind="html")
    assert (out.date, out.date_source) == ("2020-05-29", "time")


def test_html_dateline_beats_a_utc_timestamp() -> None:
    body = f"MINSK, 30. Mai (BelTA) - {DE_BODY}"
    head = '<meta property="article:published_time" content="2020-05-29T22:30:00+00:00">'
    out = extract_document(_html(head, body), kind="html")
    assert (out.date, out.date_source) == ("2020-05-30", "dateline")


def test_record_date_beats_the_html_pages_own_date() -> None:
    head = '<meta property="article:published_time" content="2020-05-28T10:00:00+03:00">'
    out = extract_document(_html(head), kind="html", record_date=DateClaim("2020-05-29", "record"))
    assert (out.date, out.date_source) == ("2020-05-29", "record")
