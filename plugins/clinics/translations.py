"""The clinic dashboard's messages in Swedish and Norwegian bokmål (English is the msgid)."""

from __future__ import annotations

SV = {
    "(text erased)": "(texten är raderad)",
    "A measure is half way to its target and an experiment concluded adopt or adapt.": (
        "Ett mått har nått halvvägs till sitt mål och ett försök avslutades med införa eller "
        "anpassa."
    ),
    "A measure reached its target and an experiment concluded adopt or adapt.": (
        "Ett mått har nått sitt mål och ett försök avslutades med införa eller anpassa."
    ),
    "A measure's latest value beats its baseline.": (
        "Ett måtts senaste värde är bättre än utgångsvärdet."
    ),
    "Abandon": "Överge",
    "Activity, no changes yet": "Aktivitet, inga förändringar än",
    "Adapt": "Anpassa",
    "Adopt": "Införa",
    "adoption stage\x04Adopted": "Infört",
    "Also, a scale-up from its experiments is adopted or sustained in another unit.": (
        "Dessutom är en spridning från dess försök införd eller bestående i en annan enhet."
    ),
    "An experiment has been studied.": "Ett försök har utvärderats.",
    "An experiment has started.": "Ett försök har startat.",
    "An experiment is planned at the clinic.": "Ett försök är planerat på kliniken.",
    "An experiment uses a measure with a baseline and a target.": (
        "Ett försök använder ett mått med utgångsvärde och mål."
    ),
    "Baseline": "Utgångsvärde",
    "Changes tested": "Förändringar testade",
    "Clinic": "Klinik",
    "Companies and universities": "Företag och universitet",
    "Company": "Företag",
    "Concluded": "Avslutat",
    "Dropped": "Avbrutet",
    "Experiments": "Försök",
    "Forming": "Bildas",
    "Give a date such as 2026-03-01.": "Ange ett datum, till exempel 2026-03-01.",
    "How the score was derived": "Hur poängen räknades fram",
    "Improvement": "Förbättring",
    "Innovation clinics": "Innovationskliniker",
    "Intent to participate": "Avsikt att delta",
    "Latest": "Senaste",
    "Lessons": "Lärdomar",
    "Level": "Nivå",
    "Meaning": "Betydelse",
    "Measure": "Mått",
    "Measures": "Mått",
    "Met": "Uppfylld",
    "Modest improvement": "Måttlig förbättring",
    "No innovation clinics are designated.": "Inga innovationskliniker är utsedda.",
    "No lessons yet.": "Inga lärdomar än.",
    "No measures yet.": "Inga mått än.",
    "No scale-ups from its experiments yet.": "Ingen spridning från dess försök än.",
    "No": "Nej",
    "None recorded.": "Inga registrerade.",
    "Outstanding, sustainable results": "Enastående, bestående resultat",
    "Piloting": "Pilottest",
    "Planned": "Planerat",
    "Planning": "Planering",
    "Preparing": "Förbereds",
    "Progress score": "Framstegspoäng",
    "Progress score: %(score)s of 5": "Framstegspoäng: %(score)s av 5",
    "Rule": "Regel",
    "Running": "Pågår",
    "Show as it was on": "Visa som den var den",
    "Show": "Visa",
    "Significant improvement": "Betydande förbättring",
    "Spread": "Spridning",
    "Studied": "Utvärderat",
    "Sustainable improvement": "Bestående förbättring",
    "Sustained": "Bestående",
    "Target": "Mål",
    "That measure met its target in each of its last three periods.": (
        "Måttet nådde sitt mål under var och en av de tre senaste perioderna."
    ),
    "The clinics' dashboards": "Klinikernas översikter",
    "The unit is designated an innovation clinic.": "Enheten är utsedd till innovationsklinik.",
    "University": "Universitet",
    "Yes": "Ja",
    "target reached": "målet nått",
}

NB = {
    "(text erased)": "(teksten er slettet)",
    "A measure is half way to its target and an experiment concluded adopt or adapt.": (
        "En måling er halvveis til målet og et forsøk ble avsluttet med innføre eller tilpasse."
    ),
    "A measure reached its target and an experiment concluded adopt or adapt.": (
        "En måling har nådd målet og et forsøk ble avsluttet med innføre eller tilpasse."
    ),
    "A measure's latest value beats its baseline.": (
        "Siste verdi for en måling er bedre enn utgangsverdien."
    ),
    "Abandon": "Forkaste",
    "Activity, no changes yet": "Aktivitet, ingen endringer ennå",
    "Adapt": "Tilpasse",
    "Adopt": "Innføre",
    "adoption stage\x04Adopted": "Innført",
    "Also, a scale-up from its experiments is adopted or sustained in another unit.": (
        "I tillegg er en spredning fra forsøkene innført eller varig i en annen enhet."
    ),
    "An experiment has been studied.": "Et forsøk er evaluert.",
    "An experiment has started.": "Et forsøk har startet.",
    "An experiment is planned at the clinic.": "Et forsøk er planlagt på klinikken.",
    "An experiment uses a measure with a baseline and a target.": (
        "Et forsøk bruker en måling med utgangsverdi og mål."
    ),
    "Baseline": "Utgangsverdi",
    "Changes tested": "Endringer testet",
    "Clinic": "Klinikk",
    "Companies and universities": "Bedrifter og universiteter",
    "Company": "Bedrift",
    "Concluded": "Avsluttet",
    "Dropped": "Avbrutt",
    "Experiments": "Forsøk",
    "Forming": "Dannes",
    "Give a date such as 2026-03-01.": "Oppgi en dato, for eksempel 2026-03-01.",
    "How the score was derived": "Hvordan poengsummen ble regnet ut",
    "Improvement": "Forbedring",
    "Innovation clinics": "Innovasjonsklinikker",
    "Intent to participate": "Intensjon om å delta",
    "Latest": "Siste",
    "Lessons": "Lærdommer",
    "Level": "Nivå",
    "Meaning": "Betydning",
    "Measure": "Måling",
    "Measures": "Målinger",
    "Met": "Oppfylt",
    "Modest improvement": "Moderat forbedring",
    "No innovation clinics are designated.": "Ingen innovasjonsklinikker er utpekt.",
    "No lessons yet.": "Ingen lærdommer ennå.",
    "No measures yet.": "Ingen målinger ennå.",
    "No scale-ups from its experiments yet.": "Ingen spredning fra forsøkene ennå.",
    "No": "Nei",
    "None recorded.": "Ingen registrert.",
    "Outstanding, sustainable results": "Fremragende, varige resultater",
    "Piloting": "Utprøving",
    "Planned": "Planlagt",
    "Planning": "Planlegging",
    "Preparing": "Forberedes",
    "Progress score": "Fremdriftspoeng",
    "Progress score: %(score)s of 5": "Fremdriftspoeng: %(score)s av 5",
    "Rule": "Regel",
    "Running": "Pågår",
    "Show as it was on": "Vis slik den var den",
    "Show": "Vis",
    "Significant improvement": "Betydelig forbedring",
    "Spread": "Spredning",
    "Studied": "Evaluert",
    "Sustainable improvement": "Varig forbedring",
    "Sustained": "Varig",
    "Target": "Mål",
    "That measure met its target in each of its last three periods.": (
        "Målingen nådde målet i hver av de tre siste periodene."
    ),
    "The clinics' dashboards": "Klinikkenes oversikter",
    "The unit is designated an innovation clinic.": "Enheten er utpekt som innovasjonsklinikk.",
    "University": "Universitet",
    "Yes": "Ja",
    "target reached": "målet nådd",
}

MESSAGES: dict[str, dict[str, str]] = {"sv": SV, "nb": NB}
