"""The ledger's messages in Swedish and Norwegian bokmål (English is the msgid)."""

from __future__ import annotations

SV = {
    "Agreed share": "Avtalad andel",
    "Amount": "Belopp",
    "Balance": "Saldo",
    "Beneficiary": "Nyttotagare",
    "Benefits": "Nyttor",
    "Closed": "Stängd",
    "Committed in kind": "Utlovat in natura",
    "Committed money": "Utlovade pengar",
    "Committed staff hours": "Utlovade arbetstimmar",
    "Companies": "Företagen",
    "Contributed in kind": "Bidraget in natura",
    "Contributed money": "Bidragna pengar",
    "Contributed staff hours": "Bidragna arbetstimmar",
    "Costs in total: %(amount)s": "Kostnader totalt: %(amount)s",
    "Download as CSV": "Ladda ned som CSV",
    "Give a date such as 2026-03-01.": "Ange ett datum, till exempel 2026-03-01.",
    "Impact (1–5)": "Konsekvens (1–5)",
    "Likelihood (1–5)": "Sannolikhet (1–5)",
    "Materialised": "Inträffad",
    "Mitigated": "Begränsad",
    "No risks are registered.": "Inga risker är registrerade.",
    "Open": "Öppen",
    "Organisation": "Organisation",
    "Owner": "Ägare",
    "Parties of %(title)s": "Parterna i %(title)s",
    "Region": "Regionen",
    "Residents": "Invånarna",
    "Risk-sharing ledger": "Riskfördelning",
    "Risks": "Risker",
    "Share of costs is the agreed share of all costs; balance is contributed money minus the "
    "share of costs.": "Andel av kostnaderna är den avtalade andelen av alla kostnader; saldot "
    "är bidragna pengar minus andelen av kostnaderna.",
    "Share of costs": "Andel av kostnaderna",
    "Show as it was on": "Visa som den var den",
    "Show": "Visa",
    "Status": "Status",
    "The partnership has no risk-sharing agreement.": "Partnerskapet har inget avtal om delad "
    "risk.",
    "The whole ledger: staff hours, in kind, benefits and risks": "Hela riskfördelningen: "
    "arbetstimmar, in natura, nyttor och risker",
    "Total": "Totalt",
    "Version %(version)s": "Version %(version)s",
}

NB = {
    "Agreed share": "Avtalt andel",
    "Amount": "Beløp",
    "Balance": "Saldo",
    "Beneficiary": "Mottaker av gevinst",
    "Benefits": "Gevinster",
    "Closed": "Lukket",
    "Committed in kind": "Lovet i naturalia",
    "Committed money": "Lovede penger",
    "Committed staff hours": "Lovede arbeidstimer",
    "Companies": "Bedriftene",
    "Contributed in kind": "Bidratt i naturalia",
    "Contributed money": "Bidratte penger",
    "Contributed staff hours": "Bidratte arbeidstimer",
    "Costs in total: %(amount)s": "Kostnader totalt: %(amount)s",
    "Download as CSV": "Last ned som CSV",
    "Give a date such as 2026-03-01.": "Oppgi en dato, for eksempel 2026-03-01.",
    "Impact (1–5)": "Konsekvens (1–5)",
    "Likelihood (1–5)": "Sannsynlighet (1–5)",
    "Materialised": "Inntruffet",
    "Mitigated": "Redusert",
    "No risks are registered.": "Ingen risikoer er registrert.",
    "Open": "Åpen",
    "Organisation": "Organisasjon",
    "Owner": "Eier",
    "Parties of %(title)s": "Partene i %(title)s",
    "Region": "Regionen",
    "Residents": "Innbyggerne",
    "Risk-sharing ledger": "Risikodeling",
    "Risks": "Risikoer",
    "Share of costs is the agreed share of all costs; balance is contributed money minus the "
    "share of costs.": "Andel av kostnadene er den avtalte andelen av alle kostnader; saldoen "
    "er bidratte penger minus andelen av kostnadene.",
    "Share of costs": "Andel av kostnadene",
    "Show as it was on": "Vis slik den var den",
    "Show": "Vis",
    "Status": "Status",
    "The partnership has no risk-sharing agreement.": "Partnerskapet har ingen avtale om delt "
    "risiko.",
    "The whole ledger: staff hours, in kind, benefits and risks": "Hele risikodelingen: "
    "arbeidstimer, naturalia, gevinster og risikoer",
    "Total": "Totalt",
    "Version %(version)s": "Versjon %(version)s",
}

MESSAGES: dict[str, dict[str, str]] = {"sv": SV, "nb": NB}
