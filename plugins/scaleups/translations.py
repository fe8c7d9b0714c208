"""The scale-up tracker's messages in Swedish and Norwegian bokmål (English is the msgid)."""

from __future__ import annotations

SV = {
    "%(unit)s, %(practice)s: %(before)s → %(after)s": "%(unit)s, %(practice)s: %(before)s → "
    "%(after)s",
    "Active": "Pågår",
    "adoption stage\x04Adopted": "Infört",
    "Adoption stage per practice and unit": "Införandesteg per arbetssätt och enhet",
    "Completed": "Avslutad",
    "Dropped": "Avbrutet",
    "Give a date such as 2026-03-01.": "Ange ett datum, till exempel 2026-03-01.",
    "Halted": "Stoppad",
    "How it changed": "Hur det förändrades",
    "No scale-ups are planned.": "Ingen spridning är planerad.",
    "Not a target": "Inte en målenhet",
    "Not started": "Inte påbörjat",
    "Piloting": "Pilottest",
    "Planned": "Planerat",
    "Practice": "Arbetssätt",
    "Preparing": "Förbereds",
    "Scale-up tracker": "Spridning",
    "Show as it was on": "Visa som den var den",
    "Show": "Visa",
    "Sustained": "Bestående",
    "The whole tracker, with how it changed": "Hela spridningen, med hur den förändrades",
}

NB = {
    "%(unit)s, %(practice)s: %(before)s → %(after)s": "%(unit)s, %(practice)s: %(before)s → "
    "%(after)s",
    "Active": "Pågår",
    "adoption stage\x04Adopted": "Innført",
    "Adoption stage per practice and unit": "Innføringstrinn per arbeidsmåte og enhet",
    "Completed": "Avsluttet",
    "Dropped": "Avbrutt",
    "Give a date such as 2026-03-01.": "Oppgi en dato, for eksempel 2026-03-01.",
    "Halted": "Stoppet",
    "How it changed": "Hvordan det endret seg",
    "No scale-ups are planned.": "Ingen spredning er planlagt.",
    "Not a target": "Ikke en målenhet",
    "Not started": "Ikke startet",
    "Piloting": "Utprøving",
    "Planned": "Planlagt",
    "Practice": "Arbeidsmåte",
    "Preparing": "Forberedes",
    "Scale-up tracker": "Spredning",
    "Show as it was on": "Vis slik den var den",
    "Show": "Vis",
    "Sustained": "Varig",
    "The whole tracker, with how it changed": "Hele spredningen, med hvordan den endret seg",
}

MESSAGES: dict[str, dict[str, str]] = {"sv": SV, "nb": NB}
