"""The plugin's messages in Swedish and Norwegian bokmål (English is the msgid), given to the
app through ``register_translations``; ``_`` is Flask-Babel's gettext, typed."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext


def _(message: str, **variables: Any) -> str:
    return str(gettext(message, **variables))


SV: dict[str, str] = {
    "Improvement measures": "Förbättringsmått",
    "Measures with baseline, latest value and target": (
        "Mått med utgångsvärde, senaste värde och mål"
    ),
    "Measure": "Mått",
    "Baseline": "Utgångsvärde",
    "First value": "Första värdet",
    "Latest value": "Senaste värdet",
    "Target": "Mål",
    "Unit": "Enhet",
    "Wanted direction": "Önskad riktning",
    "increase": "öka",
    "decrease": "minska",
    "Rules": "Regler",
    "IHI run chart rules": "IHI:s regler för seriediagram",
    "Anhøj rules": "Anhøjs regler",
    "As recorded on": "Som registrerat den",
    "Show": "Visa",
    "Run chart": "Seriediagram",
    "Median %(median)s, from the first %(count)s points.": (
        "Median %(median)s, från de första %(count)s punkterna."
    ),
    "The median is the dashed line; points that are part of a signal have a large marker.": (
        "Medianen är den streckade linjen; punkter som ingår i en signal har en stor markör."
    ),
    "Signals": "Signaler",
    "Periods": "Perioder",
    "No signal: the variation looks random by these rules.": (
        "Ingen signal: variationen ser slumpmässig ut enligt dessa regler."
    ),
    "Values": "Värden",
    "The values of the run chart": "Seriediagrammets värden",
    "Period": "Period",
    "Value": "Värde",
    "Median": "Median",
    "Part of a signal": "Del av en signal",
    "Side of the median": "Sida av medianen",
    "above": "över",
    "below": "under",
    "on the median": "på medianen",
    "XmR chart: centre %(centre)s, limits %(lower)s to %(upper)s.": (
        "XmR-diagram: centrum %(centre)s, gränser %(lower)s till %(upper)s."
    ),
    "No values recorded yet.": "Inga värden registrerade ännu.",
    "Run chart of %(name)s: %(count)s values; the values and signals are listed below.": (
        "Seriediagram för %(name)s: %(count)s värden; värdena och signalerna finns nedan."
    ),
    "Corrections": "Rättelser",
    "(the reason has been erased)": "(skälet har raderats)",
    "Enter a date, or a date and a time.": "Ange ett datum, eller ett datum och en tid.",
    "Shift: %(points)s points in a row on the same side of the median "
    "(%(min)s or more signal a shift).": (
        "Skift: %(points)s punkter i rad på samma sida av medianen "
        "(%(min)s eller fler är en signal)."
    ),
    "Trend: %(points)s points in a row all going up (%(min)s or more signal a trend).": (
        "Trend: %(points)s punkter i rad som alla stiger (%(min)s eller fler är en signal)."
    ),
    "Trend: %(points)s points in a row all going down (%(min)s or more signal a trend).": (
        "Trend: %(points)s punkter i rad som alla sjunker (%(min)s eller fler är en signal)."
    ),
    "Too few runs: %(runs)s runs among %(n)s useful points; fewer than %(limit)s is unusual.": (
        "För få serier: %(runs)s serier bland %(n)s användbara punkter; färre än %(limit)s "
        "är ovanligt."
    ),
    "Too many runs: %(runs)s runs among %(n)s useful points; more than %(limit)s is unusual.": (
        "För många serier: %(runs)s serier bland %(n)s användbara punkter; fler än %(limit)s "
        "är ovanligt."
    ),
    "Astronomical point: outside the limits %(lower)s to %(upper)s (XmR, 3 sigma).": (
        "Astronomisk punkt: utanför gränserna %(lower)s till %(upper)s (XmR, 3 sigma)."
    ),
    "Unusually long run: %(run)s points on one side of the median; more than %(limit)s "
    "is unusual for %(n)s useful points.": (
        "Ovanligt lång serie: %(run)s punkter på samma sida av medianen; fler än %(limit)s "
        "är ovanligt för %(n)s användbara punkter."
    ),
    "Unusually few crossings: the line crosses the median %(crossings)s times; fewer "
    "than %(limit)s is unusual for %(n)s useful points.": (
        "Ovanligt få korsningar: linjen korsar medianen %(crossings)s gånger; färre än "
        "%(limit)s är ovanligt för %(n)s användbara punkter."
    ),
    "Outside the control limits %(lower)s to %(upper)s.": (
        "Utanför styrgränserna %(lower)s till %(upper)s."
    ),
    "%(points)s points in a row on one side of the centre line.": (
        "%(points)s punkter i rad på samma sida av centrumlinjen."
    ),
    "Two of three points in a row more than 2 sigma from the centre line.": (
        "Två av tre punkter i rad mer än 2 sigma från centrumlinjen."
    ),
}

NB: dict[str, str] = {
    "Improvement measures": "Forbedringsmål",
    "Measures with baseline, latest value and target": (
        "Målinger med utgangsverdi, siste verdi og mål"
    ),
    "Measure": "Måling",
    "Baseline": "Utgangsverdi",
    "First value": "Første verdi",
    "Latest value": "Siste verdi",
    "Target": "Mål",
    "Unit": "Enhet",
    "Wanted direction": "Ønsket retning",
    "increase": "øke",
    "decrease": "minke",
    "Rules": "Regler",
    "IHI run chart rules": "IHIs regler for seriediagram",
    "Anhøj rules": "Anhøjs regler",
    "As recorded on": "Som registrert den",
    "Show": "Vis",
    "Run chart": "Seriediagram",
    "Median %(median)s, from the first %(count)s points.": (
        "Median %(median)s, fra de første %(count)s punktene."
    ),
    "The median is the dashed line; points that are part of a signal have a large marker.": (
        "Medianen er den stiplede linjen; punkter som inngår i et signal har en stor markør."
    ),
    "Signals": "Signaler",
    "Periods": "Perioder",
    "No signal: the variation looks random by these rules.": (
        "Ingen signal: variasjonen ser tilfeldig ut etter disse reglene."
    ),
    "Values": "Verdier",
    "The values of the run chart": "Seriediagrammets verdier",
    "Period": "Periode",
    "Value": "Verdi",
    "Median": "Median",
    "Part of a signal": "Del av et signal",
    "Side of the median": "Side av medianen",
    "above": "over",
    "below": "under",
    "on the median": "på medianen",
    "XmR chart: centre %(centre)s, limits %(lower)s to %(upper)s.": (
        "XmR-diagram: senter %(centre)s, grenser %(lower)s til %(upper)s."
    ),
    "No values recorded yet.": "Ingen verdier registrert ennå.",
    "Run chart of %(name)s: %(count)s values; the values and signals are listed below.": (
        "Seriediagram for %(name)s: %(count)s verdier; verdiene og signalene står nedenfor."
    ),
    "Corrections": "Rettelser",
    "(the reason has been erased)": "(begrunnelsen er slettet)",
    "Enter a date, or a date and a time.": "Oppgi en dato, eller en dato og et klokkeslett.",
    "Shift: %(points)s points in a row on the same side of the median "
    "(%(min)s or more signal a shift).": (
        "Skift: %(points)s punkter på rad på samme side av medianen "
        "(%(min)s eller flere er et signal)."
    ),
    "Trend: %(points)s points in a row all going up (%(min)s or more signal a trend).": (
        "Trend: %(points)s punkter på rad som alle stiger (%(min)s eller flere er et signal)."
    ),
    "Trend: %(points)s points in a row all going down (%(min)s or more signal a trend).": (
        "Trend: %(points)s punkter på rad som alle synker (%(min)s eller flere er et signal)."
    ),
    "Too few runs: %(runs)s runs among %(n)s useful points; fewer than %(limit)s is unusual.": (
        "For få serier: %(runs)s serier blant %(n)s nyttige punkter; færre enn %(limit)s "
        "er uvanlig."
    ),
    "Too many runs: %(runs)s runs among %(n)s useful points; more than %(limit)s is unusual.": (
        "For mange serier: %(runs)s serier blant %(n)s nyttige punkter; flere enn %(limit)s "
        "er uvanlig."
    ),
    "Astronomical point: outside the limits %(lower)s to %(upper)s (XmR, 3 sigma).": (
        "Astronomisk punkt: utenfor grensene %(lower)s til %(upper)s (XmR, 3 sigma)."
    ),
    "Unusually long run: %(run)s points on one side of the median; more than %(limit)s "
    "is unusual for %(n)s useful points.": (
        "Uvanlig lang serie: %(run)s punkter på samme side av medianen; flere enn %(limit)s "
        "er uvanlig for %(n)s nyttige punkter."
    ),
    "Unusually few crossings: the line crosses the median %(crossings)s times; fewer "
    "than %(limit)s is unusual for %(n)s useful points.": (
        "Uvanlig få kryssinger: linjen krysser medianen %(crossings)s ganger; færre enn "
        "%(limit)s er uvanlig for %(n)s nyttige punkter."
    ),
    "Outside the control limits %(lower)s to %(upper)s.": (
        "Utenfor kontrollgrensene %(lower)s til %(upper)s."
    ),
    "%(points)s points in a row on one side of the centre line.": (
        "%(points)s punkter på rad på samme side av senterlinjen."
    ),
    "Two of three points in a row more than 2 sigma from the centre line.": (
        "To av tre punkter på rad mer enn 2 sigma fra senterlinjen."
    ),
}

MESSAGES: dict[str, dict[str, str]] = {"sv": SV, "nb": NB}
