"""Polish: months in the nominative, genitive ("5 maja 2024") and locative ("w maju"), datelines
in capitals with diacritics ("WARSZAWA, 5 maja (PAP) -"), rule-based names."""

from __future__ import annotations

from sujet.lang import register
from sujet.lang.profile import LanguageProfile, NerTriggers, forms, words

_MONTHS = """
styczeń stycznia styczniu
luty lutego lutym
marzec marca marcu
kwiecień kwietnia kwietniu
maj maja maju
czerwiec czerwca czerwcu
lipiec lipca lipcu
sierpień sierpnia sierpniu
wrzesień września wrześniu
październik października październiku
listopad listopada listopadzie
grudzień grudnia grudniu
"""
_WEEKDAYS = """
poniedziałek poniedziałku
wtorek wtorku
środa środę środy
czwartek czwartku
piątek piątku
sobota sobotę soboty
niedziela niedzielę niedzieli
"""

PROFILE = register(
    LanguageProfile(
        code="pl",
        name="Polish",
        months=forms(_MONTHS),
        weekdays=forms(_WEEKDAYS),
        year_words=("roku", "rok", "r."),
        range_from=("od",),
        range_to=("do",),
        upper="ĄĆĘŁŃÓŚŹŻ",
        lower="ąćęłńóśźż",
        function_words=words("ale do jak na o po ta ten w z że"),
        roles="en",
        soft_ie=True,
        ner=NerTriggers(
            person_before=words(
                """
                prezydent prezydenta premier premiera minister ministra burmistrz burmistrza
                prezes prezesa marszałek marszałka pan pana pani ambasador ambasadora wojewoda
                wiceminister wicepremier rzecznik rzecznika szef szefa dyrektor dyrektora
                """
            ),
            org_heads=words(
                """
                ministerstwo ministerstwa urząd urzędu sejm senat partia partii bank banku
                spółka spółki agencja agencji fundacja fundacji instytut instytutu uniwersytet
                uniwersytetu komisja komisji komisją komisję rada rady radą związek związku sąd sądu
                """
            ),
            place_heads=words(
                """
                miasto miasta województwo województwa powiat powiatu gmina gminy ulica ulicy
                rzeka rzeki wyspa wyspy
                """
            ),
        ),
    )
)
