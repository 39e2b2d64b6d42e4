"""German."""

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
januar jänner
februar feber
märz
april
mai
juni
juli
august
september
oktober
november
dezember
"""
# abbreviations, one line a month (the whole word where it is short already)
_MONTH_ABBREVIATIONS = """
jän jan
feb
mär
apr
mai
jun
jul
aug
sept sep
okt
nov
dez
"""
_WEEKDAYS = """
montag
dienstag
mittwoch
donnerstag
freitag
samstag sonnabend
sonntag
"""


def _recognizer() -> object:
    from sujet.entities.ner.de import make

    return make()


PROFILE = register(
    LanguageProfile(
        code="de",
        name="German",
        marker_words=words("der die und das nicht mit für"),
        months=forms(_MONTHS),
        month_abbreviations=forms(_MONTH_ABBREVIATIONS),
        weekdays=forms(_WEEKDAYS),
        year_words=(),
        range_from=("vom",),
        range_to=("bis",),
        upper="ÄÖÜ",
        lower="äöüß",
        furniture=(
            r"teilen\b", r"anmelden\b", r"abonnieren\b", r"registrieren\b", r"weiterlesen\b",
            r"mehr (zum thema|lesen|dazu|erfahren|anzeigen)\b", r"lesen sie (auch|mehr)\b",
            r"das könnte sie (auch )?interessieren\b", r"kommentare?\b", r"werbung\b", r"anzeige\b",
            "(foto|fotos|bild|bilder|quelle|grafik)s?:", "datenschutz", r"impressum\b",
            r"alle rechte vorbehalten\b", r"zum seitenanfang\b", r"startseite\b", r"externer inhalt\b",
            r"zustimmen\b", r"ich bin einverstanden\b", r"nach oben\b", r"drucken\b",
            r"artikel teilen\b", "schlagworte?:", "themen:", r"zurück( zur übersicht)?\b",
        ),
        relative_time=(
            r"\bvor\s+\d+\s*(?:sekunde|minute|stunde|tag|woche|monat|jahr)\w*\b",
            "^(?:gestern|heute)$",
        ),
        credits=(
            "foto:", "bild:",
        ),
        section_stops=(
            r"(\d+ )?kommentare?( \(\d+\))?:?$", r"(mehr zum thema|das könnte sie auch interessieren)\b",
            r"(weitere artikel|ähnliche artikel|verwandte artikel|lesen sie auch|auch interessant)\b",
            r"(schreibe|hinterlasse) einen kommentar\b", r"diskutieren sie mit\b",
        ),
        page=PageLabels(
            date_labels=(
                r"ver[öo]ffentlicht(?:\s+am)?", r"erschienen(?:\s+am)?", r"erstellt(?:\s+am)?",
                r"publiziert(?:\s+am)?", r"gepostet(?:\s+am)?", "datum",
            ),
            # the verb after the date: "wurde am 19. Mai 2010 um 23:03 Uhr gepostet"
            date_labels_after=(
                r"\bam\s+(.{6,25}?)\s+(?:um\s+[\d:.]+\s*(?:Uhr\s+)?)?"
                r"(?:veröffentlicht|gepostet|publiziert|erschienen)\b",
            ),
            published=("veröffentlicht", "publiziert", "erschienen"),
            date_cues=("erstellt", "datum", "stand", "von", "am"),
            updated=("aktualisiert", "geändert", "zuletzt"),
            byline=("von", "aktualisiert"),
            source_labels=("quelle",),
            source_words=("pressestelle", "pressemitteilung", "nachrichtenagentur"),
            same_period=(
                r"(?:gleichen|selben) (?:Zeitraum|Vorjahreszeitraum) (?:des Jahres |von )?{year}",
            ),
        ),
        stemmer="german",
        concepts_column=1,
        function_words=words("aber als am an auf bei das der die ein eine im in mit nach und von wenn zu"),
        roles="de",
        role_rules=RoleRules(
            modifiers=words(
                """
                erste erster ersten stellvertretende stellvertretender stellvertretenden ehemalige
                ehemaliger ehemaligen amtierende amtierender neue neuer
                """
            ),
            adpositions=words("für des der von vom im in bei zur zum beim und"),
            conjunctions=words("und"),
            articles=words("der die das des dem den ein eine einer eines einem einen"),
            title_articles=words("der die den dem des"),
            link_verbs=words("ist war wurde wird bleibt"),
            link_fillers=words("als zum zur"),
            genitive_heads=words(
                """
                ministers gouverneurs präsidenten botschafters bürgermeisters kanzlers vorsitzenden
                direktors leiters sprechers
                """
            ),
            inflected_heads=True,
            joining_words=words("der des die dem den von für und"),
        ),
        gazetteer_column=1,
        list_conjunctions=("und", "oder", "sowie"),
        regions=RegionRules(
            names=(
                (r"^(?:gebiet|gebiets|gebietes|oblast) (\w+)$", "oblast", "{}"),
                (r"^(\w+)er gebiet$", "oblast", "{}"),
                (r"^region (\w+)$", "oblast", "{}"),
                (r"^kreis (\w+)$", "district", "{}"),
            ),
            words_before=("gebiet", "gebiets", "gebietes", "gebiete", "oblast", "region"),
            canonical="Gebiet {}",
        ),
        stop_words=first_forms(_MONTHS)
        | first_forms(_WEEKDAYS)
        | words(
            """
            der die das den dem des ein eine einer eines einem einen und oder aber auch nicht im
            in am an auf aus bei mit nach von vor zu zum zur für über unter durch gegen ohne um
            als wie wenn dass es er sie wir ihr ich man sich so doch noch schon nur hier dort
            dies diese dieser dieses republik gebiet gebiets region stadt minister ministers
            ministerin präsident präsidenten regierung gouverneur vorsitzende chef direktor
            botschafter bürgermeister unternehmen zusammenarbeit jahr jahres jahren nachrichten
            foto quelle
            """
        ),
        genitive_s=True,
        place_adjective_suffix="er",
        determiners=words(
            """
            der die das des dem den ein eine einer eines einem einen kein keine dieser diese
            dieses jeder jede jedes unser unsere
            """
        ),
        quotes=QuoteCues(
            verbs=(
                "sagte", "sagten", "sagt", "erklärte", "erklärten", "betonte", "betonten", "teilte",
                "teilten", "mitteilte", "mitteilten", "meinte", "unterstrich", "fügte", "berichtete",
                "bezeichnete", "sprach", "zitiert",
            ),
            that=(
                "dass", "daß",
            ),
            according=(
                "laut", "nach angaben", "zufolge",
            ),
            pronouns=(
                "er", "sie",
            ),
            anaphora=(
                "das", "dies", "dies",
            ),
            anaphora_verbs=(
                "teilte", "gab", "sagte", "erklärte", "berichtete",
            ),
        ),
        ner=NerTriggers(
            person_before=words(
                """
                abgeordnete abgeordneten autor autorin außenminister berichterstatter
                berichterstatterin bischof botschafter botschafters bundeskanzler bundeskanzlerin
                bundespräsident bürgermeister bürgermeisters chef chefin direktor direktors dr
                finanzminister frau fürst general generalsekretär gouverneur gouverneurs graf
                herr herrn innenminister kaiser kanzler kanzlerin kardinal kollege kollegen
                kollegin kommissar kommissarin könig königin leiter leiters minister ministerin
                ministerpräsident ministerpräsidenten ministers oberbürgermeister papst pfarrer
                premierminister premierministers prof präsident präsidenten präsidentin regisseur
                schauspieler schauspielerin senator sprecher sprecherin staatssekretär sänger
                sängerin trainer trainers vizepremier vorsitzende vorsitzenden vorsitzender
                """
            ),
            org_heads=words(
                """
                ag agentur akademie amt armee bank bundesamt börse club co e.v. ev fc
                fraktion gericht gesellschaft gewerkschaft gmbh gruppe hochschule inc institut
                kammer kg klub kommission konzern ltd ministerium ohg parlament partei
                polizei rat se stiftung sv union universität verband verein werk werke
                zeitung
                """
            ),
            place_heads=words(
                """
                bezirk bundesland dorf fluss gebiet gebietes gemeinde insel kanton kreis land
                landkreis platz provinz region republik see staat stadt straße
                """
            ),
        ),
        recognizer=_recognizer,
    )
)
