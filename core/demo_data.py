"""The demo's data: the five partnerships of the seed documents, as the demo records them.

Pure data. Another module turns it into commands; `check()` asserts that it is consistent.

Conventions
- `key` fields are local handles, never stored: organisation keys are unique in ORGANISATIONS,
  unit keys within their organisation, everything else within its partnership. A unit is
  referred to as the tuple (organisation key, unit key).
- Texts are in the language of the seed: Swedish, or Norwegian bokmål for Lofoten. No personal
  names: people are referred to by role ("koordinatorn", "verksamhetschefen").
- Facts come from the seeds (the figures are quoted in the comments). Details that the seeds do
  not give are invented and marked: invented organisation and unit names end with
  INVENTED_NAME_SUFFIX, invented texts carry one of INVENTED_TEXT_MARKERS. Dates of meetings and
  of experiments are invented unless a comment says otherwise.
- Dates are business dates (when a meeting was held, which month a value is for); the demo
  records everything today. Every list is in chronological order.
- Organisation `renames`: names an organisation took later (Organisation renamed).
- Partnership `members`: the coordinator first; the partnership's start makes it a member, so the
  first entry only confirms it.
- Apply a partnership's sections in APPLY_ORDER: a reference always points to something applied
  before it (lessons cite experiments and meetings; decisions cite lessons and earlier
  decisions; scale-ups start from experiments). Status changes come last, so that nothing is
  recorded into a partnership after it was completed.
- Experiments: plan, then start if `started`, then the observations, then `study` and
  `conclusion` when given (the stage follows: planned, running, studied, concluded).
- Decisions: propose, then the sign-offs in order. With an `amendment`, it is applied after the
  first `after_signoffs` sign-offs and voids them; the sign-offs after it are made anew.
  `outcome` is the status the decision rule (unanimous) gives at the end; a decision closes with
  the last signatory's sign-off. A decision still `proposed` lacks some sign-offs on purpose.
- Agreements: shares (percent, one decimal, sum exactly 100), then commitments, contributions,
  costs, benefits, then each risk (registered `open`) followed by its status changes.
- Money is in SEK or NOK as the agreement or funding says; staff hours in "timmar".
"""

import datetime
from decimal import Decimal
from typing import Literal, TypedDict, get_args

_d = datetime.date

INVENTED_NAME_SUFFIX = " (exempel)"
INVENTED_TEXT_MARKERS = ("(påhittat exempel)", "(oppdiktet eksempel)", "påhittat", "oppdiktet")

APPLY_ORDER = (
    "members",
    "phases",
    "challenges",
    "funding",
    "meetings",
    "clinics",
    "measures",
    "experiments",
    "lessons",
    "decisions",
    "scale_ups",
    "agreements",
    "status_changes",
)

# -- vocabularies (API.md) ---------------------------------------------------------------------

OrgKind = Literal[
    "region",
    "municipality",
    "health_trust",
    "company",
    "academia",
    "civil_society",
    "association",
    "agency",
    "other",
]
UnitType = Literal["clinic", "ward", "health_centre", "team", "other"]
Country = Literal["SE", "NO"]
PartnershipKind = Literal[
    "learning_network", "testbed", "lab", "innovation_partnership", "improvement_network", "other"
]
MemberRole = Literal["coordinator", "partner", "funder", "observer"]
PhaseName = Literal["understand", "redesign", "scale_up"]
Status = Literal["planned", "active", "paused", "completed"]
Level = Literal["micro", "meso", "macro"]
Need = Literal["patients", "users", "staff", "relatives"]
MeetingKind = Literal["workshop", "network_gathering", "local_meeting", "seminar", "other"]
Direction = Literal["increase", "decrease"]
PredictionHeld = Literal["yes", "partly", "no"]
Act = Literal["adopt", "adapt", "abandon"]
EvidenceKind = Literal["experiment", "measure", "lesson", "decision", "meeting"]
Stance = Literal["approve", "object", "abstain"]
Outcome = Literal["proposed", "adopted", "rejected"]
SourceKind = Literal["experiment", "system_analysis", "meeting", "decision"]
AdoptionStage = Literal["planned", "preparing", "piloting", "adopted", "sustained", "dropped"]
ContributionKind = Literal["money", "staff_hours", "in_kind"]
Beneficiary = Literal["region", "companies", "residents"]
RiskStatus = Literal["open", "mitigated", "materialised", "closed"]

UnitRef = tuple[str, str]  # (organisation key, unit key)

# -- shapes ------------------------------------------------------------------------------------


class Unit(TypedDict):
    key: str
    name: str
    unit_type: UnitType


class Rename(TypedDict):
    name: str
    on: datetime.date
    reason: str


class Organisation(TypedDict):
    key: str
    name: str
    kind: OrgKind
    country: Country
    units: list[Unit]
    renames: list[Rename]


class Member(TypedDict):
    org: str
    role: MemberRole
    joined_on: datetime.date


class Phase(TypedDict):
    phase: PhaseName
    rationale: str
    on: datetime.date


class StatusChange(TypedDict):
    status: Status
    reason: str
    on: datetime.date


class Challenge(TypedDict):
    key: str
    title: str
    description: str
    level: Level
    needs_of: list[Need]


class Funding(TypedDict):
    funder: str
    amount: Decimal
    currency: str
    reference: str


class Meeting(TypedDict):
    key: str
    kind: MeetingKind
    held_on: datetime.date
    place: str
    attending: list[str]
    summary: str


class Clinic(TypedDict):
    org: str
    unit: str


class Value(TypedDict):
    period: str  # "YYYY-MM" or "YYYY-MM-DD"
    value: Decimal
    n: int


class Correction(TypedDict):
    period: str
    value: Decimal
    reason: str


class Measure(TypedDict):
    key: str
    name: str
    unit: str
    direction: Direction
    baseline: Decimal
    target: Decimal
    method: str
    values: list[Value]
    corrections: list[Correction]


class Observation(TypedDict):
    note: str
    observed_on: datetime.date


class Study(TypedDict):
    result: str
    prediction_held: PredictionHeld


class Conclusion(TypedDict):
    act: Act
    rationale: str


class Experiment(TypedDict):
    key: str
    title: str
    change_idea: str
    prediction: str
    site: UnitRef
    measures: list[str]
    previous: str | None
    planned_end_on: datetime.date
    started: bool
    observations: list[Observation]
    study: Study | None
    conclusion: Conclusion | None


class Evidence(TypedDict):
    kind: EvidenceKind
    key: str


class Signoff(TypedDict):
    org: str
    stance: Stance
    comment: str


class Amendment(TypedDict):
    changes: dict[str, str | list[str]]
    reason: str
    after_signoffs: int  # applied after this many of the decision's sign-offs; voids them


class Decision(TypedDict):
    key: str
    title: str
    context: str
    options: list[str]
    proposal: str
    rationale: str
    signatories: list[str]
    evidence: list[Evidence]
    meeting: str | None
    signoffs: list[Signoff]
    amendment: Amendment | None
    outcome: Outcome


class Lesson(TypedDict):
    key: str
    text: str
    source_kind: SourceKind
    source: str | None
    level: Level
    tags: list[str]


class Adoption(TypedDict):
    unit: UnitRef
    stage: AdoptionStage
    note: str


class ScaleUp(TypedDict):
    key: str
    practice: str
    origin: str
    target_units: list[UnitRef]
    adoptions: list[Adoption]


class Commitment(TypedDict):
    org: str
    kind: ContributionKind
    amount: Decimal
    unit: str
    description: str


class Cost(TypedDict):
    amount: Decimal
    description: str


class Benefit(TypedDict):
    beneficiary: Beneficiary
    amount: Decimal
    description: str


class RiskStatusChange(TypedDict):
    status: RiskStatus
    note: str


class Risk(TypedDict):
    key: str
    description: str
    owner: str
    likelihood: int
    impact: int
    status_changes: list[RiskStatusChange]


class Agreement(TypedDict):
    key: str
    title: str
    currency: str
    shares: dict[str, Decimal]
    commitments: list[Commitment]
    contributions: list[Commitment]
    costs: list[Cost]
    benefits: list[Benefit]
    risks: list[Risk]


class Partnership(TypedDict):
    key: str
    title: str
    kind: PartnershipKind
    purpose: str
    goals: list[str]
    coordinator: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    members: list[Member]
    phases: list[Phase]
    status_changes: list[StatusChange]
    challenges: list[Challenge]
    funding: list[Funding]
    meetings: list[Meeting]
    clinics: list[Clinic]
    measures: list[Measure]
    experiments: list[Experiment]
    decisions: list[Decision]
    lessons: list[Lesson]
    scale_ups: list[ScaleUp]
    agreements: list[Agreement]


# -- organisations -----------------------------------------------------------------------------

ORGANISATIONS: list[Organisation] = [
    # Seed 000: the learning network of two county councils, coordinated by KI (LIME).
    {
        "key": "ki",
        "name": "Karolinska Institutet",
        "kind": "academia",
        "country": "SE",
        "units": [
            {
                "key": "lime",
                "name": "Institutionen för lärande, informatik, management och etik (LIME)",
                "unit_type": "other",
            },
        ],
        "renames": [],
    },
    {
        "key": "nll",
        "name": "Norrbottens läns landsting",
        "kind": "region",
        "country": "SE",
        "units": [
            {
                "key": "medicin_sunderby",
                "name": "Medicinkliniken, Sunderby sjukhus (exempel)",
                "unit_type": "clinic",
            },
        ],
        "renames": [],
    },
    {
        # Seed 000 names the county council; seed 004 (2019) the region: the same organisation.
        "key": "vll",
        "name": "Västerbottens läns landsting",
        "kind": "region",
        "country": "SE",
        "units": [
            {
                "key": "ortopedi_nus",
                "name": "Ortopedkliniken, Norrlands universitetssjukhus (exempel)",
                "unit_type": "clinic",
            },
            {
                "key": "ortopedi_skelleftea",
                "name": "Ortopedkliniken, Skellefteå lasarett (exempel)",
                "unit_type": "clinic",
            },
            {
                "key": "ortopedi_lycksele",
                "name": "Ortopedmottagningen, Lycksele lasarett (exempel)",
                "unit_type": "clinic",
            },
            # Seed 004: the three first innovation clinics.
            {"key": "idun", "name": "Tandvårdskliniken Idun", "unit_type": "clinic"},
            {"key": "mava", "name": "Medicinsk akutvårdsavdelning", "unit_type": "ward"},
            {"key": "bjurholm_hc", "name": "Bjurholms hälsocentral", "unit_type": "health_centre"},
            {
                "key": "vindeln_hc",
                "name": "Vindelns hälsocentral (exempel)",
                "unit_type": "health_centre",
            },
            {
                "key": "nordmaling_hc",
                "name": "Nordmalings hälsocentral (exempel)",
                "unit_type": "health_centre",
            },
            {
                "key": "vannas_hc",
                "name": "Vännäs hälsocentral (exempel)",
                "unit_type": "health_centre",
            },
        ],
        "renames": [
            {
                "name": "Region Västerbotten",
                "on": _d(2019, 1, 1),
                "reason": "Landstinget blev region den 1 januari 2019.",
            },
        ],
    },
    {
        "key": "vinnova",
        "name": "Vinnova",
        "kind": "agency",
        "country": "SE",
        "units": [],
        "renames": [],
    },
    # Seed 001: the arena for learning and experimentation, Nära vård.
    {
        "key": "experio",
        "name": "Experio Lab Sverige",
        "kind": "other",
        "country": "SE",
        "units": [],
        "renames": [],
    },
    {
        "key": "skr",
        "name": "Sveriges Kommuner och Regioner (SKR)",
        "kind": "association",
        "country": "SE",
        "units": [],
        "renames": [],
    },
    {
        "key": "kau",
        "name": "Karlstads universitet",
        "kind": "academia",
        "country": "SE",
        "units": [
            {"key": "ctf", "name": "Centrum för tjänsteforskning (CTF)", "unit_type": "team"}
        ],
        "renames": [],
    },
    {
        "key": "liu",
        "name": "Linköpings universitet",
        "kind": "academia",
        "country": "SE",
        "units": [{"key": "design", "name": "Design", "unit_type": "team"}],
        "renames": [],
    },
    {
        "key": "helsingborg",
        "name": "Helsingborgs stad",
        "kind": "municipality",
        "country": "SE",
        "units": [
            {
                "key": "elevhalsan_centrum",
                "name": "Elevhälsan, skolområde Centrum (exempel)",
                "unit_type": "team",
            },
            {
                "key": "elevhalsan_norr",
                "name": "Elevhälsan, skolområde Norr (exempel)",
                "unit_type": "team",
            },
            {
                "key": "elevhalsan_soder",
                "name": "Elevhälsan, skolområde Söder (exempel)",
                "unit_type": "team",
            },
        ],
        "renames": [],
    },
    {
        # The seed names no region; this one is invented.
        "key": "region_sundet",
        "name": "Region Sundet (exempel)",
        "kind": "region",
        "country": "SE",
        "units": [
            {
                "key": "forsta_linjen",
                "name": "Första linjen för unga (exempel)",
                "unit_type": "team",
            },
            {
                "key": "vc_sundet",
                "name": "Vårdcentralen Sundet (exempel)",
                "unit_type": "health_centre",
            },
        ],
        "renames": [],
    },
    # Seed 002: Forbedringsnettverk Lofoten (Norway).
    {
        "key": "usht",
        "name": "USHT Nordland (Utviklingssenter for sykehjem og hjemmetjenester)",
        "kind": "other",
        "country": "NO",
        "units": [],
        "renames": [],
    },
    {
        "key": "nlsh",
        "name": "Nordlandssykehuset HF",
        "kind": "health_trust",
        "country": "NO",
        "units": [
            {
                "key": "lofoten_med",
                "name": "Nordlandssykehuset Lofoten, medisinsk sengepost (exempel)",
                "unit_type": "ward",
            },
        ],
        "renames": [],
    },
    {
        "key": "vagan",
        "name": "Vågan kommune",
        "kind": "municipality",
        "country": "NO",
        "units": [
            {"key": "hjemmetjeneste", "name": "Hjemmetjenesten (exempel)", "unit_type": "team"},
        ],
        "renames": [],
    },
    {
        "key": "vestvagoy",
        "name": "Vestvågøy kommune",
        "kind": "municipality",
        "country": "NO",
        "units": [
            {"key": "hjemmetjeneste", "name": "Hjemmetjenesten (exempel)", "unit_type": "team"},
        ],
        "renames": [],
    },
    {
        "key": "flakstad",
        "name": "Flakstad kommune",
        "kind": "municipality",
        "country": "NO",
        "units": [
            {"key": "hjemmetjeneste", "name": "Hjemmetjenesten (exempel)", "unit_type": "team"},
        ],
        "renames": [],
    },
    {
        "key": "moskenes",
        "name": "Moskenes kommune",
        "kind": "municipality",
        "country": "NO",
        "units": [
            {"key": "hjemmetjeneste", "name": "Hjemmetjenesten (exempel)", "unit_type": "team"},
        ],
        "renames": [],
    },
    {
        "key": "vaeroy",
        "name": "Værøy kommune",
        "kind": "municipality",
        "country": "NO",
        "units": [],
        "renames": [],
    },
    {
        "key": "rost",
        "name": "Røst kommune",
        "kind": "municipality",
        "country": "NO",
        "units": [],
        "renames": [],
    },
    # Seed 003: the Norrtälje testbed (Norrtäljemodellen: regional health care and municipal
    # care under one roof, run by the jointly owned Tiohundra AB).
    {
        "key": "norrtalje",
        "name": "Norrtälje kommun",
        "kind": "municipality",
        "country": "SE",
        "units": [{"key": "ksk", "name": "Kommunstyrelsekontoret", "unit_type": "other"}],
        "renames": [],
    },
    {
        "key": "sll",
        "name": "Stockholms läns landsting",
        "kind": "region",
        "country": "SE",
        "units": [],
        "renames": [
            {
                "name": "Region Stockholm",
                "on": _d(2019, 1, 1),
                "reason": "Landstinget blev region den 1 januari 2019.",
            },
        ],
    },
    {
        "key": "tiohundra",
        "name": "Tiohundra AB",
        "kind": "company",
        "country": "SE",
        "units": [
            {
                "key": "hemsjukvard_norrtalje",
                "name": "Hemsjukvården Norrtälje (exempel)",
                "unit_type": "team",
            },
            {
                "key": "hemsjukvard_rimbo",
                "name": "Hemsjukvården Rimbo (exempel)",
                "unit_type": "team",
            },
            {
                "key": "hemsjukvard_hallstavik",
                "name": "Hemsjukvården Hallstavik (exempel)",
                "unit_type": "team",
            },
            {
                "key": "geriatrik",
                "name": "Geriatriska avdelningen, Norrtälje sjukhus (exempel)",
                "unit_type": "ward",
            },
        ],
        "renames": [],
    },
    {
        "key": "pensionarer",
        "name": "Pensionärsföreningen i Norrtälje (exempel)",
        "kind": "civil_society",
        "country": "SE",
        "units": [],
        "renames": [],
    },
    # Seed 004: Västerbotten, innovation in partnership (companies and academia).
    {
        "key": "umu",
        "name": "Umeå universitet",
        "kind": "academia",
        "country": "SE",
        "units": [],
        "renames": [],
    },
    {
        "key": "munhalsa",
        "name": "Munhälsa Digital AB (exempel)",
        "kind": "company",
        "country": "SE",
        "units": [],
        "renames": [],
    },
    {
        "key": "vitalsensor",
        "name": "Vitalsensor Norr AB (exempel)",
        "kind": "company",
        "country": "SE",
        "units": [],
        "renames": [],
    },
    {
        "key": "distansvard",
        "name": "Distansvård Nord AB (exempel)",
        "kind": "company",
        "country": "SE",
        "units": [],
        "renames": [],
    },
]


# -- 000: the learning network of two county councils ------------------------------------------
# Seed facts: coordinator KI (LIME); Vinnova grant 950 000 SEK, diarienummer 2015-03547;
# August 2015 – August 2016, status Avslutat; five interactive workshops at alternating places
# (Umeå, Luleå, Stockholm); local meetings between them; research support (researchers at some
# local meetings); Norrbotten: analysis of strategy documents, treatment lines; Västerbotten:
# insights tied to existing structure, a better construction for value-based care tested locally
# and spread to the units concerned; at the last workshop both councils presented models and
# "maps". Dates of meetings and all measures are invented.

LEARNING_NETWORK: Partnership = {
    "key": "larande_natverket",
    "title": (
        "Från utvecklingsöar till större helhet – att stödja innovativt utvecklingsarbete inom "
        "stora vårdorganisationer"
    ),
    "kind": "learning_network",
    "purpose": (
        "Att lära av varandra och av aktuell forskning samt testa modeller, förslag och "
        "arbetssätt som bidrar till innovativt förbättrings- och utvecklingsarbete i komplexa "
        "hälso- och sjukvårdsorganisationer, i detta fall inom två landsting."
    ),
    "goals": [
        "Deltagarna – chefer och personer med strategiska stödfunktioner – har jobbat med "
        "utvecklingsarbete inom den egna organisationen.",
        "Deltagarna har tillämpat lärdomar om strategiskt utvecklingsarbete.",
        "Landstingen har planerat för både framtida utveckling och samverkan.",
    ],
    "coordinator": "ki",
    "starts_on": _d(2015, 8, 1),
    "ends_on": _d(2016, 8, 31),
    "members": [
        {"org": "ki", "role": "coordinator", "joined_on": _d(2015, 8, 1)},
        {"org": "nll", "role": "partner", "joined_on": _d(2015, 8, 1)},
        {"org": "vll", "role": "partner", "joined_on": _d(2015, 8, 1)},
        {"org": "vinnova", "role": "funder", "joined_on": _d(2015, 8, 1)},
    ],
    "phases": [
        {
            "phase": "understand",
            "rationale": (
                "Nätverket kartlägger utgångsläget: i Norrbotten analyseras strategidokument som "
                "stöd för utveckling, i Västerbotten befintlig struktur och pågående satsningar."
            ),
            "on": _d(2015, 8, 1),
        },
        {
            "phase": "redesign",
            "rationale": (
                "Mellan nätverksträffarna testas lokala utvecklingsområden: behandlingslinjer i "
                "Norrbotten och en förbättrad konstruktion för värdebaserad vård i Västerbotten."
            ),
            "on": _d(2015, 11, 1),
        },
        {
            "phase": "scale_up",
            "rationale": (
                "Arbetssättet för värdebaserad vård sprids till berörda enheter, och båda "
                "landstingen planerar för framtida utveckling och samverkan."
            ),
            "on": _d(2016, 4, 1),
        },
    ],
    "status_changes": [
        {
            "status": "active",
            "reason": "Projektet startar: bidrag från Vinnova, löptid augusti 2015 – augusti 2016.",
            "on": _d(2015, 8, 1),
        },
        {
            "status": "completed",
            "reason": "Projektets löptid är slut; status Avslutat enligt Vinnova.",
            "on": _d(2016, 8, 31),
        },
    ],
    "challenges": [
        {
            "key": "c_utvecklingsoar",
            "title": "Från utvecklingsöar till större helhet",
            "description": (
                "Innovativt utvecklingsarbete i stora vårdorganisationer sker ofta på isolerade "
                "utvecklingsöar och når inte helheten."
            ),
            "level": "macro",
            "needs_of": ["staff"],
        },
        {
            "key": "c_strategi",
            "title": "Strategidokument som stöd för utveckling",
            "description": (
                "Chefer och personer med strategiska stödfunktioner behöver kunna använda "
                "landstingets strategidokument som stöd i det egna utvecklingsarbetet."
            ),
            "level": "meso",
            "needs_of": ["staff"],
        },
        {
            "key": "c_vardebaserad",
            "title": "Värdebaserad vård i vardagen",
            "description": (
                "Hur tillämpas s.k. värdebaserad vård lokalt, och hur sprids arbetssättet till "
                "berörda enheter?"
            ),
            "level": "micro",
            "needs_of": ["patients", "staff"],
        },
    ],
    "funding": [
        {
            "funder": "vinnova",
            "amount": Decimal("950000.00"),
            "currency": "SEK",
            "reference": "Vinnova, diarienummer 2015-03547",
        },
    ],
    "meetings": [
        {
            "key": "ws1",
            "kind": "workshop",
            "held_on": _d(2015, 9, 24),
            "place": "Umeå",
            "attending": ["ki", "nll", "vll"],
            "summary": (
                "Interaktiv workshop 1 av 5: uppstart, deltagarnas förväntningar och val av "
                "lokala utvecklingsområden. Formerna anpassas efter deltagarnas önskemål. "
                "(Datum påhittat.)"
            ),
        },
        {
            "key": "lm_nll_1",
            "kind": "local_meeting",
            "held_on": _d(2015, 10, 20),
            "place": "Luleå",
            "attending": ["nll", "ki"],
            "summary": (
                "Lokalt möte i Norrbotten: analys av strategidokument som stöd för utveckling. "
                "Forskare från KI deltog som forskarstöd. (Datum påhittat.)"
            ),
        },
        {
            "key": "lm_vll_1",
            "kind": "local_meeting",
            "held_on": _d(2015, 10, 27),
            "place": "Umeå",
            "attending": ["vll"],
            "summary": (
                "Lokalt möte i Västerbotten: insikter från nätverksträffen kopplas till befintlig "
                "struktur och satsningar. (Datum påhittat.)"
            ),
        },
        {
            "key": "ws2",
            "kind": "workshop",
            "held_on": _d(2015, 11, 26),
            "place": "Luleå",
            "attending": ["ki", "nll", "vll"],
            "summary": (
                "Interaktiv workshop 2 av 5: aktuell forskning om strategiskt utvecklingsarbete; "
                "första erfarenheterna av behandlingslinjer och värdebaserad vård. "
                "(Datum påhittat.)"
            ),
        },
        {
            "key": "lm_vll_2",
            "kind": "local_meeting",
            "held_on": _d(2016, 1, 19),
            "place": "Umeå",
            "attending": ["vll", "ki"],
            "summary": (
                "Lokalt möte i Västerbotten om en förbättrad konstruktion för värdebaserad vård; "
                "forskare deltog. (Datum påhittat.)"
            ),
        },
        {
            "key": "lm_nll_2",
            "kind": "local_meeting",
            "held_on": _d(2016, 1, 26),
            "place": "Luleå",
            "attending": ["nll"],
            "summary": (
                "Lokalt möte i Norrbotten om införandet av behandlingslinjer. (Datum påhittat.)"
            ),
        },
        {
            "key": "ws3",
            "kind": "workshop",
            "held_on": _d(2016, 2, 18),
            "place": "Stockholm",
            "attending": ["ki", "nll", "vll"],
            "summary": (
                "Interaktiv workshop 3 av 5 hos KI: hur lokala utvecklingsöar kan bli en större "
                "helhet; förslag om gemensamma indikatorer diskuterades. (Datum påhittat.)"
            ),
        },
        {
            "key": "lm_nll_3",
            "kind": "local_meeting",
            "held_on": _d(2016, 3, 15),
            "place": "Luleå",
            "attending": ["nll", "ki"],
            "summary": (
                "Lokalt möte i Norrbotten: uppföljning av behandlingslinjen; forskare deltog. "
                "(Datum påhittat.)"
            ),
        },
        {
            "key": "lm_vll_3",
            "kind": "local_meeting",
            "held_on": _d(2016, 3, 22),
            "place": "Umeå",
            "attending": ["vll"],
            "summary": (
                "Lokalt möte i Västerbotten: hur arbetssättet sprids till berörda enheter. "
                "(Datum påhittat.)"
            ),
        },
        {
            "key": "ws4",
            "kind": "workshop",
            "held_on": _d(2016, 4, 21),
            "place": "Umeå",
            "attending": ["ki", "nll", "vll"],
            "summary": (
                "Interaktiv workshop 4 av 5: spridning till berörda enheter och planering för "
                "fortsatt samverkan. (Datum påhittat.)"
            ),
        },
        {
            "key": "ws5",
            "kind": "workshop",
            "held_on": _d(2016, 6, 9),
            "place": "Luleå",
            "attending": ["ki", "nll", "vll"],
            "summary": (
                "Interaktiv workshop 5 av 5: båda landstingens deltagare presenterade modeller "
                "och 'kartor' över vad de jobbat med, hur de ser på viktiga aspekter för "
                "utveckling och hur de avser att jobba vidare. (Datum påhittat.)"
            ),
        },
    ],
    "clinics": [],
    "measures": [
        {
            "key": "m_utfallsmatt",
            "name": "Andel patienter med registrerade utfallsmått (påhittat exempel)",
            "unit": "%",
            "direction": "increase",
            "baseline": Decimal("35"),
            "target": Decimal("80"),
            "method": (
                "Andel av månadens patienter på kliniken med registrerade patientrapporterade "
                "utfallsmått; n = antal patienter. Påhittade värden."
            ),
            "values": [
                {"period": "2015-09", "value": Decimal("34"), "n": 48},
                {"period": "2015-10", "value": Decimal("36"), "n": 52},
                {"period": "2015-11", "value": Decimal("35"), "n": 50},
                {"period": "2015-12", "value": Decimal("41"), "n": 39},
                {"period": "2016-01", "value": Decimal("44"), "n": 47},
                {"period": "2016-02", "value": Decimal("47"), "n": 51},
                {"period": "2016-03", "value": Decimal("52"), "n": 49},
                {"period": "2016-04", "value": Decimal("58"), "n": 53},
                {"period": "2016-05", "value": Decimal("61"), "n": 50},
                {"period": "2016-06", "value": Decimal("63"), "n": 44},
                {"period": "2016-07", "value": Decimal("66"), "n": 31},
                {"period": "2016-08", "value": Decimal("68"), "n": 46},
            ],
            "corrections": [],
        },
        {
            "key": "m_behandlingslinje",
            "name": "Andel patienter som följer behandlingslinjen (påhittat exempel)",
            "unit": "%",
            "direction": "increase",
            "baseline": Decimal("40"),
            "target": Decimal("75"),
            "method": (
                "Journalgranskning av månadens patienter i målgruppen för behandlingslinjen; "
                "n = granskade journaler. Påhittade värden."
            ),
            "values": [
                {"period": "2015-09", "value": Decimal("40"), "n": 30},
                {"period": "2015-10", "value": Decimal("38"), "n": 30},
                {"period": "2015-11", "value": Decimal("42"), "n": 30},
                {"period": "2015-12", "value": Decimal("45"), "n": 25},
                {"period": "2016-01", "value": Decimal("50"), "n": 30},
                {"period": "2016-02", "value": Decimal("53"), "n": 30},
                {"period": "2016-03", "value": Decimal("55"), "n": 30},
                {"period": "2016-04", "value": Decimal("57"), "n": 30},
                {"period": "2016-05", "value": Decimal("60"), "n": 30},
                {"period": "2016-06", "value": Decimal("61"), "n": 28},
                {"period": "2016-07", "value": Decimal("63"), "n": 20},
                {"period": "2016-08", "value": Decimal("64"), "n": 30},
            ],
            "corrections": [
                {
                    "period": "2015-12",
                    "value": Decimal("44"),
                    "reason": "Fem journaler hade räknats två gånger; omräknat (påhittat exempel).",
                },
            ],
        },
    ],
    "experiments": [
        {
            "key": "e_vbv_1",
            "title": "Förbättrad konstruktion för värdebaserad vård, cykel 1",
            "change_idea": (
                "Utfallsmått registreras vid varje återbesök och följs upp på ett gemensamt "
                "veckomöte för läkare, sjuksköterskor och fysioterapeuter (påhittat exempel)."
            ),
            "prediction": (
                "Andelen patienter med registrerade utfallsmått ökar från 35 % till minst 50 % "
                "inom tre månader."
            ),
            "site": ("vll", "ortopedi_nus"),
            "measures": ["m_utfallsmatt"],
            "previous": None,
            "planned_end_on": _d(2016, 1, 31),
            "started": True,
            "observations": [
                {
                    "note": "Registreringen fungerar på mottagningen men glöms på avdelningen.",
                    "observed_on": _d(2015, 12, 3),
                },
                {
                    "note": "Veckomötet blir av varannan vecka; verksamhetschefen prioriterar det.",
                    "observed_on": _d(2016, 1, 14),
                },
            ],
            "study": {
                "result": "Andelen steg till 44 % i januari: en förbättring men under målet 50 %.",
                "prediction_held": "partly",
            },
            "conclusion": {
                "act": "adapt",
                "rationale": "Behåll veckomötet; flytta registreringen till inskrivningen.",
            },
        },
        {
            "key": "e_behandlingslinje",
            "title": "Införande av en behandlingslinje (påhittat exempel)",
            "change_idea": (
                "En gemensam behandlingslinje med checklista används vid inskrivning av patienter "
                "i målgruppen."
            ),
            "prediction": (
                "Andelen patienter som följer behandlingslinjen ökar från 40 % till 60 %."
            ),
            "site": ("nll", "medicin_sunderby"),
            "measures": ["m_behandlingslinje"],
            "previous": None,
            "planned_end_on": _d(2016, 6, 30),
            "started": True,
            "observations": [
                {
                    "note": "Checklistan är lätt att använda; målgruppen behövde förtydligas.",
                    "observed_on": _d(2016, 1, 20),
                },
            ],
            "study": {
                "result": "Andelen nådde 61 % i juni 2016.",
                "prediction_held": "yes",
            },
            "conclusion": {
                "act": "adopt",
                "rationale": "Behandlingslinjen blir ordinarie arbetssätt på kliniken.",
            },
        },
        {
            "key": "e_vbv_2",
            "title": "Förbättrad konstruktion för värdebaserad vård, cykel 2",
            "change_idea": (
                "Utfallsmåtten registreras redan vid inskrivningen, och ett enkelt sätt att sprida "
                "arbetssättet till berörda enheter beskrivs (påhittat exempel)."
            ),
            "prediction": "Andelen patienter med registrerade utfallsmått når minst 60 % i maj.",
            "site": ("vll", "ortopedi_nus"),
            "measures": ["m_utfallsmatt"],
            "previous": "e_vbv_1",
            "planned_end_on": _d(2016, 5, 31),
            "started": True,
            "observations": [
                {
                    "note": (
                        "Inskrivningen tar två minuter längre men ingen efterregistrering behövs."
                    ),
                    "observed_on": _d(2016, 3, 10),
                },
            ],
            "study": {
                "result": "Andelen nådde 61 % i maj 2016.",
                "prediction_held": "yes",
            },
            "conclusion": {
                "act": "adopt",
                "rationale": "Arbetssättet behålls och sprids till berörda enheter.",
            },
        },
    ],
    "lessons": [
        {
            "key": "l_strategidokument",
            "text": (
                "Strategidokumenten ger riktning men sällan stöd för hur utvecklingsarbete "
                "prioriteras; de blir användbara först när de kopplas till behandlingslinjer och "
                "lokala utvecklingsområden."
            ),
            "source_kind": "system_analysis",
            "source": None,
            "level": "meso",
            "tags": ["strategi", "styrning"],
        },
        {
            "key": "l_befintlig_struktur",
            "text": (
                "Insikter från nätverksträffarna får störst genomslag när de kopplas till "
                "befintlig struktur och pågående satsningar i stället för att bli egna projekt."
            ),
            "source_kind": "meeting",
            "source": "lm_vll_1",
            "level": "meso",
            "tags": ["struktur", "spridning"],
        },
        {
            "key": "l_vbv",
            "text": (
                "Utfallsmått registreras bäst där patienten ändå möts först; ett gemensamt "
                "veckomöte håller arbetet levande (påhittat exempel)."
            ),
            "source_kind": "experiment",
            "source": "e_vbv_1",
            "level": "micro",
            "tags": ["värdebaserad vård", "utfallsmått"],
        },
        {
            "key": "l_forskarstod",
            "text": (
                "Forskarstöd på lokala möten hjälper deltagarna att koppla det egna arbetet till "
                "aktuell forskning."
            ),
            "source_kind": "meeting",
            "source": "lm_nll_3",
            "level": "meso",
            "tags": ["forskarstöd"],
        },
        {
            "key": "l_kartor",
            "text": (
                "Modeller och 'kartor' över utvecklingsarbetet gör det möjligt för två landsting "
                "att jämföra sina angreppssätt och planera fortsatt samverkan."
            ),
            "source_kind": "meeting",
            "source": "ws5",
            "level": "macro",
            "tags": ["samverkan", "strategi"],
        },
    ],
    "decisions": [
        {
            "key": "d_arbetsformer",
            "title": "Arbetsformer för det lärande nätverket",
            "context": "Två landsting och KI startar ett lärande nätverk med bidrag från Vinnova.",
            "options": [
                "Fem interaktiva workshops på alternerande orter med lokala möten däremellan",
                "Månatliga digitala möten",
            ],
            "proposal": (
                "Fem interaktiva workshops på alternerande orter (Umeå, Luleå, Stockholm) och "
                "lokala möten om valda utvecklingsområden mellan nätverksträffarna; forskarstöd "
                "erbjuds."
            ),
            "rationale": (
                "Att träffas på plats hos varandra ger lärande om den andras organisation; de "
                "lokala mötena håller arbetet igång mellan träffarna."
            ),
            "signatories": ["ki", "nll", "vll"],
            "evidence": [{"kind": "meeting", "key": "ws1"}],
            "meeting": "ws1",
            "signoffs": [
                {"org": "ki", "stance": "approve", "comment": "Koordinatorn tillstyrker."},
                {"org": "nll", "stance": "approve", "comment": "Passar vår planering."},
                {"org": "vll", "stance": "approve", "comment": "Bra med lokala möten."},
            ],
            "amendment": None,
            "outcome": "adopted",
        },
        {
            "key": "d_gemensamma_indikatorer",
            "title": "Gemensam indikatoruppsättning för båda landstingen (påhittat exempel)",
            "context": (
                "Nätverket diskuterade om landstingen skulle följa sitt utvecklingsarbete med "
                "samma indikatorer."
            ),
            "options": ["En gemensam indikatoruppsättning", "Egna indikatorer per landsting"],
            "proposal": "Båda landstingen följer utvecklingsarbetet med samma fem indikatorer.",
            "rationale": "Gemensamma indikatorer gör det lättare att jämföra och lära.",
            "signatories": ["ki", "nll", "vll"],
            "evidence": [
                {"kind": "lesson", "key": "l_strategidokument"},
                {"kind": "lesson", "key": "l_befintlig_struktur"},
            ],
            "meeting": "ws3",
            "signoffs": [
                {"org": "vll", "stance": "approve", "comment": "Vi kan använda dem."},
                {
                    "org": "nll",
                    "stance": "object",
                    "comment": (
                        "Våra strategidokument och strukturer skiljer sig för mycket; "
                        "indikatorerna ska följa behandlingslinjerna."
                    ),
                },
                {"org": "ki", "stance": "abstain", "comment": "Koordinatorn avstår."},
            ],
            "amendment": None,
            "outcome": "rejected",
        },
        {
            "key": "d_fortsatt_samverkan",
            "title": "Fortsatt samverkan mellan landstingen efter projektet",
            "context": "Projektet slutar i augusti 2016; båda landstingen vill fortsätta lära.",
            "options": ["Fortsatt samverkan med två träffar per år", "Avsluta samverkan"],
            "proposal": (
                "Landstingen fortsätter samverka med två gemensamma träffar per år och delar "
                "sina modeller och kartor."
            ),
            "rationale": (
                "Både påbörjat och planerat strategiskt utvecklingsarbete och samverkan kan öka "
                "möjligheterna att skapa mer utvecklingsbenägna vårdorganisationer."
            ),
            "signatories": ["ki", "nll", "vll"],
            "evidence": [
                {"kind": "experiment", "key": "e_vbv_2"},
                {"kind": "lesson", "key": "l_kartor"},
                {"kind": "meeting", "key": "ws5"},
                {"kind": "decision", "key": "d_arbetsformer"},
            ],
            "meeting": "ws5",
            "signoffs": [
                {"org": "nll", "stance": "approve", "comment": "Vi fortsätter gärna."},
                {"org": "vll", "stance": "approve", "comment": "Instämmer."},
                {"org": "ki", "stance": "approve", "comment": "KI erbjuder fortsatt forskarstöd."},
            ],
            "amendment": None,
            "outcome": "adopted",
        },
    ],
    "scale_ups": [
        {
            "key": "su_vbv",
            "practice": (
                "Utfallsmått registreras vid inskrivningen och följs upp på ett gemensamt "
                "veckomöte (värdebaserad vård)."
            ),
            "origin": "e_vbv_2",
            "target_units": [
                ("vll", "ortopedi_nus"),
                ("vll", "ortopedi_skelleftea"),
                ("vll", "ortopedi_lycksele"),
            ],
            "adoptions": [
                {"unit": ("vll", "ortopedi_nus"), "stage": "adopted", "note": "Ursprungsenheten."},
                {"unit": ("vll", "ortopedi_skelleftea"), "stage": "planned", "note": ""},
                {"unit": ("vll", "ortopedi_lycksele"), "stage": "planned", "note": ""},
                {
                    "unit": ("vll", "ortopedi_skelleftea"),
                    "stage": "preparing",
                    "note": "Verksamhetschefen har utsett en kontaktperson.",
                },
                {
                    "unit": ("vll", "ortopedi_skelleftea"),
                    "stage": "piloting",
                    "note": "Testas på mottagningen under sommaren.",
                },
                {
                    "unit": ("vll", "ortopedi_lycksele"),
                    "stage": "preparing",
                    "note": "Utbildning av personalen planerad till hösten.",
                },
            ],
        },
    ],
    "agreements": [],
}


# -- 001: Arena för lärande och experimentering Nära vård ---------------------------------------
# Seed facts: published 22 June 2020; initiators Experio Lab Sverige, SKR, CTF at Karlstads
# universitet, design at Linköpings universitet and Helsingborgs stad; regions and municipalities
# of one area bring a shared complex challenge (young people's mental ill-health, frail
# multimorbid elderly); methods and facilitation in design and data-driven change; work from the
# needs, experiences and resources of patients, users and staff; staff, managers and lawyers take
# part; joint interventions and experiments; lessons from system analyses, experiments and
# interventions at micro, meso and macro level, in regular dialogue. The region, the dates, the
# experiments and the measures are invented.

NARA_VARD: Partnership = {
    "key": "nara_vard_arena",
    "title": "Arena för lärande och experimentering Nära vård",
    "kind": "lab",
    "purpose": (
        "En neutral arena där regioner och kommuner tillsammans med andra aktörer samskapar, "
        "utvecklar nya arbetssätt och drar lärdomar om hur man jobbar med komplexa utmaningar "
        "kopplade till hälsa och utvecklingen av en Nära vård – genom görande men också genom "
        "utveckling av styrning och ledning, policy och kultur som kan stödja omställningen."
    ),
    "goals": [
        "Nya insikter hos regioner, kommuner, SKR och andra aktörer om möjligheter och hinder på "
        "mikro-, meso- och makronivå för omställningen till Nära vård.",
        "Ökad kunskap och erfarenhet om förhållningssätt, arbetssätt och metoder för att arbeta "
        "med komplexa utmaningar kopplade till utvecklingen av en Nära vård.",
        "Stärkta relationer och arbetssätt mellan regioner och kommuner och andra aktörer.",
    ],
    "coordinator": "experio",
    "starts_on": _d(2020, 6, 22),
    "ends_on": None,
    "members": [
        {"org": "experio", "role": "coordinator", "joined_on": _d(2020, 6, 22)},
        {"org": "skr", "role": "partner", "joined_on": _d(2020, 6, 22)},
        {"org": "kau", "role": "partner", "joined_on": _d(2020, 6, 22)},
        {"org": "liu", "role": "partner", "joined_on": _d(2020, 6, 22)},
        {"org": "helsingborg", "role": "partner", "joined_on": _d(2020, 6, 22)},
        {"org": "region_sundet", "role": "partner", "joined_on": _d(2020, 9, 1)},
    ],
    "phases": [
        {
            "phase": "understand",
            "rationale": (
                "Systemanalys av den gemensamma utmaningen utifrån patienters, brukares och "
                "medarbetares behov, erfarenheter och resurser."
            ),
            "on": _d(2020, 9, 1),
        },
        {
            "phase": "redesign",
            "rationale": (
                "Region och kommun genomför gemensamma interventioner och experiment för att testa "
                "nya arbets- och förhållningssätt."
            ),
            "on": _d(2021, 2, 1),
        },
        {
            "phase": "scale_up",
            "rationale": (
                "Det som fungerade i första skolområdet sprids till fler (påhittat exempel)."
            ),
            "on": _d(2021, 9, 1),
        },
    ],
    "status_changes": [
        {
            "status": "active",
            "reason": "Arenan startas som en del av SKR:s stöd till omställningen till Nära vård.",
            "on": _d(2020, 6, 22),
        },
    ],
    "challenges": [
        {
            "key": "c_unga",
            "title": "Ökad psykisk ohälsa bland unga",
            "description": (
                "Region och kommun i samma geografiska område deltar med en gemensam komplex "
                "utmaning: unga med psykisk ohälsa hamnar mellan elevhälsan och regionens första "
                "linje (påhittat exempel på hur utmaningen ser ut lokalt)."
            ),
            "level": "meso",
            "needs_of": ["patients", "users", "relatives", "staff"],
        },
        {
            "key": "c_aldre",
            "title": "Omhändertagande av multisjuka äldre",
            "description": (
                "Multisjuka äldre möter många aktörer hos två huvudmän; ansvar och information "
                "delas upp efter organisation i stället för efter behov."
            ),
            "level": "macro",
            "needs_of": ["patients", "relatives", "staff"],
        },
    ],
    "funding": [],
    "meetings": [
        {
            "key": "m_uppstart",
            "kind": "workshop",
            "held_on": _d(2020, 9, 15),
            "place": "Digitalt (videomöte)",
            "attending": ["experio", "skr", "kau", "liu", "helsingborg", "region_sundet"],
            "summary": (
                "Uppstart av arenan: region och kommun presenterar sin gemensamma utmaning; "
                "metoder och facilitering inom design och datadrivet förändringsarbete "
                "presenteras. (Datum påhittat.)"
            ),
        },
        {
            "key": "m_systemanalys",
            "kind": "workshop",
            "held_on": _d(2020, 11, 10),
            "place": "Helsingborg",
            "attending": ["experio", "liu", "helsingborg", "region_sundet"],
            "summary": (
                "Systemanalys med medarbetare, chefer och jurister från båda huvudmännen: var "
                "fastnar unga som söker hjälp? (Påhittat exempel.)"
            ),
        },
        {
            "key": "m_lardialog_1",
            "kind": "seminar",
            "held_on": _d(2021, 1, 20),
            "place": "Digitalt (videomöte)",
            "attending": ["experio", "skr", "kau", "liu", "helsingborg", "region_sundet"],
            "summary": (
                "Lärdialog med kommuner, regioner, forskare och SKR om hinder på mikro-, meso- "
                "och makronivå. (Datum påhittat.)"
            ),
        },
        {
            "key": "m_studie_1",
            "kind": "local_meeting",
            "held_on": _d(2021, 4, 14),
            "place": "Helsingborg",
            "attending": ["experio", "helsingborg", "region_sundet"],
            "summary": (
                "Studie av första experimentcykeln: drop-in fungerar, men informationsdelningen "
                "mellan huvudmännen behöver lösas. (Påhittat exempel.)"
            ),
        },
        {
            "key": "m_lardialog_2",
            "kind": "seminar",
            "held_on": _d(2021, 6, 9),
            "place": "Digitalt (videomöte)",
            "attending": ["experio", "skr", "kau", "liu", "helsingborg", "region_sundet"],
            "summary": (
                "Lärdialog: vad betyder experimenten för styrning och ledning, policy och "
                "kultur? (Datum påhittat.)"
            ),
        },
        {
            "key": "m_lardialog_3",
            "kind": "seminar",
            "held_on": _d(2021, 10, 13),
            "place": "Karlstad",
            "attending": ["experio", "skr", "kau", "liu", "helsingborg", "region_sundet"],
            "summary": (
                "Lärdialog hos CTF: lärdomar om relationer och arbetssätt mellan region och "
                "kommun; nästa utmaning, multisjuka äldre, förbereds. (Datum påhittat.)"
            ),
        },
    ],
    "clinics": [],
    "measures": [
        {
            "key": "m_vantetid",
            "name": "Dagar från första kontakt till första samtal för unga (påhittat exempel)",
            "unit": "dagar",
            "direction": "decrease",
            "baseline": Decimal("28"),
            "target": Decimal("7"),
            "method": (
                "Median av antal dagar från första kontakt med elevhälsan till första samtal hos "
                "elevhälsan eller första linjen, per månad; n = antal unga. Påhittade värden."
            ),
            "values": [
                {"period": "2020-10", "value": Decimal("29"), "n": 22},
                {"period": "2020-11", "value": Decimal("28"), "n": 25},
                {"period": "2020-12", "value": Decimal("30"), "n": 18},
                {"period": "2021-01", "value": Decimal("27"), "n": 24},
                {"period": "2021-02", "value": Decimal("22"), "n": 26},
                {"period": "2021-03", "value": Decimal("19"), "n": 27},
                {"period": "2021-04", "value": Decimal("18"), "n": 23},
                {"period": "2021-05", "value": Decimal("14"), "n": 25},
                {"period": "2021-06", "value": Decimal("12"), "n": 19},
                {"period": "2021-07", "value": Decimal("11"), "n": 8},
                {"period": "2021-08", "value": Decimal("10"), "n": 17},
                {"period": "2021-09", "value": Decimal("9"), "n": 28},
                {"period": "2021-10", "value": Decimal("10"), "n": 26},
                {"period": "2021-11", "value": Decimal("9"), "n": 27},
            ],
            "corrections": [],
        },
        {
            "key": "m_ratt_hjalp",
            "name": "Andel unga som upplever att de fått rätt hjälp (påhittat exempel)",
            "unit": "%",
            "direction": "increase",
            "baseline": Decimal("52"),
            "target": Decimal("75"),
            "method": "Kort enkät efter första samtalet, per kvartal; n = svar. Påhittade värden.",
            "values": [
                {"period": "2020-12", "value": Decimal("52"), "n": 41},
                {"period": "2021-03", "value": Decimal("55"), "n": 47},
                {"period": "2021-06", "value": Decimal("61"), "n": 44},
                {"period": "2021-09", "value": Decimal("66"), "n": 39},
                {"period": "2021-12", "value": Decimal("68"), "n": 46},
            ],
            "corrections": [],
        },
    ],
    "experiments": [
        {
            "key": "e_dropin_1",
            "title": "Gemensam drop-in för unga, cykel 1 (påhittat exempel)",
            "change_idea": (
                "Elevhälsan och regionens första linje tar emot unga tillsammans på skolan en "
                "eftermiddag i veckan."
            ),
            "prediction": "Väntetiden till första samtal minskar från 28 till under 20 dagar.",
            "site": ("helsingborg", "elevhalsan_centrum"),
            "measures": ["m_vantetid", "m_ratt_hjalp"],
            "previous": None,
            "planned_end_on": _d(2021, 4, 30),
            "started": True,
            "observations": [
                {
                    "note": "Många unga kommer med en kompis; skolkuratorn möter dem först.",
                    "observed_on": _d(2021, 2, 24),
                },
                {
                    "note": (
                        "Första linjen kan inte ta del av elevhälsans anteckningar utan samtycke."
                    ),
                    "observed_on": _d(2021, 3, 17),
                },
            ],
            "study": {
                "result": "Väntetiden sjönk till 18 dagar i april; informationsdelningen bromsar.",
                "prediction_held": "yes",
            },
            "conclusion": {
                "act": "adapt",
                "rationale": "Utöka till två eftermiddagar och lös samtycket först.",
            },
        },
        {
            "key": "e_dropin_2",
            "title": "Gemensam drop-in för unga, cykel 2 (påhittat exempel)",
            "change_idea": (
                "Drop-in två eftermiddagar i veckan, gemensam bokning och samtycke inhämtat vid "
                "första mötet."
            ),
            "prediction": "Väntetiden till första samtal understiger 12 dagar i augusti.",
            "site": ("helsingborg", "elevhalsan_centrum"),
            "measures": ["m_vantetid", "m_ratt_hjalp"],
            "previous": "e_dropin_1",
            "planned_end_on": _d(2021, 8, 31),
            "started": True,
            "observations": [
                {
                    "note": "Samtycke vid första mötet fungerar; få tackar nej.",
                    "observed_on": _d(2021, 5, 19),
                },
            ],
            "study": {
                "result": "Väntetiden var 10 dagar i augusti 2021.",
                "prediction_held": "yes",
            },
            "conclusion": {
                "act": "adopt",
                "rationale": "Arbetssättet behålls och erbjuds fler skolområden.",
            },
        },
        {
            "key": "e_aldre_1",
            "title": "Samordnad hemsjukvård för multisjuka äldre (påhittat exempel)",
            "change_idea": (
                "Vårdcentralens distriktssköterska och kommunens hemsjukvård gör gemensamma "
                "hembesök för multisjuka äldre."
            ),
            "prediction": "Färre akuta besök på sjukhus bland de äldre som ingår.",
            "site": ("region_sundet", "vc_sundet"),
            "measures": [],
            "previous": None,
            "planned_end_on": _d(2022, 3, 31),
            "started": False,
            "observations": [],
            "study": None,
            "conclusion": None,
        },
    ],
    "lessons": [
        {
            "key": "l_mikro_mota_dar",
            "text": (
                "Unga vill mötas där de redan är: på skolan, gärna med en kompis och utan "
                "remiss (påhittat exempel)."
            ),
            "source_kind": "experiment",
            "source": "e_dropin_1",
            "level": "micro",
            "tags": ["unga", "psykisk ohälsa", "tillgänglighet"],
        },
        {
            "key": "l_makro_sekretess",
            "text": (
                "Sekretessen mellan huvudmännen gör att information inte följer den unge; "
                "lösningen måste byggas på samtycke (påhittat exempel)."
            ),
            "source_kind": "system_analysis",
            "source": None,
            "level": "macro",
            "tags": ["juridik", "informationsdelning"],
        },
        {
            "key": "l_meso_mandat",
            "text": (
                "Cheferna hos båda huvudmännen måste ge medarbetarna mandat att pröva nytt "
                "tillsammans, annars stannar experimentet (påhittat exempel)."
            ),
            "source_kind": "meeting",
            "source": "m_studie_1",
            "level": "meso",
            "tags": ["ledning", "styrning"],
        },
        {
            "key": "l_meso_relationer",
            "text": (
                "Gemensamt görande stärker relationerna mellan region och kommun mer än "
                "gemensamma planer (påhittat exempel)."
            ),
            "source_kind": "meeting",
            "source": "m_lardialog_2",
            "level": "meso",
            "tags": ["relationer", "kultur"],
        },
    ],
    "decisions": [
        {
            "key": "d_gemensam_utmaning",
            "title": "Arenans första gemensamma utmaning: ökad psykisk ohälsa bland unga",
            "context": "Region och kommun deltar med en gemensam komplex utmaning.",
            "options": ["Ökad psykisk ohälsa bland unga", "Omhändertagande av multisjuka äldre"],
            "proposal": (
                "Arenan börjar med ökad psykisk ohälsa bland unga; multisjuka äldre tas upp som "
                "nästa utmaning."
            ),
            "rationale": "Båda huvudmännen ser utmaningen i sina verksamheter just nu.",
            "signatories": ["experio", "skr", "helsingborg", "region_sundet"],
            "evidence": [{"kind": "meeting", "key": "m_uppstart"}],
            "meeting": "m_uppstart",
            "signoffs": [
                {"org": "helsingborg", "stance": "approve", "comment": "Elevhälsan är redo."},
                {"org": "region_sundet", "stance": "approve", "comment": "Första linjen deltar."},
                {"org": "skr", "stance": "approve", "comment": ""},
                {"org": "experio", "stance": "approve", "comment": "Koordinatorn tillstyrker."},
            ],
            "amendment": None,
            "outcome": "adopted",
        },
        {
            "key": "d_informationsdelning",
            "title": "Informationsdelning vid gemensam drop-in (påhittat exempel)",
            "context": (
                "I första experimentcykeln kunde första linjen inte ta del av elevhälsans "
                "anteckningar."
            ),
            "options": [
                "Dela anteckningar mellan elevhälsan och första linjen",
                "Dela endast med den unges samtycke",
                "Ingen informationsdelning",
            ],
            "proposal": (
                "Elevhälsan och första linjen delar anteckningar om unga som besöker drop-in."
            ),
            "rationale": "Den unge ska slippa berätta sin historia två gånger.",
            "signatories": ["experio", "helsingborg", "region_sundet"],
            "evidence": [
                {"kind": "experiment", "key": "e_dropin_1"},
                {"kind": "measure", "key": "m_vantetid"},
                {"kind": "lesson", "key": "l_makro_sekretess"},
            ],
            "meeting": "m_studie_1",
            "signoffs": [
                {"org": "helsingborg", "stance": "approve", "comment": ""},
                {
                    "org": "region_sundet",
                    "stance": "object",
                    "comment": (
                        "Regionens jurister: förslaget saknar stöd för att dela uppgifter utan "
                        "samtycke."
                    ),
                },
                # The amendment comes here and voids the two sign-offs above.
                {"org": "region_sundet", "stance": "approve", "comment": "Juristerna godkänner."},
                {"org": "helsingborg", "stance": "approve", "comment": ""},
                {"org": "experio", "stance": "approve", "comment": "Koordinatorn tillstyrker."},
            ],
            "amendment": {
                "changes": {
                    "proposal": (
                        "Elevhälsan och första linjen delar anteckningar om unga som besöker "
                        "drop-in, endast med den unges samtycke (och vårdnadshavares när det "
                        "krävs)."
                    ),
                },
                "reason": "Ändrat efter invändning från regionens jurister.",
                "after_signoffs": 2,
            },
            "outcome": "adopted",
        },
    ],
    "scale_ups": [
        {
            "key": "su_dropin",
            "practice": "Gemensam drop-in för unga två eftermiddagar i veckan, med samtycke.",
            "origin": "e_dropin_2",
            "target_units": [
                ("helsingborg", "elevhalsan_centrum"),
                ("helsingborg", "elevhalsan_norr"),
                ("helsingborg", "elevhalsan_soder"),
            ],
            "adoptions": [
                {
                    "unit": ("helsingborg", "elevhalsan_centrum"),
                    "stage": "adopted",
                    "note": "Ursprungsenheten.",
                },
                {"unit": ("helsingborg", "elevhalsan_norr"), "stage": "planned", "note": ""},
                {"unit": ("helsingborg", "elevhalsan_soder"), "stage": "planned", "note": ""},
                {
                    "unit": ("helsingborg", "elevhalsan_norr"),
                    "stage": "preparing",
                    "note": "Lokaler på skolan ordnade.",
                },
                {
                    "unit": ("helsingborg", "elevhalsan_soder"),
                    "stage": "dropped",
                    "note": (
                        "Ingen skolkurator under hösten; tas upp igen senare (påhittat exempel)."
                    ),
                },
                {
                    "unit": ("helsingborg", "elevhalsan_norr"),
                    "stage": "piloting",
                    "note": "En eftermiddag i veckan till att börja med.",
                },
                {
                    "unit": ("helsingborg", "elevhalsan_centrum"),
                    "stage": "sustained",
                    "note": "Ingår i ordinarie schema sedan höstterminen.",
                },
            ],
        },
    ],
    "agreements": [],
}


# -- 002: Forbedringsnettverk Lofoten (Norwegian) -----------------------------------------------
# Seed facts: project owner USHT Nordland; for managers in the hospital and the municipalities of
# Lofoten; four network gatherings a year with short knowledge top-ups from regional, national
# and international resource persons, guidance in groups, own improvement work at the workplace,
# social interaction. Results after one year: 80–90 % think the network is on track; 90–100 %
# say the goals matter somewhat or greatly for continuing; self-assessed knowledge +4 %;
# kunnskapssenterets nettsider 55 % (+38 → baseline 17); helsedirektoratets nettsider 48 %
# (+15 → baseline 33); no more room to prioritise quality work; improvement model with the
# quality wheel 76 % (+22 → baseline 54); flowcharts 62 % (+33 → baseline 29); measurements +8 %,
# staff initiatives +5 %; involvement mostly unchanged. Presented at Kvalitetskonferansen 2013;
# a scientific article is planned. Increases are read as percentage points. The start date
# (February 2012), the places, n and the targets are invented.

_SURVEY_METHOD = (
    "Spørreundersøkelse blant deltakerne ved oppstart (baseline) og etter ett år; verdien er "
    "andel deltakere i prosent. Antall svar (n) og målverdi er oppdiktet."
)
_SURVEY_CHANGE_METHOD = (
    "Spørreundersøkelse blant deltakerne ved oppstart og etter ett år; kilden oppgir bare "
    "endringen fra baseline, i prosentpoeng. Antall svar (n) og målverdi er oppdiktet."
)

LOFOTEN: Partnership = {
    "key": "forbedringsnettverk_lofoten",
    "title": "Forbedringsnettverk Lofoten",
    "kind": "improvement_network",
    "purpose": (
        "Et nettverk for helseledere, leger og andre med interesse for forbedring og utvikling "
        "av helsetjenestene i Lofoten, rettet primært mot ledere i sykehuset og kommunene i "
        "Lofoten, for å øke kapasiteten deres til å forbedre og utvikle virksomhetene de har "
        "ansvar for."
    ),
    "goals": [
        "Bidra til utvikling av forbedrings- og lederkompetanse.",
        "Bidra til at den enkelte får hjelp til eget forbedringsarbeid gjennom deling og dialog.",
        "Utvikle bedre kontakt mellom deltakerne.",
    ],
    "coordinator": "usht",
    "starts_on": _d(2012, 2, 1),
    "ends_on": None,
    "members": [
        {"org": "usht", "role": "coordinator", "joined_on": _d(2012, 2, 1)},
        {"org": "nlsh", "role": "partner", "joined_on": _d(2012, 2, 1)},
        {"org": "vagan", "role": "partner", "joined_on": _d(2012, 2, 1)},
        {"org": "vestvagoy", "role": "partner", "joined_on": _d(2012, 2, 1)},
        {"org": "flakstad", "role": "partner", "joined_on": _d(2012, 2, 1)},
        {"org": "moskenes", "role": "partner", "joined_on": _d(2012, 2, 1)},
        {"org": "vaeroy", "role": "partner", "joined_on": _d(2012, 2, 1)},
        {"org": "rost", "role": "partner", "joined_on": _d(2012, 2, 1)},
    ],
    "phases": [
        {
            "phase": "understand",
            "rationale": (
                "Baselinekartlegging av deltakernes kunnskaper, bruk av metoder og verktøy og "
                "involvering, med en spørreundersøkelse ved oppstart."
            ),
            "on": _d(2012, 2, 1),
        },
        {
            "phase": "redesign",
            "rationale": (
                "Deltakerne gjennomfører eget forbedringsarbeid på egne arbeidsplasser, både på "
                "og mellom nettverkssamlingene."
            ),
            "on": _d(2012, 5, 1),
        },
        {
            "phase": "scale_up",
            "rationale": (
                "Spredning: nettverket presenteres på Kvalitetskonferansen 2013, og det som "
                "virket tas i bruk i flere kommuner."
            ),
            "on": _d(2013, 3, 1),
        },
    ],
    "status_changes": [
        {
            "status": "active",
            "reason": "Nettverket starter; det er senere implementert som en pågående aktivitet.",
            "on": _d(2012, 2, 1),
        },
    ],
    "challenges": [
        {
            "key": "c_tid_kompetanse",
            "title": "Ledere mangler tid og kompetanse",
            "description": (
                "Ledere i kommuner og sykehus opplever i stor grad at de ikke har tilstrekkelig "
                "tid og kompetanse til å løse alle oppgavene."
            ),
            "level": "meso",
            "needs_of": ["staff"],
        },
        {
            "key": "c_pasientforlop",
            "title": "Samarbeid rundt pasientforløp",
            "description": (
                "Deltakerne samarbeider til daglig rundt pasientforløp mellom sykehus og "
                "kommuner, men har lite kontakt med hverandre utover det."
            ),
            "level": "meso",
            "needs_of": ["patients", "staff"],
        },
    ],
    "funding": [],
    "meetings": [
        {
            "key": "m_samling_1",
            "kind": "network_gathering",
            "held_on": _d(2012, 2, 15),
            "place": "Leknes",
            "attending": [
                "usht",
                "nlsh",
                "vagan",
                "vestvagoy",
                "flakstad",
                "moskenes",
                "vaeroy",
                "rost",
            ],
            "summary": (
                "Første nettverkssamling: baselineundersøkelse, kunnskapspåfyll om "
                "forbedringsmodellen og valg av eget forbedringsarbeid. (Dato og sted oppdiktet.)"
            ),
        },
        {
            "key": "m_samling_2",
            "kind": "network_gathering",
            "held_on": _d(2012, 5, 10),
            "place": "Svolvær",
            "attending": [
                "usht",
                "nlsh",
                "vagan",
                "vestvagoy",
                "flakstad",
                "moskenes",
                "vaeroy",
                "rost",
            ],
            "summary": (
                "Kort kunnskapspåfyll fra en nasjonal ressursperson om ledelse og "
                "kvalitetsforbedring; gruppearbeid med veiledning på eget forbedringsarbeid. "
                "(Dato og sted oppdiktet.)"
            ),
        },
        {
            "key": "m_samling_3",
            "kind": "network_gathering",
            "held_on": _d(2012, 9, 13),
            "place": "Gravdal",
            "attending": [
                "usht",
                "nlsh",
                "vagan",
                "vestvagoy",
                "flakstad",
                "moskenes",
                "vaeroy",
                "rost",
            ],
            "summary": (
                "Internasjonal ressursperson om flytskjema og målinger; deltakere som samarbeider "
                "rundt pasientforløp arbeider i samme gruppe. (Dato og sted oppdiktet.)"
            ),
        },
        {
            "key": "m_samling_4",
            "kind": "network_gathering",
            "held_on": _d(2012, 11, 22),
            "place": "Svolvær",
            "attending": ["usht", "nlsh", "vagan", "vestvagoy", "flakstad", "moskenes", "rost"],
            "summary": (
                "Deltakerne deler resultater fra eget forbedringsarbeid; regional ressursperson om "
                "ledelse av forbedringsarbeid. (Dato og sted oppdiktet.)"
            ),
        },
    ],
    "clinics": [],
    "measures": [
        {
            "key": "m_kunnskapssenteret",
            "name": "Bruker kunnskapssenterets nettsider",
            "unit": "%",
            "direction": "increase",
            "baseline": Decimal("17"),
            "target": Decimal("60"),
            "method": _SURVEY_METHOD,
            "values": [
                {"period": "2012-02", "value": Decimal("17"), "n": 26},
                {"period": "2013-02", "value": Decimal("55"), "n": 23},
            ],
            "corrections": [],
        },
        {
            "key": "m_helsedirektoratet",
            "name": "Bruker helsedirektoratets nettsider",
            "unit": "%",
            "direction": "increase",
            "baseline": Decimal("33"),
            "target": Decimal("60"),
            "method": _SURVEY_METHOD,
            "values": [
                {"period": "2012-02", "value": Decimal("33"), "n": 26},
                {"period": "2013-02", "value": Decimal("48"), "n": 23},
            ],
            "corrections": [],
        },
        {
            "key": "m_forbedringsmodellen",
            "name": "Bruker forbedringsmodellen med kvalitetshjulet",
            "unit": "%",
            "direction": "increase",
            "baseline": Decimal("54"),
            "target": Decimal("80"),
            "method": _SURVEY_METHOD,
            "values": [
                {"period": "2012-02", "value": Decimal("54"), "n": 26},
                {"period": "2013-02", "value": Decimal("76"), "n": 23},
            ],
            "corrections": [],
        },
        {
            "key": "m_flytskjema",
            "name": "Bruker flytskjema",
            "unit": "%",
            "direction": "increase",
            "baseline": Decimal("29"),
            "target": Decimal("70"),
            "method": _SURVEY_METHOD,
            "values": [
                {"period": "2012-02", "value": Decimal("29"), "n": 26},
                {"period": "2013-02", "value": Decimal("62"), "n": 23},
            ],
            "corrections": [],
        },
        {
            "key": "m_kunnskap_endring",
            "name": "Egenvurdert kunnskap om systematisk forbedringsarbeid, endring fra baseline",
            "unit": "prosentpoeng",
            "direction": "increase",
            "baseline": Decimal("0"),
            "target": Decimal("10"),
            "method": _SURVEY_CHANGE_METHOD,
            "values": [
                {"period": "2012-02", "value": Decimal("0"), "n": 26},
                {"period": "2013-02", "value": Decimal("4"), "n": 23},
            ],
            "corrections": [],
        },
        {
            "key": "m_malinger_endring",
            "name": "Gjør målinger knyttet til forbedringsarbeid, endring fra baseline",
            "unit": "prosentpoeng",
            "direction": "increase",
            "baseline": Decimal("0"),
            "target": Decimal("15"),
            "method": _SURVEY_CHANGE_METHOD,
            "values": [
                {"period": "2012-02", "value": Decimal("0"), "n": 26},
                {"period": "2013-02", "value": Decimal("8"), "n": 23},
            ],
            "corrections": [],
        },
        {
            "key": "m_initiativ_endring",
            "name": "Ansatte tar initiativ til forbedringsarbeid, endring fra baseline",
            "unit": "prosentpoeng",
            "direction": "increase",
            "baseline": Decimal("0"),
            "target": Decimal("10"),
            "method": _SURVEY_CHANGE_METHOD,
            "values": [
                {"period": "2012-02", "value": Decimal("0"), "n": 26},
                {"period": "2013-02", "value": Decimal("5"), "n": 23},
            ],
            "corrections": [],
        },
        {
            "key": "m_prioritere_endring",
            "name": "Ser mulighet til å prioritere kvalitetsarbeid, endring fra baseline",
            "unit": "prosentpoeng",
            "direction": "increase",
            "baseline": Decimal("0"),
            "target": Decimal("10"),
            "method": (
                _SURVEY_CHANGE_METHOD + " Kilden: ingen økning etter ett år; 0 er vår lesning."
            ),
            "values": [
                {"period": "2012-02", "value": Decimal("0"), "n": 26},
                {"period": "2013-02", "value": Decimal("0"), "n": 23},
            ],
            "corrections": [],
        },
        {
            "key": "m_komplett_info",
            "name": (
                "Andel utskrivninger der hjemmetjenesten hadde komplett informasjon før pasienten "
                "kom hjem (oppdiktet eksempel)"
            ),
            "unit": "%",
            "direction": "increase",
            "baseline": Decimal("58"),
            "target": Decimal("90"),
            "method": (
                "Hjemmetjenesten krysser av ved hvert mottak; n = antall utskrivninger i måneden. "
                "Oppdiktede verdier."
            ),
            "values": [
                {"period": "2012-03", "value": Decimal("57"), "n": 21},
                {"period": "2012-04", "value": Decimal("59"), "n": 17},
                {"period": "2012-05", "value": Decimal("56"), "n": 18},
                {"period": "2012-06", "value": Decimal("63"), "n": 19},
                {"period": "2012-07", "value": Decimal("67"), "n": 15},
                {"period": "2012-08", "value": Decimal("71"), "n": 14},
                {"period": "2012-09", "value": Decimal("74"), "n": 19},
                {"period": "2012-10", "value": Decimal("78"), "n": 23},
                {"period": "2012-11", "value": Decimal("81"), "n": 21},
                {"period": "2012-12", "value": Decimal("83"), "n": 18},
                {"period": "2013-01", "value": Decimal("85"), "n": 20},
                {"period": "2013-02", "value": Decimal("86"), "n": 22},
            ],
            "corrections": [
                {
                    "period": "2012-07",
                    "value": Decimal("64"),
                    "reason": "To mottak var registrert i feil måned (oppdiktet eksempel).",
                },
            ],
        },
    ],
    "experiments": [
        {
            "key": "e_flytskjema_1",
            "title": "Flytskjema for mottak av utskrevne pasienter, syklus 1 (oppdiktet eksempel)",
            "change_idea": (
                "Hjemmetjenesten og sengeposten tegner et felles flytskjema for utskrivning og "
                "bruker det ved hvert mottak."
            ),
            "prediction": "Andelen mottak med komplett informasjon øker fra 58 % til 70 %.",
            "site": ("vestvagoy", "hjemmetjeneste"),
            "measures": ["m_komplett_info"],
            "previous": None,
            "planned_end_on": _d(2012, 8, 31),
            "started": True,
            "observations": [
                {
                    "note": "Flytskjemaet viste tre overleveringer der informasjon går tapt.",
                    "observed_on": _d(2012, 6, 7),
                },
                {
                    "note": "Sommervikarene kjente ikke flytskjemaet.",
                    "observed_on": _d(2012, 7, 19),
                },
            ],
            "study": {
                "result": "Andelen steg til 71 % i august, men falt i ferien.",
                "prediction_held": "partly",
            },
            "conclusion": {
                "act": "adapt",
                "rationale": "Legg til en sjekkliste og en fast kontaktperson på sykehuset.",
            },
        },
        {
            "key": "e_flytskjema_2",
            "title": (
                "Flytskjema med sjekkliste og fast kontaktperson, syklus 2 (oppdiktet eksempel)"
            ),
            "change_idea": (
                "Sjekkliste ved utskrivning og en fast kontaktperson på sengeposten for "
                "hjemmetjenesten."
            ),
            "prediction": "Andelen mottak med komplett informasjon når 80 % innen november.",
            "site": ("vestvagoy", "hjemmetjeneste"),
            "measures": ["m_komplett_info"],
            "previous": "e_flytskjema_1",
            "planned_end_on": _d(2012, 12, 31),
            "started": True,
            "observations": [
                {
                    "note": "Kontaktpersonen ringes før hver utskrivning; få misforståelser.",
                    "observed_on": _d(2012, 10, 11),
                },
            ],
            "study": {
                "result": "Andelen var 81 % i november og 83 % i desember.",
                "prediction_held": "yes",
            },
            "conclusion": {
                "act": "adopt",
                "rationale": "Arbeidsmåten beholdes og tilbys de andre kommunene.",
            },
        },
        {
            "key": "e_tavlemote",
            "title": "Forbedringstavle med kvalitetshjulet på sengeposten (oppdiktet eksempel)",
            "change_idea": (
                "Ukentlig tavlemøte der sengeposten følger sine forbedringstiltak med "
                "kvalitetshjulet (planlegge, utføre, kontrollere, handle)."
            ),
            "prediction": "Flere ansatte tar initiativ til forbedringsarbeid.",
            "site": ("nlsh", "lofoten_med"),
            "measures": ["m_komplett_info"],
            "previous": None,
            "planned_end_on": _d(2013, 6, 30),
            "started": True,
            "observations": [
                {
                    "note": "Seks forslag fra ansatte på de første fire tavlemøtene.",
                    "observed_on": _d(2013, 2, 14),
                },
            ],
            "study": {
                "result": (
                    "Flere forslag fra ansatte, men bare to ble fulgt opp før neste tavlemøte."
                ),
                "prediction_held": "partly",
            },
            "conclusion": None,
        },
    ],
    "lessons": [
        {
            "key": "l_god_rute",
            "text": (
                "Etter ett år melder 80–90 % av deltakerne at nettverket er i god rute for "
                "måloppnåelse, og 90–100 % angir at kunnskapsbygging, gjennomføring av "
                "forbedringsarbeid og kontakt med andre ledere har noe eller stor betydning for "
                "videre deltakelse."
            ),
            "source_kind": "system_analysis",
            "source": None,
            "level": "meso",
            "tags": ["resultater etter ett år", "spørreundersøkelse"],
        },
        {
            "key": "l_kunnskap",
            "text": (
                "Svak økning (4 %) i egenvurdert kunnskap om systematisk forbedringsarbeid, men "
                "jevn økning i bruk av kunnskapsressurser: 55 % bruker kunnskapssenterets "
                "nettsider (økning på 38 % fra baseline), 48 % helsedirektoratets nettsider "
                "(økning på 15 % fra baseline)."
            ),
            "source_kind": "system_analysis",
            "source": None,
            "level": "micro",
            "tags": ["kunnskap", "spørreundersøkelse"],
        },
        {
            "key": "l_verktoy",
            "text": (
                "Bruken av metoder og verktøy har økt: 76 % bruker forbedringsmodellen med "
                "kvalitetshjulet (22 % flere enn baseline) og 62 % flytskjema (33 % flere enn "
                "baseline)."
            ),
            "source_kind": "system_analysis",
            "source": None,
            "level": "micro",
            "tags": ["metoder", "verktøy", "spørreundersøkelse"],
        },
        {
            "key": "l_prioritering",
            "text": (
                "Deltakerne ser ikke i større grad mulighet til å prioritere kvalitetsarbeid "
                "etter ett års deltakelse. Noe økning i målinger (8 % mer) og i at ansatte tar "
                "initiativ (5 % mer); ellers stort sett uforandret involvering."
            ),
            "source_kind": "system_analysis",
            "source": None,
            "level": "macro",
            "tags": ["prioritering", "involvering", "spørreundersøkelse"],
        },
        {
            "key": "l_flytskjema",
            "text": (
                "Et felles flytskjema viser hvor informasjon går tapt mellom sykehus og kommune, "
                "men må følges av faste rutiner for å holde i ferier (oppdiktet eksempel)."
            ),
            "source_kind": "experiment",
            "source": "e_flytskjema_1",
            "level": "micro",
            "tags": ["flytskjema", "pasientforløp"],
        },
        {
            "key": "l_sosial_kontakt",
            "text": (
                "God sosial interaksjon på samlingene gjør det lettere å ta kontakt mellom "
                "samlingene med dem man samarbeider med rundt pasientforløp (oppdiktet eksempel)."
            ),
            "source_kind": "meeting",
            "source": "m_samling_3",
            "level": "meso",
            "tags": ["kontakt", "nettverk"],
        },
    ],
    "decisions": [
        {
            "key": "d_samlinger",
            "title": "Fire nettverkssamlinger i året",
            "context": "Nettverket skal øke ledernes kapasitet til forbedring og utvikling.",
            "options": ["Fire samlinger i året", "To samlinger i året med nettmøter imellom"],
            "proposal": (
                "Fire nettverkssamlinger i året med korte kunnskapspåfyll fra regionale, "
                "nasjonale og internasjonale ressurspersoner, veiledning i grupper og arbeid med "
                "eget forbedringsarbeid både på og mellom samlingene."
            ),
            "rationale": (
                "Kunnskapen må settes inn i deltakernes egen kontekst, og deltakerne må møtes ofte "
                "nok til å bli kjent."
            ),
            "signatories": [
                "usht",
                "nlsh",
                "vagan",
                "vestvagoy",
                "flakstad",
                "moskenes",
                "vaeroy",
                "rost",
            ],
            "evidence": [{"kind": "meeting", "key": "m_samling_1"}],
            "meeting": "m_samling_1",
            "signoffs": [
                {"org": "usht", "stance": "approve", "comment": "Koordinatoren anbefaler."},
                {"org": "nlsh", "stance": "approve", "comment": ""},
                {"org": "vagan", "stance": "approve", "comment": ""},
                {"org": "vestvagoy", "stance": "approve", "comment": ""},
                {"org": "flakstad", "stance": "approve", "comment": ""},
                {"org": "moskenes", "stance": "approve", "comment": ""},
                {"org": "vaeroy", "stance": "approve", "comment": "Reisetiden er lang for oss."},
                {"org": "rost", "stance": "approve", "comment": ""},
            ],
            "amendment": None,
            "outcome": "adopted",
        },
        {
            "key": "d_kvalitetskonferansen",
            "title": "Presentere nettverket på Kvalitetskonferansen 2013",
            "context": "Resultatene etter ett år foreligger.",
            "options": ["Presentere på Kvalitetskonferansen 2013", "Vente til etter år to"],
            "proposal": (
                "Nettverket og resultatene etter ett år presenteres på Kvalitetskonferansen 2013."
            ),
            "rationale": "Spredning av erfaringene til andre ledere i regionen.",
            "signatories": ["usht", "nlsh"],
            "evidence": [
                {"kind": "lesson", "key": "l_god_rute"},
                {"kind": "lesson", "key": "l_verktoy"},
                {"kind": "measure", "key": "m_forbedringsmodellen"},
                {"kind": "measure", "key": "m_flytskjema"},
            ],
            "meeting": None,
            "signoffs": [
                {"org": "usht", "stance": "approve", "comment": "Koordinatoren presenterer."},
                {"org": "nlsh", "stance": "approve", "comment": ""},
            ],
            "amendment": None,
            "outcome": "adopted",
        },
        {
            "key": "d_artikkel",
            "title": "Vitenskapelig artikkel om kunnskapsutvikling i nettverket",
            "context": "Det er planlagt å lage en vitenskapelig artikkel.",
            "options": ["Skrive artikkelen", "Ikke skrive artikkelen"],
            "proposal": (
                "Det skrives en vitenskapelig artikkel der vi ser på hva som er med på å skape god "
                "kunnskapsutvikling i nettverket."
            ),
            "rationale": "Erfaringene kan være nyttige for andre forbedringsnettverk.",
            "signatories": ["usht", "nlsh", "vestvagoy"],
            "evidence": [
                {"kind": "decision", "key": "d_kvalitetskonferansen"},
                {"kind": "lesson", "key": "l_god_rute"},
                {"kind": "lesson", "key": "l_kunnskap"},
            ],
            "meeting": None,
            # Still proposed: the health trust has not signed yet.
            "signoffs": [
                {"org": "usht", "stance": "approve", "comment": ""},
                {"org": "vestvagoy", "stance": "approve", "comment": "Vi bidrar med data."},
            ],
            "amendment": None,
            "outcome": "proposed",
        },
    ],
    "scale_ups": [
        {
            "key": "su_flytskjema",
            "practice": "Flytskjema, sjekkliste og fast kontaktperson ved utskrivning til hjemmet.",
            "origin": "e_flytskjema_2",
            "target_units": [
                ("vestvagoy", "hjemmetjeneste"),
                ("vagan", "hjemmetjeneste"),
                ("flakstad", "hjemmetjeneste"),
                ("moskenes", "hjemmetjeneste"),
            ],
            "adoptions": [
                {
                    "unit": ("vestvagoy", "hjemmetjeneste"),
                    "stage": "adopted",
                    "note": "Der arbeidsmåten ble utviklet.",
                },
                {"unit": ("vagan", "hjemmetjeneste"), "stage": "planned", "note": ""},
                {"unit": ("flakstad", "hjemmetjeneste"), "stage": "planned", "note": ""},
                {"unit": ("moskenes", "hjemmetjeneste"), "stage": "planned", "note": ""},
                {
                    "unit": ("vagan", "hjemmetjeneste"),
                    "stage": "preparing",
                    "note": "Flytskjemaet tilpasses kommunens rutiner.",
                },
                {
                    "unit": ("vagan", "hjemmetjeneste"),
                    "stage": "piloting",
                    "note": "Testes i én sone av hjemmetjenesten.",
                },
                {
                    "unit": ("flakstad", "hjemmetjeneste"),
                    "stage": "preparing",
                    "note": "Lederen har deltatt på nettverkssamlingene.",
                },
            ],
        },
    ],
    "agreements": [],
}


# -- 003: Testbädd Norrtälje ---------------------------------------------------------------------
# Seed facts: coordinator Norrtälje kommun – kommunstyrelsekontoret; Vinnova grant 3 956 310 SEK,
# diarienummer 2018-03655, call "Testbäddar för samhällets utmaningar – genomförandeprojekt";
# November 2018 – November 2020 (status Pågående when the page was updated, 8 November 2018);
# regional health care and municipal care under one roof; multimorbid frail elderly; higher
# quality of life through prevention and person-centred integrated care; three phases: Förstå,
# Redesign (small-scale experiments), Skala upp; residents, professions and policy makers take
# part. The partners beside the municipality (the county council, Tiohundra AB) are real, but the
# experiments, measures, meeting dates and the pensioners' association are invented.

NORRTALJE: Partnership = {
    "key": "testbadd_norrtalje",
    "title": (
        "Testbädd Integrerad vård och omsorg för de mest sjuka äldre genom Norrtäljemodellen"
    ),
    "kind": "testbed",
    "purpose": (
        "I Norrtälje har den landstingsfinansierade sjukvården och den kommunala omsorgen lagts "
        "under samma tak. Testmiljön ger de samverkande verksamheterna och andra aktörer "
        "möjlighet att utveckla nya gränsöverskridande lösningar som utmanar hindren i den "
        "nuvarande utformningen av vård- och omsorgssystemet."
    ),
    "goals": [
        "De som har de största behoven ska få högre livskvalitet genom preventiva åtgärder och "
        "personcentrerad, integrerad vård.",
        "Bygga förmågan att driva testbaserad utveckling som skapar nya organisationsformer, "
        "arbetssätt och modeller för bättre integrerad vård, med högre kvalitet, till lägre "
        "kostnad.",
        "Nya modeller för att leda och styra verksamheterna med helhetsperspektiv.",
    ],
    "coordinator": "norrtalje",
    "starts_on": _d(2018, 11, 1),
    "ends_on": _d(2020, 11, 30),
    "members": [
        {"org": "norrtalje", "role": "coordinator", "joined_on": _d(2018, 11, 1)},
        {"org": "sll", "role": "partner", "joined_on": _d(2018, 11, 1)},
        {"org": "tiohundra", "role": "partner", "joined_on": _d(2018, 11, 1)},
        {"org": "vinnova", "role": "funder", "joined_on": _d(2018, 11, 1)},
        {"org": "pensionarer", "role": "observer", "joined_on": _d(2019, 2, 1)},
    ],
    "phases": [
        {
            "phase": "understand",
            "rationale": (
                "Fas 1, Förstå: Varför fungerar nuvarande system som det gör? Vad är viktigt för "
                "invånaren? Vad motverkar systemets syfte utifrån invånarens perspektiv?"
            ),
            "on": _d(2018, 11, 1),
        },
        {
            "phase": "redesign",
            "rationale": (
                "Fas 2, Redesign: småskaligt experimenterande för en ny utformning av systemet – "
                "att lära det möjligas konst."
            ),
            "on": _d(2019, 6, 1),
        },
        {
            "phase": "scale_up",
            "rationale": (
                "Fas 3, Skala upp: stödja fler delar av vård- och omsorgssystemet att ta till sig "
                "lärdomarna."
            ),
            "on": _d(2020, 5, 1),
        },
    ],
    "status_changes": [
        {
            "status": "active",
            "reason": "Testbädden startar med bidrag från Vinnova (november 2018 – november 2020).",
            "on": _d(2018, 11, 1),
        },
        {
            "status": "completed",
            "reason": (
                "Projektets löptid är slut. (Källan, uppdaterad 8 november 2018, anger status "
                "Pågående.)"
            ),
            "on": _d(2020, 11, 30),
        },
    ],
    "challenges": [
        {
            "key": "c_hinder",
            "title": "Hinder i vård- och omsorgssystemets utformning",
            "description": (
                "Den nuvarande utformningen av vård- och omsorgssystemet hindrar verkligt "
                "personcentrerad vård för de med störst behov, ofta multisjuka sköra äldre."
            ),
            "level": "macro",
            "needs_of": ["patients", "relatives", "staff"],
        },
        {
            "key": "c_invanaren",
            "title": "Vad är viktigt för invånaren?",
            "description": (
                "Innovationsarbetet riktas mot hur systemet fungerar som helhet sett ur "
                "invånarens perspektiv."
            ),
            "level": "micro",
            "needs_of": ["patients", "relatives"],
        },
        {
            "key": "c_styrning",
            "title": "Leda och styra med helhetsperspektiv",
            "description": (
                "Nya modeller behövs för att leda och styra verksamheterna med helhetsperspektiv."
            ),
            "level": "meso",
            "needs_of": ["staff"],
        },
    ],
    "funding": [
        {
            "funder": "vinnova",
            "amount": Decimal("3956310.00"),
            "currency": "SEK",
            "reference": (
                "Vinnova, diarienummer 2018-03655; Testbäddar för samhällets utmaningar – "
                "genomförandeprojekt"
            ),
        },
    ],
    "meetings": [
        {
            "key": "m_uppstart",
            "kind": "workshop",
            "held_on": _d(2018, 11, 20),
            "place": "Norrtälje",
            "attending": ["norrtalje", "sll", "tiohundra", "vinnova"],
            "summary": "Uppstart av testbädden och fas 1, Förstå. (Datum påhittat.)",
        },
        {
            "key": "m_invanardialog",
            "kind": "workshop",
            "held_on": _d(2019, 2, 12),
            "place": "Norrtälje",
            "attending": ["norrtalje", "tiohundra", "pensionarer"],
            "summary": (
                "Dialog med invånare och anhöriga om vad som är viktigt för dem. "
                "(Påhittat exempel.)"
            ),
        },
        {
            "key": "m_systemanalys",
            "kind": "workshop",
            "held_on": _d(2019, 4, 9),
            "place": "Norrtälje",
            "attending": ["norrtalje", "sll", "tiohundra"],
            "summary": (
                "Systemanalys med vårdens professioner och aktörer som ansvarar för policyer och "
                "styrning: vad motverkar systemets syfte? (Datum påhittat.)"
            ),
        },
        {
            "key": "m_redesign_start",
            "kind": "workshop",
            "held_on": _d(2019, 6, 11),
            "place": "Norrtälje",
            "attending": ["norrtalje", "sll", "tiohundra", "pensionarer"],
            "summary": "Övergång till fas 2, Redesign; första experimentidéer. (Datum påhittat.)",
        },
        {
            "key": "m_pdsa_uppfoljning",
            "kind": "local_meeting",
            "held_on": _d(2019, 12, 10),
            "place": "Norrtälje sjukhus",
            "attending": ["norrtalje", "tiohundra"],
            "summary": "Uppföljning av första PDSA-cykeln med hembesöksteamet. (Påhittat exempel.)",
        },
        {
            "key": "m_styrning",
            "kind": "seminar",
            "held_on": _d(2020, 4, 21),
            "place": "Digitalt (videomöte)",
            "attending": ["norrtalje", "sll", "tiohundra", "pensionarer"],
            "summary": (
                "Seminarium om nya modeller för att leda och styra med helhetsperspektiv. "
                "(Datum påhittat.)"
            ),
        },
        {
            "key": "m_skala_upp",
            "kind": "workshop",
            "held_on": _d(2020, 5, 19),
            "place": "Digitalt (videomöte)",
            "attending": ["norrtalje", "sll", "tiohundra"],
            "summary": "Övergång till fas 3, Skala upp. (Datum påhittat.)",
        },
        {
            "key": "m_avslut",
            "kind": "seminar",
            "held_on": _d(2020, 11, 17),
            "place": "Digitalt (videomöte)",
            "attending": ["norrtalje", "sll", "tiohundra", "vinnova", "pensionarer"],
            "summary": "Avslutande seminarium: resultat och lärdomar. (Datum påhittat.)",
        },
    ],
    "clinics": [],
    "measures": [
        {
            "key": "m_aterinskrivning",
            "name": "Återinskrivning inom 30 dagar bland de mest sjuka äldre (påhittat exempel)",
            "unit": "%",
            "direction": "decrease",
            "baseline": Decimal("18.5"),
            "target": Decimal("12.0"),
            "method": (
                "Andel av månadens utskrivna patienter 75 år och äldre med hemsjukvård som skrivs "
                "in igen inom 30 dagar; n = antal utskrivna. Påhittade värden."
            ),
            # Ten months above and ten below the median (16.40): a shift in the run chart.
            "values": [
                {"period": "2019-01", "value": Decimal("18.2"), "n": 51},
                {"period": "2019-02", "value": Decimal("19.5"), "n": 47},
                {"period": "2019-03", "value": Decimal("17.8"), "n": 52},
                {"period": "2019-04", "value": Decimal("18.9"), "n": 48},
                {"period": "2019-05", "value": Decimal("20.1"), "n": 45},
                {"period": "2019-06", "value": Decimal("17.6"), "n": 44},
                {"period": "2019-07", "value": Decimal("18.4"), "n": 38},
                {"period": "2019-08", "value": Decimal("19.0"), "n": 42},
                {"period": "2019-09", "value": Decimal("18.7"), "n": 49},
                {"period": "2019-10", "value": Decimal("17.9"), "n": 53},
                {"period": "2019-11", "value": Decimal("15.2"), "n": 50},
                {"period": "2019-12", "value": Decimal("14.1"), "n": 55},
                {"period": "2020-01", "value": Decimal("13.6"), "n": 58},
                {"period": "2020-02", "value": Decimal("12.9"), "n": 54},
                {"period": "2020-03", "value": Decimal("13.4"), "n": 46},
                {"period": "2020-04", "value": Decimal("12.2"), "n": 41},
                {"period": "2020-05", "value": Decimal("11.8"), "n": 43},
                {"period": "2020-06", "value": Decimal("12.5"), "n": 47},
                {"period": "2020-07", "value": Decimal("11.9"), "n": 40},
                {"period": "2020-08", "value": Decimal("12.3"), "n": 45},
            ],
            "corrections": [
                {
                    "period": "2019-04",
                    "value": Decimal("18.1"),
                    "reason": (
                        "En återinskrivning var dubbelregistrerad; omräknat (påhittat exempel)."
                    ),
                },
            ],
        },
        {
            "key": "m_sip",
            "name": "Andel med samordnad individuell plan inom 14 dagar (påhittat exempel)",
            "unit": "%",
            "direction": "increase",
            "baseline": Decimal("35"),
            "target": Decimal("70"),
            "method": (
                "Andel utskrivna i målgruppen med en samordnad individuell plan (SIP) inom 14 "
                "dagar; n = antal utskrivna. Påhittade värden."
            ),
            "values": [
                {"period": "2019-09", "value": Decimal("34"), "n": 49},
                {"period": "2019-10", "value": Decimal("36"), "n": 53},
                {"period": "2019-11", "value": Decimal("45"), "n": 50},
                {"period": "2019-12", "value": Decimal("48"), "n": 55},
                {"period": "2020-01", "value": Decimal("52"), "n": 58},
                {"period": "2020-02", "value": Decimal("55"), "n": 54},
                {"period": "2020-03", "value": Decimal("57"), "n": 46},
                {"period": "2020-04", "value": Decimal("54"), "n": 41},
                {"period": "2020-05", "value": Decimal("60"), "n": 43},
                {"period": "2020-06", "value": Decimal("63"), "n": 47},
                {"period": "2020-07", "value": Decimal("65"), "n": 40},
                {"period": "2020-08", "value": Decimal("67"), "n": 45},
            ],
            "corrections": [],
        },
    ],
    "experiments": [
        {
            "key": "e_hembesok_1",
            "title": "Gemensamt hembesök inom 48 timmar efter utskrivning, cykel 1",
            "change_idea": (
                "En sjuksköterska i hemsjukvården och en biståndshandläggare gör ett gemensamt "
                "hembesök inom 48 timmar efter utskrivning (påhittat exempel)."
            ),
            "prediction": "Återinskrivningarna inom 30 dagar minskar från 18,5 % till under 15 %.",
            "site": ("tiohundra", "hemsjukvard_norrtalje"),
            "measures": ["m_aterinskrivning"],
            "previous": None,
            "planned_end_on": _d(2019, 12, 31),
            "started": True,
            "observations": [
                {
                    "note": "Besöken hinns med inom 48 timmar i 8 fall av 10.",
                    "observed_on": _d(2019, 10, 24),
                },
                {
                    "note": "Läkemedelslistorna stämmer ofta inte med vad patienten har hemma.",
                    "observed_on": _d(2019, 11, 28),
                },
            ],
            "study": {
                "result": "Återinskrivningarna var 15,2 % i november och 14,1 % i december.",
                "prediction_held": "partly",
            },
            "conclusion": {
                "act": "adapt",
                "rationale": "Lägg till en läkemedelsgenomgång vid hembesöket.",
            },
        },
        {
            "key": "e_hembesok_2",
            "title": "Gemensamt hembesök med läkemedelsgenomgång, cykel 2",
            "change_idea": (
                "Hembesöket inom 48 timmar kompletteras med en läkemedelsgenomgång och start av "
                "en samordnad individuell plan (påhittat exempel)."
            ),
            "prediction": (
                "Återinskrivningarna understiger 13 % och andelen med SIP inom 14 dagar "
                "överstiger 50 %."
            ),
            "site": ("tiohundra", "hemsjukvard_norrtalje"),
            "measures": ["m_aterinskrivning", "m_sip"],
            "previous": "e_hembesok_1",
            "planned_end_on": _d(2020, 4, 30),
            "started": True,
            "observations": [
                {
                    "note": "Besöken fortsätter under pandemin med skyddsutrustning.",
                    "observed_on": _d(2020, 3, 26),
                },
            ],
            "study": {
                "result": "Återinskrivningarna var 12,2 % i april; andelen med SIP 54 %.",
                "prediction_held": "yes",
            },
            "conclusion": {
                "act": "adopt",
                "rationale": "Arbetssättet blir standard i Norrtälje och sprids i fas 3.",
            },
        },
        {
            "key": "e_hembesok_rimbo",
            "title": "Gemensamt hembesök med läkemedelsgenomgång i Rimbo",
            "change_idea": (
                "Samma arbetssätt prövas i Rimbo med ett mindre team (påhittat exempel)."
            ),
            "prediction": "Minst 8 av 10 hembesök sker inom 48 timmar även i Rimbo.",
            "site": ("tiohundra", "hemsjukvard_rimbo"),
            "measures": ["m_aterinskrivning"],
            "previous": "e_hembesok_2",
            "planned_end_on": _d(2020, 11, 15),
            "started": True,
            "observations": [
                {
                    "note": "Längre restider; biståndshandläggaren deltar ibland via video.",
                    "observed_on": _d(2020, 9, 17),
                },
            ],
            "study": None,
            "conclusion": None,
        },
    ],
    "lessons": [
        {
            "key": "l_systemanalys",
            "text": (
                "Separata beslut och ersättningar per verksamhet styr mot insatser per "
                "organisation i stället för mot vad som är viktigt för invånaren (påhittat "
                "exempel)."
            ),
            "source_kind": "system_analysis",
            "source": None,
            "level": "macro",
            "tags": ["styrning", "ersättning", "förstå"],
        },
        {
            "key": "l_invanare",
            "text": (
                "Det viktigaste för de mest sjuka äldre är att slippa berätta sin historia flera "
                "gånger och att veta vem man ska ringa (påhittat exempel)."
            ),
            "source_kind": "meeting",
            "source": "m_invanardialog",
            "level": "micro",
            "tags": ["invånarperspektiv", "kontinuitet"],
        },
        {
            "key": "l_hembesok",
            "text": (
                "Hembesök direkt efter utskrivning hittar läkemedelsfel som annars leder till "
                "återinskrivning (påhittat exempel)."
            ),
            "source_kind": "experiment",
            "source": "e_hembesok_1",
            "level": "micro",
            "tags": ["hembesök", "läkemedel", "utskrivning"],
        },
        {
            "key": "l_styrning",
            "text": (
                "Ett gemensamt mått följt av både kommun och region gör det lättare att styra med "
                "helhetsperspektiv än separata uppföljningar (påhittat exempel)."
            ),
            "source_kind": "meeting",
            "source": "m_styrning",
            "level": "meso",
            "tags": ["styrning", "uppföljning"],
        },
        {
            "key": "l_spridning",
            "text": (
                "Arbetssättet sprids lättast när ett team som prövat det följer med vid starten "
                "på nästa enhet (påhittat exempel)."
            ),
            "source_kind": "experiment",
            "source": "e_hembesok_2",
            "level": "meso",
            "tags": ["spridning", "skala upp"],
        },
    ],
    "decisions": [
        {
            "key": "d_redesign",
            "title": "Övergång till fas 2, Redesign",
            "context": "Fas 1, Förstå, har gett en bild av vad som motverkar systemets syfte.",
            "options": ["Gå över till Redesign nu", "Förlänga Förstå-fasen till hösten"],
            "proposal": (
                "Testbädden går över till fas 2 och börjar med småskaliga experiment kring "
                "övergången från sjukhus till hemmet."
            ),
            "rationale": (
                "Systemanalysen och invånardialogen pekar ut utskrivningen som ett hinder."
            ),
            "signatories": ["norrtalje", "sll", "tiohundra"],
            "evidence": [
                {"kind": "lesson", "key": "l_systemanalys"},
                {"kind": "lesson", "key": "l_invanare"},
                {"kind": "meeting", "key": "m_systemanalys"},
            ],
            "meeting": "m_redesign_start",
            "signoffs": [
                {"org": "norrtalje", "stance": "approve", "comment": "Koordinatorn tillstyrker."},
                {"org": "tiohundra", "stance": "approve", "comment": ""},
                {"org": "sll", "stance": "approve", "comment": ""},
            ],
            "amendment": None,
            "outcome": "adopted",
        },
        {
            "key": "d_hembesok_standard",
            "title": "Gemensamt hembesök med läkemedelsgenomgång blir standard",
            "context": "Två PDSA-cykler har prövat gemensamma hembesök efter utskrivning.",
            "options": ["Införa som standard", "Fortsätta pröva", "Avsluta"],
            "proposal": (
                "Gemensamt hembesök inom 48 timmar med läkemedelsgenomgång blir standard för de "
                "mest sjuka äldre i Norrtälje och sprids till fler enheter."
            ),
            "rationale": "Återinskrivningarna har minskat från omkring 18 % till omkring 12 %.",
            "signatories": ["norrtalje", "sll", "tiohundra"],
            "evidence": [
                {"kind": "experiment", "key": "e_hembesok_2"},
                {"kind": "measure", "key": "m_aterinskrivning"},
                {"kind": "measure", "key": "m_sip"},
                {"kind": "lesson", "key": "l_hembesok"},
            ],
            "meeting": "m_skala_upp",
            "signoffs": [
                {"org": "tiohundra", "stance": "approve", "comment": "Verksamhetschefen stödjer."},
                {"org": "sll", "stance": "approve", "comment": ""},
                {"org": "norrtalje", "stance": "approve", "comment": ""},
            ],
            "amendment": None,
            "outcome": "adopted",
        },
        {
            "key": "d_gemensam_budget",
            "title": "Gemensam budget per invånare för hembesöken (påhittat exempel)",
            "context": "Hembesöken finansieras i dag av två huvudmän var för sig.",
            "options": ["Gemensam budget per invånare", "Finansiering per huvudman som i dag"],
            "proposal": "Kommun och region lägger hembesökens kostnader i en gemensam budget.",
            "rationale": "En gemensam budget tar bort hindret att ingen äger helheten.",
            "signatories": ["norrtalje", "sll", "tiohundra"],
            "evidence": [
                {"kind": "decision", "key": "d_hembesok_standard"},
                {"kind": "lesson", "key": "l_styrning"},
            ],
            "meeting": "m_avslut",
            "signoffs": [
                {"org": "norrtalje", "stance": "approve", "comment": ""},
                {"org": "tiohundra", "stance": "approve", "comment": ""},
                {
                    "org": "sll",
                    "stance": "object",
                    "comment": "Kräver beslut i regionfullmäktige; kan inte tas inom testbädden.",
                },
            ],
            "amendment": None,
            "outcome": "rejected",
        },
    ],
    "scale_ups": [
        {
            "key": "su_hembesok",
            "practice": (
                "Gemensamt hembesök inom 48 timmar efter utskrivning med läkemedelsgenomgång."
            ),
            "origin": "e_hembesok_2",
            "target_units": [
                ("tiohundra", "hemsjukvard_norrtalje"),
                ("tiohundra", "hemsjukvard_rimbo"),
                ("tiohundra", "hemsjukvard_hallstavik"),
                ("tiohundra", "geriatrik"),
            ],
            "adoptions": [
                {
                    "unit": ("tiohundra", "hemsjukvard_norrtalje"),
                    "stage": "adopted",
                    "note": "Ursprungsenheten.",
                },
                {"unit": ("tiohundra", "hemsjukvard_rimbo"), "stage": "planned", "note": ""},
                {"unit": ("tiohundra", "hemsjukvard_hallstavik"), "stage": "planned", "note": ""},
                {"unit": ("tiohundra", "geriatrik"), "stage": "planned", "note": ""},
                {
                    "unit": ("tiohundra", "hemsjukvard_rimbo"),
                    "stage": "preparing",
                    "note": "Teamet från Norrtälje introducerar.",
                },
                {
                    "unit": ("tiohundra", "geriatrik"),
                    "stage": "preparing",
                    "note": "Avdelningen bokar hembesöket före utskrivning.",
                },
                {
                    "unit": ("tiohundra", "hemsjukvard_rimbo"),
                    "stage": "piloting",
                    "note": "Pågår som cykel 3.",
                },
                {
                    "unit": ("tiohundra", "hemsjukvard_norrtalje"),
                    "stage": "sustained",
                    "note": "Ingår i ordinarie rutin.",
                },
                {
                    "unit": ("tiohundra", "hemsjukvard_hallstavik"),
                    "stage": "preparing",
                    "note": "Start planerad efter projektets slut.",
                },
            ],
        },
    ],
    "agreements": [],
}


# -- 004: Västerbotten, innovation in partnership ---------------------------------------------
# Seed facts: a lecture on Tuesday 21 May 2019, 13:30–14:00; challenge-driven innovation in the
# everyday of care with industry and academia; "value-creating innovation in partnership"; courage,
# leadership and appetite for risk, building the boat while sailing; the three first innovation
# clinics Tandvårdskliniken Idun, Medicinsk akutvårdsavdelning and Bjurholms hälsocentral; from
# customer and supplier to partners towards shared goals; sharing risk and responsibility; a
# win-win-win for county councils and regions, companies, and residents and society. The
# companies, the start date, the experiments, the measures and the agreement's figures are
# invented (Umeå universitet stands for the academia the seed mentions).

VASTERBOTTEN: Partnership = {
    "key": "innovation_i_partnerskap",
    "title": "Värdeskapande innovation i partnerskap – innovationskliniker i Västerbotten",
    "kind": "innovation_partnership",
    "purpose": (
        "Att integrera innovationsarbete som en naturlig del i vårdens vardag och gå från de "
        "traditionella rollerna som kund och leverantör till att arbeta ihop som partners, på "
        "riktigt, mot gemensamt uppsatta mål – med delad risk och delat ansvar för att skapa värde."
    ),
    "goals": [
        "Utmaningsdriven innovation i vårdens vardag på innovationskliniker.",
        "Partnerskap med näringsliv och akademi mot gemensamt uppsatta mål.",
        "Dela på risk och på ansvar i att skapa värde.",
        "Win-win-win: för regionen, för bolagen och för invånare och samhälle.",
    ],
    "coordinator": "vll",
    "starts_on": _d(2017, 9, 1),
    "ends_on": None,
    "members": [
        {"org": "vll", "role": "coordinator", "joined_on": _d(2017, 9, 1)},
        {"org": "umu", "role": "partner", "joined_on": _d(2017, 9, 1)},
        {"org": "munhalsa", "role": "partner", "joined_on": _d(2017, 11, 1)},
        {"org": "vitalsensor", "role": "partner", "joined_on": _d(2017, 11, 1)},
        {"org": "distansvard", "role": "partner", "joined_on": _d(2018, 1, 15)},
    ],
    "phases": [
        {
            "phase": "understand",
            "rationale": (
                "Utmaningsdriven innovation: klinikerna formulerar sina utmaningar innan "
                "lösningar väljs."
            ),
            "on": _d(2017, 9, 1),
        },
        {
            "phase": "redesign",
            "rationale": (
                "Nya angreppssätt och nya sätt att jobba ihop med industrin testas direkt i "
                "vårdens vardag – man bygger båten medan man seglar."
            ),
            "on": _d(2018, 1, 15),
        },
        {
            "phase": "scale_up",
            "rationale": (
                "Det som fungerat sprids till fler enheter, och erfarenheter och lärdomar delas "
                "(föreläsning 21 maj 2019)."
            ),
            "on": _d(2019, 3, 1),
        },
    ],
    "status_changes": [
        {
            "status": "active",
            "reason": "Arbetet med innovation i partnerskap startar (startdatum påhittat).",
            "on": _d(2017, 9, 1),
        },
    ],
    "challenges": [
        {
            "key": "c_vardag",
            "title": "Innovation som en naturlig del av vårdens vardag",
            "description": (
                "Hur integrerar man innovationsarbete som en naturlig del i vårdens vardag?"
            ),
            "level": "meso",
            "needs_of": ["staff", "patients"],
        },
        {
            "key": "c_partners",
            "title": "Från kund och leverantör till partners",
            "description": (
                "Hur går vi från våra traditionella roller som kund och leverantör till att jobba "
                "ihop som partners, på riktigt, mot gemensamt uppsatta mål – och hur delar vi på "
                "risk och ansvar?"
            ),
            "level": "macro",
            "needs_of": ["staff"],
        },
        {
            "key": "c_avstand",
            "title": "Långa avstånd till vården i glesbygd (påhittat exempel)",
            "description": (
                "Patienter med kroniska sjukdomar i Bjurholm reser långt för korta "
                "uppföljningsbesök."
            ),
            "level": "micro",
            "needs_of": ["patients", "relatives"],
        },
    ],
    "funding": [],
    "meetings": [
        {
            "key": "m_uppstart",
            "kind": "workshop",
            "held_on": _d(2017, 9, 19),
            "place": "Umeå",
            "attending": ["vll", "umu"],
            "summary": (
                "Uppstart: de tre första innovationsklinikerna kliver på från verksamhetens sida. "
                "(Datum påhittat.)"
            ),
        },
        {
            "key": "m_partnerdag",
            "kind": "workshop",
            "held_on": _d(2017, 11, 14),
            "place": "Umeå",
            "attending": ["vll", "umu", "munhalsa", "vitalsensor"],
            "summary": (
                "Partnerdag: bolag och akademi möter klinikerna; gemensamma mål formuleras i "
                "stället för en kravspecifikation. (Påhittat exempel.)"
            ),
        },
        {
            "key": "m_natverk_1",
            "kind": "network_gathering",
            "held_on": _d(2018, 5, 22),
            "place": "Umeå",
            "attending": ["vll", "umu", "munhalsa", "vitalsensor", "distansvard"],
            "summary": (
                "Nätverksträff för alla partners: hur delar vi på risk och ansvar? Förslag till "
                "riskdelningsavtal. (Datum påhittat.)"
            ),
        },
        {
            "key": "m_natverk_2",
            "kind": "network_gathering",
            "held_on": _d(2018, 11, 20),
            "place": "Bjurholm",
            "attending": ["vll", "umu", "munhalsa", "vitalsensor", "distansvard"],
            "summary": (
                "Nätverksträff på Bjurholms hälsocentral: resultat från klinikerna och frågan om "
                "rätt till data. (Datum påhittat.)"
            ),
        },
        {
            "key": "m_forelasning",
            "kind": "seminar",
            "held_on": _d(2019, 5, 21),
            "place": "Föreläsning 13:30–14:00 (platsen anges inte i källan)",
            "attending": ["vll", "umu"],
            "summary": (
                "Västerbotten presenterar sitt arbete med innovation i partnerskap, med "
                "praktiska exempel från de tre första innovationsklinikerna: erfarenheter, "
                "lärdomar och tankar inför framtiden – en överlevnadsfråga för svensk välfärd."
            ),
        },
    ],
    "clinics": [
        {"org": "vll", "unit": "idun"},
        {"org": "vll", "unit": "mava"},
        {"org": "vll", "unit": "bjurholm_hc"},
    ],
    "measures": [
        {
            "key": "m_stoltid",
            "name": "Tid i behandlingsstol per nybesök (påhittat exempel)",
            "unit": "minuter",
            "direction": "decrease",
            "baseline": Decimal("62"),
            "target": Decimal("50"),
            "method": (
                "Medelvärde av tid i behandlingsstol vid nybesök per månad, ur bokningssystemet; "
                "n = antal nybesök. Påhittade värden."
            ),
            "values": [
                {"period": "2018-03", "value": Decimal("63"), "n": 112},
                {"period": "2018-04", "value": Decimal("61"), "n": 108},
                {"period": "2018-05", "value": Decimal("62"), "n": 115},
                {"period": "2018-06", "value": Decimal("60"), "n": 97},
                {"period": "2018-07", "value": Decimal("57"), "n": 54},
                {"period": "2018-08", "value": Decimal("55"), "n": 101},
                {"period": "2018-09", "value": Decimal("54"), "n": 118},
                {"period": "2018-10", "value": Decimal("56"), "n": 121},
                {"period": "2018-11", "value": Decimal("53"), "n": 117},
                {"period": "2018-12", "value": Decimal("52"), "n": 89},
                {"period": "2019-01", "value": Decimal("51"), "n": 110},
                {"period": "2019-02", "value": Decimal("52"), "n": 114},
            ],
            "corrections": [],
        },
        {
            "key": "m_vitalparametrar",
            "name": (
                "Andel patienter med fullständiga vitalparametrar var fjärde timme "
                "(påhittat exempel)"
            ),
            "unit": "%",
            "direction": "increase",
            "baseline": Decimal("71"),
            "target": Decimal("95"),
            "method": (
                "Stickprov av vårdtillfällen på avdelningen per månad; n = antal granskade. "
                "Påhittade värden."
            ),
            "values": [
                {"period": "2018-03", "value": Decimal("70"), "n": 40},
                {"period": "2018-04", "value": Decimal("72"), "n": 40},
                {"period": "2018-05", "value": Decimal("69"), "n": 40},
                {"period": "2018-06", "value": Decimal("74"), "n": 40},
                {"period": "2018-07", "value": Decimal("78"), "n": 30},
                {"period": "2018-08", "value": Decimal("83"), "n": 40},
                {"period": "2018-09", "value": Decimal("86"), "n": 40},
                {"period": "2018-10", "value": Decimal("88"), "n": 40},
                {"period": "2018-11", "value": Decimal("90"), "n": 40},
                {"period": "2018-12", "value": Decimal("89"), "n": 35},
                {"period": "2019-01", "value": Decimal("91"), "n": 40},
                {"period": "2019-02", "value": Decimal("92"), "n": 40},
                {"period": "2019-03", "value": Decimal("93"), "n": 40},
                {"period": "2019-04", "value": Decimal("92"), "n": 40},
            ],
            "corrections": [],
        },
        {
            "key": "m_digitala_besok",
            "name": "Andel uppföljningsbesök i digitalt vårdrum (påhittat exempel)",
            "unit": "%",
            "direction": "increase",
            "baseline": Decimal("4"),
            "target": Decimal("30"),
            "method": (
                "Andel av hälsocentralens uppföljningsbesök för kroniskt sjuka som genomförs i "
                "det digitala vårdrummet, per månad; n = antal uppföljningsbesök. Påhittade "
                "värden."
            ),
            # Ten points below the median (16), then ten above: a shift in the run chart.
            "values": [
                {"period": "2018-01", "value": Decimal("3"), "n": 86},
                {"period": "2018-02", "value": Decimal("5"), "n": 91},
                {"period": "2018-03", "value": Decimal("4"), "n": 88},
                {"period": "2018-04", "value": Decimal("6"), "n": 84},
                {"period": "2018-05", "value": Decimal("4"), "n": 90},
                {"period": "2018-06", "value": Decimal("5"), "n": 72},
                {"period": "2018-07", "value": Decimal("3"), "n": 45},
                {"period": "2018-08", "value": Decimal("6"), "n": 79},
                {"period": "2018-09", "value": Decimal("12"), "n": 92},
                {"period": "2018-10", "value": Decimal("15"), "n": 95},
                {"period": "2018-11", "value": Decimal("18"), "n": 89},
                {"period": "2018-12", "value": Decimal("17"), "n": 70},
                {"period": "2019-01", "value": Decimal("21"), "n": 93},
                {"period": "2019-02", "value": Decimal("24"), "n": 90},
                {"period": "2019-03", "value": Decimal("23"), "n": 94},
                {"period": "2019-04", "value": Decimal("26"), "n": 88},
                {"period": "2019-05", "value": Decimal("27"), "n": 91},
                {"period": "2019-06", "value": Decimal("25"), "n": 76},
                {"period": "2019-07", "value": Decimal("28"), "n": 48},
                {"period": "2019-08", "value": Decimal("29"), "n": 83},
            ],
            "corrections": [
                {
                    "period": "2018-12",
                    "value": Decimal("19"),
                    "reason": (
                        "Besök som avbrutits av tekniska fel hade räknats bort; omräknat "
                        "(påhittat exempel)."
                    ),
                },
            ],
        },
    ],
    "experiments": [
        {
            "key": "e_idun_1",
            "title": "Digital munhälsobedömning före nybesök (påhittat exempel)",
            "change_idea": (
                "Patienten fyller i en digital munhälsoenkät med foton före nybesöket, så att "
                "tandläkaren kan förbereda behandlingen."
            ),
            "prediction": "Tiden i behandlingsstol per nybesök minskar från 62 till 55 minuter.",
            "site": ("vll", "idun"),
            "measures": ["m_stoltid"],
            "previous": None,
            "planned_end_on": _d(2018, 10, 31),
            "started": True,
            "observations": [
                {
                    "note": "Äldre patienter behöver hjälp med fotona; tandsköterskan ringer upp.",
                    "observed_on": _d(2018, 6, 14),
                },
            ],
            "study": {
                "result": "Tiden sjönk till 54–56 minuter under hösten.",
                "prediction_held": "yes",
            },
            "conclusion": {
                "act": "adapt",
                "rationale": "Behåll enkäten; erbjud telefonhjälp till dem som behöver.",
            },
        },
        {
            "key": "e_mava_1",
            "title": "Sensorbaserad mätning av vitalparametrar (påhittat exempel)",
            "change_idea": (
                "Trådlösa sensorer mäter puls, andningsfrekvens och syremättnad och för över "
                "värdena till avdelningens översikt."
            ),
            "prediction": "Andelen med fullständiga vitalparametrar ökar från 71 % till 90 %.",
            "site": ("vll", "mava"),
            "measures": ["m_vitalparametrar"],
            "previous": None,
            "planned_end_on": _d(2019, 1, 31),
            "started": True,
            "observations": [
                {
                    "note": "Sensorerna lossnar vid förflyttning; bolaget byter fästet.",
                    "observed_on": _d(2018, 7, 5),
                },
                {
                    "note": "Hög belastning på avdelningen i december; testet fortsatte ändå.",
                    "observed_on": _d(2018, 12, 13),
                },
            ],
            "study": {
                "result": "Andelen nådde 90 % i november 2018 och har hållit sig över 89 %.",
                "prediction_held": "yes",
            },
            "conclusion": {
                "act": "adopt",
                "rationale": "Sensorerna blir ordinarie arbetssätt på avdelningen.",
            },
        },
        {
            "key": "e_bjurholm_1",
            "title": "Digitalt vårdrum för uppföljning av kroniskt sjuka (påhittat exempel)",
            "change_idea": (
                "Uppföljningsbesök för kroniskt sjuka erbjuds i ett digitalt vårdrum i "
                "Bjurholm med mätutrustning som patienten använder själv."
            ),
            "prediction": "Minst 15 % av uppföljningsbesöken sker i vårdrummet efter tre månader.",
            "site": ("vll", "bjurholm_hc"),
            "measures": ["m_digitala_besok"],
            "previous": None,
            "planned_end_on": _d(2018, 12, 31),
            "started": True,
            "observations": [
                {
                    "note": "Patienterna uppskattar att slippa resan; några vill ha sällskap.",
                    "observed_on": _d(2018, 10, 4),
                },
            ],
            "study": {
                "result": "Andelen var 18 % i november och 17 % i december 2018.",
                "prediction_held": "yes",
            },
            "conclusion": {
                "act": "adopt",
                "rationale": "Vårdrummet behålls och erbjuds fler hälsocentraler.",
            },
        },
        {
            "key": "e_bjurholm_2",
            "title": "Digitalt vårdrum med anhörigstöd (påhittat exempel)",
            "change_idea": "Anhöriga kan delta i besöket i vårdrummet via länk.",
            "prediction": "Andelen uppföljningsbesök i vårdrummet når 30 %.",
            "site": ("vll", "bjurholm_hc"),
            "measures": ["m_digitala_besok"],
            "previous": "e_bjurholm_1",
            "planned_end_on": _d(2019, 9, 30),
            "started": True,
            "observations": [
                {
                    "note": "Anhöriga deltar i vart femte besök.",
                    "observed_on": _d(2019, 5, 9),
                },
            ],
            "study": None,
            "conclusion": None,
        },
    ],
    "lessons": [
        {
            "key": "l_kund_leverantor",
            "text": (
                "Partnerskap på riktigt kräver gemensamt uppsatta mål i stället för en "
                "kravspecifikation; rollerna kund och leverantör står i vägen."
            ),
            "source_kind": "meeting",
            "source": "m_partnerdag",
            "level": "macro",
            "tags": ["partnerskap", "roller"],
        },
        {
            "key": "l_idun",
            "text": (
                "En digital förberedelse sparar tid i behandlingsstolen, men alla patienter kan "
                "inte använda den utan hjälp (påhittat exempel)."
            ),
            "source_kind": "experiment",
            "source": "e_idun_1",
            "level": "micro",
            "tags": ["tandvård", "digitalt stöd"],
        },
        {
            "key": "l_bjurholm",
            "text": (
                "Ett digitalt vårdrum nära hemmet ersätter långa resor för korta "
                "uppföljningsbesök (påhittat exempel)."
            ),
            "source_kind": "experiment",
            "source": "e_bjurholm_1",
            "level": "micro",
            "tags": ["glesbygd", "digital vård"],
        },
        {
            "key": "l_bygga_baten",
            "text": (
                "Att driva innovationsarbete direkt i vårdens vardag kräver mod, ledarskap och "
                "ett mått riskvilja; man bygger båten medan man seglar."
            ),
            "source_kind": "system_analysis",
            "source": None,
            "level": "meso",
            "tags": ["ledarskap", "riskvilja"],
        },
        {
            "key": "l_kliniker",
            "text": (
                "Innovationsklinikerna har varit en självklar del av utvecklingsarbetet från "
                "verksamhetens sida – dock inte utan utmaning."
            ),
            "source_kind": "meeting",
            "source": "m_forelasning",
            "level": "meso",
            "tags": ["innovationskliniker"],
        },
    ],
    "decisions": [
        {
            "key": "d_kliniker",
            "title": "De tre första innovationsklinikerna",
            "context": "Innovationsarbetet ska ske i vårdens vardag, på kliniker som vill delta.",
            "options": [
                "Tandvårdskliniken Idun, Medicinsk akutvårdsavdelning och Bjurholms hälsocentral",
                "En enda klinik till att börja med",
            ],
            "proposal": (
                "Tandvårdskliniken Idun, Medicinsk akutvårdsavdelning och Bjurholms hälsocentral "
                "blir de tre första innovationsklinikerna."
            ),
            "rationale": (
                "Tre olika verksamheter – tandvård, akut slutenvård och primärvård i glesbygd – "
                "ger bredd, och alla tre har klivit på från verksamhetens sida."
            ),
            "signatories": ["vll", "umu"],
            "evidence": [{"kind": "meeting", "key": "m_uppstart"}],
            "meeting": "m_uppstart",
            "signoffs": [
                {"org": "vll", "stance": "approve", "comment": "Verksamhetscheferna är med."},
                {"org": "umu", "stance": "approve", "comment": "Vi följer klinikerna."},
            ],
            "amendment": None,
            "outcome": "adopted",
        },
        {
            "key": "d_riskdelning",
            "title": "Avtal om delad risk och delat ansvar",
            "context": (
                "Partnerna vill gå från rollerna kund och leverantör till partners och dela på "
                "risk och ansvar i att skapa värde."
            ),
            "options": [
                "Riskdelningsavtal med andelar per part",
                "Vanlig upphandling per lösning",
            ],
            "proposal": (
                "Parterna ingår ett riskdelningsavtal där kostnader delas efter avtalade andelar "
                "och nyttan följs upp för regionen, bolagen och invånarna."
            ),
            "rationale": "Win-win-win kräver att alla parter bär en del av risken.",
            "signatories": ["vll", "umu", "munhalsa", "vitalsensor", "distansvard"],
            "evidence": [
                {"kind": "lesson", "key": "l_kund_leverantor"},
                {"kind": "meeting", "key": "m_partnerdag"},
                {"kind": "decision", "key": "d_kliniker"},
            ],
            "meeting": "m_natverk_1",
            "signoffs": [
                {"org": "vll", "stance": "approve", "comment": "Koordinatorn tillstyrker."},
                {"org": "munhalsa", "stance": "approve", "comment": ""},
                {"org": "vitalsensor", "stance": "approve", "comment": ""},
                {"org": "distansvard", "stance": "approve", "comment": "Andelen är rimlig."},
                {"org": "umu", "stance": "approve", "comment": ""},
            ],
            "amendment": None,
            "outcome": "adopted",
        },
        {
            "key": "d_exklusiv_data",
            "title": "Ensamrätt för ett bolag till data från klinikerna (påhittat exempel)",
            "context": "Ett bolag vill ha ensamrätt till data från innovationsklinikerna.",
            "options": ["Ensamrätt för ett bolag", "Data delas enligt riskdelningsavtalet"],
            "proposal": "Ett bolag får ensamrätt till data från innovationsklinikerna i fem år.",
            "rationale": "Ensamrätten skulle göra bolagets investering mindre riskfylld.",
            "signatories": ["vll", "umu", "munhalsa", "vitalsensor", "distansvard"],
            "evidence": [{"kind": "decision", "key": "d_riskdelning"}],
            "meeting": "m_natverk_2",
            "signoffs": [
                {"org": "vitalsensor", "stance": "approve", "comment": ""},
                {"org": "munhalsa", "stance": "abstain", "comment": ""},
                {"org": "distansvard", "stance": "approve", "comment": ""},
                {
                    "org": "umu",
                    "stance": "object",
                    "comment": "Forskningen behöver tillgång till data.",
                },
                {
                    "org": "vll",
                    "stance": "object",
                    "comment": "Strider mot delat ansvar och gemensamt uppsatta mål.",
                },
            ],
            "amendment": None,
            "outcome": "rejected",
        },
        {
            "key": "d_sprida_vardrum",
            "title": "Sprida det digitala vårdrummet till fler hälsocentraler",
            "context": "Vårdrummet i Bjurholm har nått målet efter tre månader.",
            "options": ["Sprida till fler hälsocentraler", "Fortsätta bara i Bjurholm"],
            "proposal": "Det digitala vårdrummet erbjuds Vindeln, Nordmaling och Vännäs.",
            "rationale": "Andelen digitala uppföljningar har ökat tydligt och ligger stabilt.",
            "signatories": ["vll", "distansvard", "umu"],
            "evidence": [
                {"kind": "experiment", "key": "e_bjurholm_1"},
                {"kind": "measure", "key": "m_digitala_besok"},
                {"kind": "lesson", "key": "l_bjurholm"},
            ],
            "meeting": None,
            "signoffs": [
                {"org": "distansvard", "stance": "approve", "comment": ""},
                {"org": "umu", "stance": "approve", "comment": "Vi följer spridningen."},
                {"org": "vll", "stance": "approve", "comment": ""},
            ],
            "amendment": None,
            "outcome": "adopted",
        },
    ],
    "scale_ups": [
        {
            "key": "su_vardrum",
            "practice": "Digitalt vårdrum för uppföljning av kroniskt sjuka nära hemmet.",
            "origin": "e_bjurholm_1",
            "target_units": [
                ("vll", "bjurholm_hc"),
                ("vll", "vindeln_hc"),
                ("vll", "nordmaling_hc"),
                ("vll", "vannas_hc"),
            ],
            "adoptions": [
                {"unit": ("vll", "bjurholm_hc"), "stage": "adopted", "note": "Ursprungsenheten."},
                {"unit": ("vll", "vindeln_hc"), "stage": "planned", "note": ""},
                {"unit": ("vll", "nordmaling_hc"), "stage": "planned", "note": ""},
                {"unit": ("vll", "vannas_hc"), "stage": "planned", "note": ""},
                {
                    "unit": ("vll", "vindeln_hc"),
                    "stage": "preparing",
                    "note": "Lokal för vårdrummet ordnad.",
                },
                {
                    "unit": ("vll", "nordmaling_hc"),
                    "stage": "preparing",
                    "note": "Personalen utbildas.",
                },
                {
                    "unit": ("vll", "vindeln_hc"),
                    "stage": "piloting",
                    "note": "Öppet två dagar i veckan.",
                },
                {
                    "unit": ("vll", "bjurholm_hc"),
                    "stage": "sustained",
                    "note": "Ett år i ordinarie drift.",
                },
            ],
        },
    ],
    "agreements": [
        {
            "key": "a_riskdelning",
            "title": (
                "Avtal om delad risk och delat ansvar i innovationsklinikerna (påhittat exempel)"
            ),
            "currency": "SEK",
            "shares": {
                "vll": Decimal("45.6"),
                "umu": Decimal("12.3"),
                "munhalsa": Decimal("20.0"),
                "vitalsensor": Decimal("14.0"),
                "distansvard": Decimal("8.1"),
            },
            "commitments": [
                {
                    "org": "vll",
                    "kind": "money",
                    "amount": Decimal("600000.00"),
                    "unit": "SEK",
                    "description": "Klinikernas utvecklingstid (påhittat belopp).",
                },
                {
                    "org": "vll",
                    "kind": "staff_hours",
                    "amount": Decimal("1500"),
                    "unit": "timmar",
                    "description": "Medarbetare på de tre innovationsklinikerna.",
                },
                {
                    "org": "umu",
                    "kind": "staff_hours",
                    "amount": Decimal("800"),
                    "unit": "timmar",
                    "description": "Följeforskning och utvärdering.",
                },
                {
                    "org": "munhalsa",
                    "kind": "money",
                    "amount": Decimal("250000.00"),
                    "unit": "SEK",
                    "description": "Anpassning av munhälsoenkäten.",
                },
                {
                    "org": "munhalsa",
                    "kind": "in_kind",
                    "amount": Decimal("150000.00"),
                    "unit": "SEK",
                    "description": "Programvarulicenser under testperioden.",
                },
                {
                    "org": "vitalsensor",
                    "kind": "money",
                    "amount": Decimal("180000.00"),
                    "unit": "SEK",
                    "description": "Integration mot avdelningens översikt.",
                },
                {
                    "org": "vitalsensor",
                    "kind": "in_kind",
                    "amount": Decimal("220000.00"),
                    "unit": "SEK",
                    "description": "Sensorer och drift.",
                },
                {
                    "org": "distansvard",
                    "kind": "money",
                    "amount": Decimal("100000.00"),
                    "unit": "SEK",
                    "description": "Inredning av vårdrummet.",
                },
                {
                    "org": "distansvard",
                    "kind": "in_kind",
                    "amount": Decimal("90000.00"),
                    "unit": "SEK",
                    "description": "Mätutrustning och support.",
                },
            ],
            "contributions": [
                {
                    "org": "vll",
                    "kind": "money",
                    "amount": Decimal("420000.00"),
                    "unit": "SEK",
                    "description": "Utvecklingstid 2018.",
                },
                {
                    "org": "vll",
                    "kind": "staff_hours",
                    "amount": Decimal("1120"),
                    "unit": "timmar",
                    "description": "Redovisad tid från klinikerna 2018.",
                },
                {
                    "org": "umu",
                    "kind": "staff_hours",
                    "amount": Decimal("610"),
                    "unit": "timmar",
                    "description": "Följeforskning 2018.",
                },
                {
                    "org": "munhalsa",
                    "kind": "money",
                    "amount": Decimal("250000.00"),
                    "unit": "SEK",
                    "description": "Anpassningen levererad.",
                },
                {
                    "org": "munhalsa",
                    "kind": "in_kind",
                    "amount": Decimal("150000.00"),
                    "unit": "SEK",
                    "description": "Licenser för testperioden.",
                },
                {
                    "org": "vitalsensor",
                    "kind": "money",
                    "amount": Decimal("120000.00"),
                    "unit": "SEK",
                    "description": "Integrationen, första delen.",
                },
                {
                    "org": "vitalsensor",
                    "kind": "in_kind",
                    "amount": Decimal("220000.00"),
                    "unit": "SEK",
                    "description": "Sensorer levererade.",
                },
                {
                    "org": "distansvard",
                    "kind": "money",
                    "amount": Decimal("60000.00"),
                    "unit": "SEK",
                    "description": "Inredning, första delen.",
                },
                {
                    "org": "distansvard",
                    "kind": "in_kind",
                    "amount": Decimal("90000.00"),
                    "unit": "SEK",
                    "description": "Mätutrustning levererad.",
                },
            ],
            "costs": [
                {
                    "amount": Decimal("410000.00"),
                    "description": "Ersättare för klinikernas personal.",
                },
                {"amount": Decimal("235000.00"), "description": "Integration mot journalsystemet."},
                {"amount": Decimal("140000.00"), "description": "Utbildning av personal."},
                {"amount": Decimal("95000.00"), "description": "Utvärdering."},
            ],
            "benefits": [
                {
                    "beneficiary": "region",
                    "amount": Decimal("310000.00"),
                    "description": "Frigjord tid i behandlingsstol och på avdelningen (värderad).",
                },
                {
                    "beneficiary": "companies",
                    "amount": Decimal("450000.00"),
                    "description": "Vidareutvecklade produkter och referenskund (värderat).",
                },
                {
                    "beneficiary": "residents",
                    "amount": Decimal("180000.00"),
                    "description": "Färre resor till uppföljningsbesök (värderat).",
                },
            ],
            "risks": [
                {
                    "key": "r_integration",
                    "description": "Lösningarna går inte att integrera med journalsystemet.",
                    "owner": "vll",
                    "likelihood": 3,
                    "impact": 4,
                    "status_changes": [
                        {"status": "mitigated", "note": "Gemensam integrationsplan med bolagen."},
                    ],
                },
                {
                    "key": "r_vardagen",
                    "description": "Klinikerna hinner inte med innovationsarbetet i vardagen.",
                    "owner": "vll",
                    "likelihood": 4,
                    "impact": 3,
                    "status_changes": [
                        {
                            "status": "materialised",
                            "note": "Hög belastning på avdelningen i december; testet förlängdes.",
                        },
                        {"status": "mitigated", "note": "Avsatt utvecklingstid varje vecka."},
                    ],
                },
                {
                    "key": "r_bolag_lamnar",
                    "description": "Ett bolag lämnar partnerskapet innan lösningen är färdig.",
                    "owner": "distansvard",
                    "likelihood": 2,
                    "impact": 4,
                    "status_changes": [],
                },
                {
                    "key": "r_data",
                    "description": "Oklart vem som har rätt till data och resultat.",
                    "owner": "umu",
                    "likelihood": 3,
                    "impact": 3,
                    "status_changes": [
                        {"status": "mitigated", "note": "Förslag om ensamrätt avslogs."},
                        {"status": "closed", "note": "Reglerat i ett tillägg till avtalet."},
                    ],
                },
            ],
        },
    ],
}


PARTNERSHIPS: list[Partnership] = [LEARNING_NETWORK, NARA_VARD, LOFOTEN, NORRTALJE, VASTERBOTTEN]


# -- consistency -------------------------------------------------------------------------------


def decision_status(decision: Decision) -> Outcome:
    """The status the decision rule gives after the decision's sign-offs (and amendment).

    Unanimous: once every signatory has signed, `adopted` if none objected and one approved,
    else `rejected`. A sign-off after the decision closed, or an amendment after it closed,
    fails an assertion.
    """
    signatories = set(decision["signatories"])
    amendment = decision["amendment"]
    cut = amendment["after_signoffs"] if amendment is not None else -1
    stances: dict[str, str] = {}
    status: Outcome = "proposed"
    for index, signoff in enumerate(decision["signoffs"]):
        if index == cut:
            assert status == "proposed", f"{decision['key']}: amended after it closed"
            stances = {}
        assert status == "proposed", f"{decision['key']}: sign-off after it closed"
        assert signoff["org"] in signatories, f"{decision['key']}: {signoff['org']} cannot sign"
        stances[signoff["org"]] = signoff["stance"]
        if set(stances) == signatories:
            values = set(stances.values())
            status = "adopted" if "object" not in values and "approve" in values else "rejected"
    if cut == len(decision["signoffs"]):
        assert status == "proposed", f"{decision['key']}: amended after it closed"
    return status


def _month(period: str) -> tuple[int, int]:
    day = datetime.date.fromisoformat(period if len(period) > 7 else period + "-01")
    return (day.year, day.month)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def _check_partnership(p: Partnership, orgs: dict[str, Organisation]) -> None:
    name = p["key"]
    start, end = p["starts_on"], p["ends_on"]

    def in_period(day: datetime.date) -> bool:
        return start <= day and (end is None or day <= end)

    def month_in_period(period: str) -> bool:
        month = _month(period)
        return (start.year, start.month) <= month and (
            end is None or month <= (end.year, end.month)
        )

    def unit_exists(ref: UnitRef) -> bool:
        return ref[0] in orgs and any(u["key"] == ref[1] for u in orgs[ref[0]]["units"])

    def unique(items: list[str], what: str) -> set[str]:
        assert len(items) == len(set(items)), f"{name}: duplicate {what}: {items}"
        return set(items)

    assert p["kind"] in get_args(PartnershipKind), name
    assert p["goals"], name
    assert end is None or start < end, name

    # members
    members = p["members"]
    assert len(members) >= 3, f"{name}: fewer than 3 members"
    assert members[0]["org"] == p["coordinator"] and members[0]["role"] == "coordinator", name
    assert [m["role"] for m in members].count("coordinator") == 1, name
    member_orgs = unique([m["org"] for m in members], "members")
    joined = {m["org"]: m["joined_on"] for m in members}
    signers = {m["org"] for m in members if m["role"] in ("coordinator", "partner")}
    for m in members:
        assert m["org"] in orgs, f"{name}: unknown organisation {m['org']}"
        assert m["role"] in get_args(MemberRole), name
        assert in_period(m["joined_on"]), f"{name}: {m['org']} joined outside the period"
    assert [m["joined_on"] for m in members] == sorted(joined.values()), f"{name}: members order"

    # phases and status changes
    assert p["phases"], f"{name}: no phases"
    for dated in (p["phases"], p["status_changes"]):
        days = [item["on"] for item in dated]
        assert days == sorted(days), f"{name}: not chronological"
        assert all(in_period(day) for day in days), f"{name}: date outside the period"
    assert all(ph["phase"] in get_args(PhaseName) for ph in p["phases"]), name
    assert all(s["status"] in get_args(Status) for s in p["status_changes"]), name
    assert p["status_changes"] and p["status_changes"][0]["status"] == "active", name

    # challenges, funding
    assert p["challenges"], f"{name}: no challenges"
    unique([c["key"] for c in p["challenges"]], "challenges")
    for challenge in p["challenges"]:
        assert challenge["level"] in get_args(Level) and challenge["needs_of"], name
        assert all(need in get_args(Need) for need in challenge["needs_of"]), name
    for f in p["funding"]:
        assert f["funder"] in member_orgs and f["amount"] > 0, f"{name}: funding"

    # meetings
    assert p["meetings"], f"{name}: no meetings"
    meetings = unique([mt["key"] for mt in p["meetings"]], "meetings")
    held = [mt["held_on"] for mt in p["meetings"]]
    assert held == sorted(held), f"{name}: meetings not chronological"
    for mt in p["meetings"]:
        assert mt["kind"] in get_args(MeetingKind), name
        assert in_period(mt["held_on"]), f"{name}: meeting {mt['key']} outside the period"
        for org in mt["attending"]:
            assert org in member_orgs, f"{name}: {org} attends {mt['key']} but is no member"
            assert joined[org] <= mt["held_on"], f"{name}: {org} attends before joining"

    # clinics
    for clinic in p["clinics"]:
        assert clinic["org"] in member_orgs, name
        assert unit_exists((clinic["org"], clinic["unit"])), f"{name}: clinic {clinic}"

    # measures
    measures = unique([ms["key"] for ms in p["measures"]], "measures")
    for ms in p["measures"]:
        assert ms["direction"] in get_args(Direction), name
        periods = [_month(v["period"]) for v in ms["values"]]
        assert periods == sorted(set(periods)), f"{name}: {ms['key']} periods not in order"
        assert all(month_in_period(v["period"]) for v in ms["values"]), f"{name}: {ms['key']}"
        assert all(v["n"] > 0 for v in ms["values"]), name
        recorded = {v["period"] for v in ms["values"]}
        for fix in ms["corrections"]:
            assert fix["period"] in recorded, f"{name}: {ms['key']} corrects an unrecorded period"

    # experiments
    experiments: set[str] = set()
    for e in p["experiments"]:
        key = e["key"]
        assert key not in experiments, f"{name}: duplicate experiment {key}"
        assert e["site"][0] in member_orgs and unit_exists(e["site"]), f"{name}: {key} site"
        assert all(k in measures for k in e["measures"]), f"{name}: {key} measures"
        assert e["previous"] is None or e["previous"] in experiments, f"{name}: {key} previous"
        assert in_period(e["planned_end_on"]), f"{name}: {key} planned end"
        observed = [o["observed_on"] for o in e["observations"]]
        assert observed == sorted(observed) and all(in_period(d) for d in observed), key
        assert e["started"] or not (e["observations"] or e["study"]), f"{name}: {key} stages"
        assert e["study"] is not None or e["conclusion"] is None, f"{name}: {key} stages"
        if e["study"] is not None:
            assert e["study"]["prediction_held"] in get_args(PredictionHeld), key
        if e["conclusion"] is not None:
            assert e["conclusion"]["act"] in get_args(Act), key
        experiments.add(key)
    assert experiments, f"{name}: no experiments"

    # lessons (applied before decisions: they cite experiments and meetings only)
    lessons: set[str] = set()
    for lesson in p["lessons"]:
        key, source = lesson["key"], lesson["source"]
        assert key not in lessons, f"{name}: duplicate lesson {key}"
        assert lesson["level"] in get_args(Level), key
        if lesson["source_kind"] == "system_analysis":
            assert source is None, key
        elif lesson["source_kind"] == "experiment":
            assert source in experiments, f"{name}: {key} source"
        elif lesson["source_kind"] == "meeting":
            assert source in meetings, f"{name}: {key} source"
        else:
            raise AssertionError(f"{name}: {key} cites a decision, which comes later")
        lessons.add(key)
    assert lessons, f"{name}: no lessons"

    # decisions
    decisions: set[str] = set()
    known = {"experiment": experiments, "measure": measures, "lesson": lessons, "meeting": meetings}
    for d in p["decisions"]:
        key = d["key"]
        assert key not in decisions, f"{name}: duplicate decision {key}"
        assert d["options"] and d["signatories"], key
        unique(d["signatories"], f"signatories of {key}")
        assert set(d["signatories"]) <= signers, f"{name}: {key} signatory not a partner"
        for ev in d["evidence"]:
            pool = decisions if ev["kind"] == "decision" else known[ev["kind"]]
            assert ev["key"] in pool, f"{name}: {key} cites unknown {ev['kind']} {ev['key']}"
        assert d["meeting"] is None or d["meeting"] in meetings, f"{name}: {key} meeting"
        if d["amendment"] is not None:
            assert 0 < d["amendment"]["after_signoffs"] <= len(d["signoffs"]), key
            assert set(d["amendment"]["changes"]) <= {
                "title",
                "context",
                "options",
                "proposal",
                "rationale",
            }, key
        assert decision_status(d) == d["outcome"], f"{name}: {key} outcome"
        if d["outcome"] != "proposed":
            assert {s["org"] for s in d["signoffs"]} == set(d["signatories"]), key
        decisions.add(key)
    assert len(decisions) >= 2, f"{name}: fewer than 2 decisions"

    # scale-ups
    assert p["scale_ups"], f"{name}: no scale-up"
    for su in p["scale_ups"]:
        assert su["origin"] in experiments, f"{name}: {su['key']} origin"
        for ref in su["target_units"]:
            assert ref[0] in member_orgs and unit_exists(ref), f"{name}: {su['key']} {ref}"
        for adoption in su["adoptions"]:
            assert adoption["unit"] in su["target_units"], f"{name}: {su['key']} adoption"
            assert adoption["stage"] in get_args(AdoptionStage), su["key"]

    # agreements
    for a in p["agreements"]:
        shares = a["shares"]
        assert sum(shares.values()) == Decimal("100"), f"{name}: {a['key']} shares != 100"
        for org, share in shares.items():
            assert org in member_orgs and share > 0, f"{name}: {a['key']} share of {org}"
            assert share.as_tuple().exponent == -1, f"{name}: {a['key']} share not one decimal"
        for given in a["commitments"] + a["contributions"]:
            assert given["org"] in shares and given["amount"] > 0, f"{name}: {a['key']} {given}"
            assert given["kind"] in get_args(ContributionKind), a["key"]
        assert all(c["amount"] > 0 for c in a["costs"]), a["key"]
        for b in a["benefits"]:
            assert b["beneficiary"] in get_args(Beneficiary) and b["amount"] > 0, a["key"]
        unique([r["key"] for r in a["risks"]], "risks")
        for r in a["risks"]:
            assert r["owner"] in shares, f"{name}: {r['key']} owner"
            assert 1 <= r["likelihood"] <= 5 and 1 <= r["impact"] <= 5, r["key"]
            assert all(s["status"] in get_args(RiskStatus) for s in r["status_changes"]), r["key"]


def check() -> None:
    """Assert that the demo data is consistent; raise AssertionError naming what is not."""
    orgs: dict[str, Organisation] = {}
    for org in ORGANISATIONS:
        assert org["key"] not in orgs, f"duplicate organisation {org['key']}"
        assert org["kind"] in get_args(OrgKind), org["key"]
        assert org["country"] in get_args(Country), org["key"]
        units = [u["key"] for u in org["units"]]
        assert len(units) == len(set(units)), f"{org['key']}: duplicate unit"
        assert all(u["unit_type"] in get_args(UnitType) for u in org["units"]), org["key"]
        if org["kind"] == "company" and org["key"] != "tiohundra":
            assert org["name"].endswith(INVENTED_NAME_SUFFIX), f"{org['key']}: invented?"
        orgs[org["key"]] = org

    assert len({p["key"] for p in PARTNERSHIPS}) == len(PARTNERSHIPS)
    for p in PARTNERSHIPS:
        _check_partnership(p, orgs)
    used = {m["org"] for p in PARTNERSHIPS for m in p["members"]}
    assert used == set(orgs), f"organisations in no partnership: {set(orgs) - used}"

    # Events carry no personal data: no e-mail addresses anywhere.
    texts = _strings(ORGANISATIONS) + _strings(PARTNERSHIPS)
    assert not [t for t in texts if "@" in t], "an e-mail address in the demo data"

    # The demo shows every decision outcome and an amendment.
    decisions = [d for p in PARTNERSHIPS for d in p["decisions"]]
    assert {d["outcome"] for d in decisions} == {"proposed", "adopted", "rejected"}
    assert any(d["amendment"] is not None for d in decisions)

    # The seed facts.
    ln = LEARNING_NETWORK
    assert ln["funding"][0]["amount"] == Decimal("950000")
    assert (ln["starts_on"], ln["ends_on"]) == (_d(2015, 8, 1), _d(2016, 8, 31))
    workshops = [m for m in ln["meetings"] if m["kind"] == "workshop"]
    assert len(workshops) == 5
    assert {m["place"] for m in workshops} == {"Umeå", "Luleå", "Stockholm"}
    places = [m["place"] for m in workshops]
    assert all(places[i] != places[i + 1] for i in range(len(places) - 1))
    assert any(m["kind"] == "local_meeting" for m in ln["meetings"])

    assert NORRTALJE["funding"][0]["amount"] == Decimal("3956310")
    assert (NORRTALJE["starts_on"], NORRTALJE["ends_on"]) == (_d(2018, 11, 1), _d(2020, 11, 30))
    assert [ph["phase"] for ph in NORRTALJE["phases"]] == ["understand", "redesign", "scale_up"]

    lofoten = {ms["key"]: ms for ms in LOFOTEN["measures"]}
    for key, baseline, follow_up in (
        ("m_kunnskapssenteret", 17, 55),
        ("m_helsedirektoratet", 33, 48),
        ("m_forbedringsmodellen", 54, 76),
        ("m_flytskjema", 29, 62),
        ("m_kunnskap_endring", 0, 4),
        ("m_malinger_endring", 0, 8),
        ("m_initiativ_endring", 0, 5),
    ):
        values = [v["value"] for v in lofoten[key]["values"]]
        assert lofoten[key]["baseline"] == baseline and values == [baseline, follow_up], key
    gatherings = [m["held_on"] for m in LOFOTEN["meetings"] if m["kind"] == "network_gathering"]
    first_year_end = _d(LOFOTEN["starts_on"].year + 1, LOFOTEN["starts_on"].month, 1)
    assert len([d for d in gatherings if d < first_year_end]) == 4

    assert len(VASTERBOTTEN["clinics"]) == 3
    assert {
        u["unit_type"]
        for c in VASTERBOTTEN["clinics"]
        for u in orgs[c["org"]]["units"]
        if u["key"] == c["unit"]
    } == {"clinic", "ward", "health_centre"}
    assert VASTERBOTTEN["agreements"], "Västerbotten needs its risk-sharing agreement"
    beneficiaries = {b["beneficiary"] for b in VASTERBOTTEN["agreements"][0]["benefits"]}
    assert beneficiaries == {"region", "companies", "residents"}

    assert {lesson["level"] for lesson in NARA_VARD["lessons"]} == {"micro", "meso", "macro"}
    assert {c["title"] for c in NARA_VARD["challenges"]} >= {
        "Ökad psykisk ohälsa bland unga",
        "Omhändertagande av multisjuka äldre",
    }

    # A run-chart shift: at least 6 points in a row on one side of the median.
    series = {ms["key"]: ms for ms in NORRTALJE["measures"] + VASTERBOTTEN["measures"]}
    for key in ("m_aterinskrivning", "m_digitala_besok"):
        values = [v["value"] for v in series[key]["values"]]
        assert len(values) >= 20, key
        ordered = sorted(values)
        median = (ordered[len(values) // 2 - 1] + ordered[len(values) // 2]) / 2
        longest = run = 0
        side = 0
        for value in values:
            now = (value > median) - (value < median)
            if now == 0:
                continue
            run = run + 1 if now == side else 1
            side = now
            longest = max(longest, run)
        assert longest >= 6, f"{key}: no shift"


if __name__ == "__main__":
    check()
    print("demo data OK")
