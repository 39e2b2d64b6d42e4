"""The record of one language: every word list and rule choice that differs between languages.

Core code asks a :class:`LanguageProfile` (through :mod:`sujet.lang`) and never tests a language
code. A profile holds data and, for the NER backend, a factory that imports its model lazily.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

# A factory of a named-entity recogniser (see :mod:`sujet.entities.ner`); called once per process.
RecognizerFactory = Callable[[], Any]


@dataclass(frozen=True, slots=True)
class QuoteCues:
    """The speech cues of one language."""

    verbs: tuple[str, ...]  # word forms of speech verbs
    that: tuple[str, ...]  # conjunctions of reported speech ("что", "dass", "that")
    according: tuple[str, ...]  # phrases before a speaker ("по словам", "laut", "according to")
    pronouns: tuple[str, ...]  # pronouns that may stand for the speaker
    # openers of a sentence that attributes the one before it ("Das teilte X mit.", "Такие
    # данные привела X."), and the verbs such a sentence uses
    anaphora: tuple[str, ...] = ()
    anaphora_verbs: tuple[str, ...] = ()
    # a speaker may open the sentence without a title or organisation before the verb
    bare_speaker: bool = False


@dataclass(frozen=True, slots=True)
class NerTriggers:
    """Trigger words of the rule-based tagger, lower case: words before a person's name (titles,
    forms of address), words that make or end an organisation name, and a place name."""

    person_before: frozenset[str] = frozenset()
    org_heads: frozenset[str] = frozenset()
    place_heads: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class RoleRules:
    """How a language writes position titles (:mod:`sujet.entities.positions`); the head words
    themselves are listed in ``entities/data/position_heads.txt`` under the language's code."""

    modifiers: frozenset[str] = frozenset()  # words before a head that belong to the title
    adpositions: frozenset[str] = frozenset()  # inside a title, before a capitalised word
    conjunctions: frozenset[str] = frozenset()  # "и", "und", "and"
    articles: frozenset[str] = frozenset()  # tagged as determiners where no tagger runs
    title_articles: frozenset[str] = frozenset()  # before a title: "der Minister", "the minister"
    link_verbs: frozenset[str] = frozenset()  # "X стал президентом", "X wurde Präsident"
    link_fillers: frozenset[str] = frozenset()  # "занимал пост президента", "as"
    genitive_heads: frozenset[str] = frozenset()  # heads in the genitive ("Ministers")
    # tokens carry a tagger's morphology: adjectives before a head belong to the title, the
    # phrase goes on over nouns and participles, titles are put in the nominative
    tagged: bool = False
    capitalised_modifiers: bool = False  # "Belarusian Deputy Prime Minister"
    conjunction_ends_title: bool = False  # "minister and ..." ends the title
    plural_s: bool = False  # a plural head is its lemma + "s" ("ministers")
    inflected_heads: bool = False  # heads take case endings (Ministers -> Minister)
    # function words a title may hold between its words ("Minister für ...", "governor of ...");
    # a title without a listed concept is keyed by its first other word
    joining_words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class RegionRules:
    """How a language names a region after its city ("Томская область", "Gebiet Tomsk", "Tomsk
    Region"), so that the names share one key (:func:`sujet.entities.gazetteer.region_key`)."""

    # (regular expression over the folded name, kind, how the city is written from group 1)
    names: tuple[tuple[str, str, str], ...] = ()
    # words before ("des Gebietes Tomsk") or after ("Sverdlovsk Region") a place name that make
    # the mention the region, and the region's usual name made from the place name
    words_before: tuple[str, ...] = ()
    words_after: tuple[str, ...] = ()
    canonical: str | None = None


@dataclass(frozen=True, slots=True)
class PageLabels:
    """Words around an article's date and source on a page: regular expressions matched ignoring
    case, each one alternative of a larger expression (no "|" outside a group)."""

    # labels before the publication date of an HTML page ("Veröffentlicht am", "published on"),
    # each starting with a letter; whole patterns with the date text as group 1 where the label
    # follows the date ("am 19. Mai 2010 um 23:03 Uhr gepostet")
    date_labels: tuple[str, ...] = ()
    date_labels_after: tuple[str, ...] = ()
    # words of a text dump's date line: a publication (a strong cue), other cues ("by", "am"),
    # an update (the date is not the publication's)
    published: tuple[str, ...] = ()
    date_cues: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    # first words of a text dump's byline ("by", "von", "автор")
    byline: tuple[str, ...] = ()
    # a source credit after the body: a label before the source ("Источник:", "Quelle:") and
    # words of a credit line ("пресс-служба", "news agency")
    source_labels: tuple[str, ...] = ()
    source_words: tuple[str, ...] = ()
    # a comparison with the same period of a year ("same period of 2023"), the year as {year}
    same_period: tuple[str, ...] = ()
    # function words whose share of a text's words (5 % or more) tells that its slash dates are
    # written month first (US usage)
    month_first_words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LanguageProfile:
    """Everything Sujet knows about one language (ISO 639-1 ``code``)."""

    code: str
    name: str
    # the script (ISO 15924: "Latn", "Cyrl") the language is written in; the language a text of
    # that script is taken for when nothing else tells (``script_default``), and lower-case
    # function words whose presence tells a text of the script is in this language
    script: str = "Latn"
    script_default: bool = False
    marker_words: frozenset[str] = frozenset()
    # calendar words, lower case, every form used in dates (cases, abbreviations) -> 1-12 / 1-7
    months: Mapping[str, int] = field(default_factory=dict)
    month_abbreviations: Mapping[str, int] = field(default_factory=dict)  # "jan", "окт"
    weekdays: Mapping[str, int] = field(default_factory=dict)
    # words after a year ("года", "roku", "р."), before a range's first day ("с", "vom", "od")
    # and between its two days ("по", "bis", "do")
    year_words: tuple[str, ...] = ()
    range_from: tuple[str, ...] = ()
    range_to: tuple[str, ...] = ()
    # letters beyond ASCII that start (upper) and continue (lower) a dateline's place name
    upper: str = ""
    lower: str = ""
    # boilerplate lines of text dumps: regular expressions matched at the start of a whole line
    furniture: tuple[str, ...] = ()
    # relative times of teaser lists ("5 hours ago", "vor 2 Stunden") and words of photo and
    # rights credits ("Foto:", "источник фото"), regular expressions searched in a line
    relative_time: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    # headers that open the section after an article ("Related stories", "Читайте также")
    section_stops: tuple[str, ...] = ()
    page: PageLabels = field(default_factory=PageLabels)
    # the role rules (position titles and their holders) this language uses: its own code, or
    # the code of the rules that fit it best
    roles: str = "en"
    role_rules: RoleRules = field(default_factory=RoleRules)
    # the Snowball stemmer of the language, and its column of ``entities/data/title_concepts.txt``
    stemmer: str | None = None
    concepts_column: int | None = None
    # column of the shipped gazetteer (``entities/data/places.txt``) holding its names
    gazetteer_column: int | None = None
    quotes: QuoteCues | None = None
    ner: NerTriggers = field(default_factory=NerTriggers)
    # the named-entity recogniser of the language; None: the rule-based tagger with ``ner``
    recognizer: RecognizerFactory | None = None
    # function words: capitalised at the start of a sentence they begin no name ("La", "Der")
    function_words: frozenset[str] = frozenset()
    # articles and prepositions after which a capitalised word is a noun, rarely a name
    determiners: frozenset[str] = frozenset()
    # Cyrillic letters read otherwise than in Russian, romanised (Ukrainian "г" -> "h")
    romanisation: Mapping[str, str] = field(default_factory=dict)
    # a soft consonant before "e" written "ie" in Latin names (Polish "Miedwiediew" = Medvedev)
    soft_ie: bool = False
    # the ending of an adjective made from a place name that the name takes ("Minsker": "er")
    place_adjective_suffix: str | None = None
    # a name's normal form: strip a genitive "-s" the document also writes without it
    genitive_s: bool = False
    # words joining the last item of an enumeration ("и", "und", "as well as"), in order
    list_conjunctions: tuple[str, ...] = ()
    regions: RegionRules = field(default_factory=RegionRules)
    # lower-case words that are no name when capitalised: function words, month and weekday
    # names, frequent words of titles and places (the name keys of :mod:`sujet.stories.keys`)
    stop_words: frozenset[str] = frozenset()


def forms(table: str) -> dict[str, int]:
    """Lines of words, one line a month (or weekday) in order, to word -> 1, 2, ..."""
    return {w: n for n, line in enumerate(table.strip().splitlines(), 1) for w in line.split()}


def first_forms(table: str) -> frozenset[str]:
    """The first word of each line (a month's or weekday's nominative) of a :func:`forms` table."""
    return frozenset(line.split()[0] for line in table.strip().splitlines())


def words(table: str) -> frozenset[str]:
    """Whitespace-separated words to a set."""
    return frozenset(table.split())
