"""English."""

from __future__ import annotations

from sujet.lang import register
from sujet.lang.profile import (
    LanguageProfile,
    NerTriggers,
    PageLabels,
    QuoteCues,
    RegionRules,
    RoleRules,
    first_forms,
    forms,
    words,
)

_MONTHS = """
january
february
march
april
may
june
july
august
september
october
november
december
"""
# abbreviations, one line a month (the whole word where it is short already)
_MONTH_ABBREVIATIONS = """
jan
feb
mar
apr
may
jun
jul
aug
sept sep
oct
nov
dec
"""
_WEEKDAYS = """
monday
tuesday
wednesday
thursday
friday
saturday
sunday
"""

PROFILE = register(
    LanguageProfile(
        code="en",
        name="English",
        script_default=True,
        months=forms(_MONTHS),
        month_abbreviations=forms(_MONTH_ABBREVIATIONS),
        weekdays=forms(_WEEKDAYS),
        year_words=(),
        range_from=("from",),
        range_to=("to", "until", "through"),
        upper="",
        lower="",
        furniture=(
            "share( this| on| via|:|$)", "tweet( this)?$", r"follow (us|on|the)\b", r"subscribe\b",
            r"sign (up|in)\b", r"log ?in\b", r"log ?out\b", r"register\b", r"read (more|next|also)\b",
            "related( articles| stories| posts| topics| content| coverage|:|$)", r"recommended\b",
            r"advertisement\b", r"sponsored\b",
            r"(show |view |load |leave a |post a |add a )?comments?\b",
            "(photo|image|picture|video|credit|source|caption)s?( credit)?:", r"getty images\b",
            r"click here\b", r"you (may|might) (also )?like\b", r"most (popular|read|viewed)\b",
            r"trending\b", r"skip to\b", r"back to top\b", r"next (article|story|post)\b",
            r"previous (article|story|post)\b", r"(more|latest) (news|stories|from|on)\b",
            r"copyright\b", r"all rights reserved\b", r"privacy( policy)?\b", r"terms (of|and)\b",
            "cookie", r"we use cookies\b", "accept( all)?( cookies)?$", r"newsletter\b",
            r"recent posts\b", r"popular posts\b", "tags?:", "categor(y|ies):", r"filed under\b",
            r"posted (in|by|on)\b", "print( this)?$", "email( this)?$", r"download( the)? app\b",
        ),
        relative_time=(
            r"\b\d+\s*(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago\b",
            "^(?:yesterday|today|just now)$",
            r"\bago$",
        ),
        credits=(
            r"\bcopyright\b", "photo:", "image:",
        ),
        section_stops=(
            r"\d+ (comments?|responses?|replies|thoughts on)\b", r"(leave|post) a (reply|comment)\b",
            r"(show |view |load |read )?comments?( \(\d+\))?$", r"comments are closed\b",
            r"related( articles| stories| posts| content| coverage| links| reading)?:?$",
            r"(you (may|might) (also )?like|recommended( for you| stories)?|more stories|more from)\b",
            r"(more in|more on|read more|latest (news|stories)|most (popular|read)|trending)\b",
            r"recent posts\b", r"popular posts\b", r"you are commenting using\b", r"join the discussion\b",
        ),
        page=PageLabels(
            date_labels=(
                r"published(?:\s+on)?", r"first\s+published", r"posted(?:\s+on)?",
                r"issue\s+published", r"publication\s+date",
            ),
            published=("published", "posted"),
            date_cues=("written", "date", "by", "on"),
            updated=("updated?", "modified"),
            byline=("by", "posted", "updated", "published"),
            source_labels=("source", "sources", "via"),
            source_words=(r"press (?:service|office|release)", "news agency"),
            same_period=(r"same period (?:of|in|last year,? )?\s*{year}",),
            month_first_words=("the", "and", "of", "to", "is", "that", "with", "for"),
        ),
        stemmer="english",
        concepts_column=2,
        function_words=words(
            """
            a after an and as at before but by during for from he her his i if in it its mr
            mrs ms dr my of on or our over she since that the their these they this those to
            under we when while with you your
            """
        ),
        roles="en",
        role_rules=RoleRules(
            modifiers=words("first deputy former acting vice prime chief senior interim foreign state"),
            adpositions=words("of for the at in on and"),
            conjunctions=words("and"),
            articles=words("the a an"),
            title_articles=words("the a an"),
            link_verbs=words(
                "is was became becomes remains serves served named appointed elected"
            ),
            link_fillers=words("as the a an of"),
            capitalised_modifiers=True,
            conjunction_ends_title=True,
            plural_s=True,
            joining_words=words("the of for and"),
        ),
        gazetteer_column=0,
        list_conjunctions=("and", "or", "as well as"),
        regions=RegionRules(
            names=(
                (r"^(\w+) (?:region|oblast|province)$", "oblast", "{}"),
                (r"^(\w+) (?:krai|territory)$", "krai", "{}"),
                (r"^(\w+) district$", "district", "{}"),
            ),
            words_after=("region", "oblast", "province"),
            canonical="{} Region",
        ),
        stop_words=first_forms(_MONTHS)
        | first_forms(_WEEKDAYS)
        | words(
            """
            the a an and or but of in on at to for from by with as is are was were be been it
            its this that these those he she they we you i his her their our not no yes if when
            while after before mr mrs ms dr republic region city minister president government
            governor director ambassador mayor company news photo source year
            """
        ),
        quotes=QuoteCues(
            verbs=(
                "said", "says", "told", "added", "stressed", "noted", "explained", "stated",
            ),
            that=(
                "that",
            ),
            according=(
                "according to",
            ),
            pronouns=(
                "he", "she",
            ),
            anaphora=(
                "this was", "that was",
            ),
            anaphora_verbs=(
                "said", "announced", "reported",
            ),
            bare_speaker=True,
        ),
        ner=NerTriggers(
            person_before=words(
                """
                ambassador ceo chair chairman chairwoman chancellor coach commissioner deputy
                director dr general governor head judge king mayor minister ministers miss
                mr mrs ms pm pope premier president prime prince princess prof queen rector
                secretary senator sir spokesman spokeswoman vice
                """
            ),
            org_heads=words(
                """
                agency army association bank co college commission committee company corp
                corporation council court department federation foundation group inc institute
                llc ltd ministry news parliament party plc police times union university
                """
            ),
            place_heads=words(
                """
                city county district island lake oblast province region republic river square
                state street village
                """
            ),
        ),
    )
)
