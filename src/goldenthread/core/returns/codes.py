"""Code sets used by the SEN2 and Annex A returns, each with where it comes from.

Sources (copied into docs/returns.md):

- DfE, "Special educational needs person level survey: guide" (SEN2, 2025 guide v1.4 and the
  2026 guide), items 4.6 (CeaseReason), 4.7c / 5.7c (SENsetting), 5.8a (SENtype);
- DfE Common Basic Data Set (CBDS): ethnicity (D00005 extended codes);
- the SEN2 code lists as published read by MastodonC/witan.sen2
  (src/witan/sen2/return/person_level/dictionary.clj), which quotes the guide.
"""

from __future__ import annotations

from types import MappingProxyType

SEN2_GUIDE = "DfE SEN2 person level survey guide (2025 v1.4; 2026)"
CBDS = "DfE Common Basic Data Set (CBDS)"

# SEN2 item 4.6: why a plan ended (<CeaseReason>).
CEASE_REASONS = MappingProxyType(
    {
        "1": "Reached maximum age",
        "2": "Ongoing educational or training needs being met without an EHC plan",
        "3": "Moved on to higher education",
        "4": "Moved on to paid employment, excluding apprenticeships",
        "5": "Transferred to another local authority in England",
        "6": "Young person no longer wishes to engage in education or training",
        "7": "Person has moved outside England",
        "8": "Person deceased",
        "9": "Other",
    }
)

# SEN2 items 4.7c and 5.7c: the type of setting when there is no URN or UKPRN (<SENsetting>).
SEN_SETTINGS = MappingProxyType(
    {
        "OLA": "Other arrangements made by the local authority (section 61, EOTAS)",
        "OPA": "Other arrangements made by parents or young person (section 42(5)), not EHE",
        "EHE": "Elective home education",
        "EYP": "Early years provider with no GIAS URN",
        "OTH": "Other: a type of setting named but no setting",
        "NEET": "Not in education, employment or training (aged 16 to 25)",
        "NIEC": "Not in education or training: notice to cease issued",
        "NIEO": "Not in education or training: other",
    }
)

# SEN2 item 5.8a: type of need (<SENtype>), the same codes as the school census.
SEN_TYPES = MappingProxyType(
    {
        "SPLD": "Specific learning difficulty",
        "MLD": "Moderate learning difficulty",
        "SLD": "Severe learning difficulty",
        "PMLD": "Profound and multiple learning difficulty",
        "SEMH": "Social, emotional and mental health",
        "SLCN": "Speech, language and communication needs",
        "HI": "Hearing impairment",
        "VI": "Vision impairment",
        "MSI": "Multi-sensory impairment",
        "PD": "Physical disability",
        "ASD": "Autistic spectrum disorder",
        "DS": "Down syndrome",
        "OTH": "Other difficulty",
    }
)

# SEN2 person item <Sex> (from guide v1.2 it replaces <GenderCurrent>): M male, F female.
# The item name is confirmed (witan.sen2 blade/csv.clj, "sex ; >=v1.2"); the letters M and F are
# those of the DfE school census "Sex" item, not confirmed against the SEN2 specification itself.
SEXES = MappingProxyType({"M": "Male", "F": "Female"})

# CBDS ethnicity, main and extended codes used in DfE returns.
ETHNICITIES = MappingProxyType(
    {
        "WBRI": "White British",
        "WIRI": "White Irish",
        "WIRT": "Traveller of Irish heritage",
        "WOTH": "Any other White background",
        "WROM": "Gypsy/Roma",
        "MWBC": "White and Black Caribbean",
        "MWBA": "White and Black African",
        "MWAS": "White and Asian",
        "MOTH": "Any other mixed background",
        "AIND": "Indian",
        "APKN": "Pakistani",
        "ABAN": "Bangladeshi",
        "AOTH": "Any other Asian background",
        "BCRB": "Black Caribbean",
        "BAFR": "Black African",
        "BOTH": "Any other Black background",
        "CHNE": "Chinese",
        "OOTH": "Any other ethnic group",
        "REFU": "Refused",
        "NOBT": "Information not yet obtained",
    }
)

# SEN2 person item: why there is neither UPN nor ULN (<UPNunknown>), CBDS "UN" codes.
UPN_UNKNOWN = MappingProxyType(
    {
        "UN1": "Child is now adopted",
        "UN2": "Child has never attended a school in England",
        "UN3": "Child is not in school or education (other than UN2)",
        "UN4": "UPN and ULN not yet known: being obtained",
        "UN5": "Sources of the UPN or ULN are not available",
        "UN8": "Person is new to the authority and UPN or ULN not yet obtained",
        "UN9": "Young person has never attended a school or college in England",
    }
)

# SEN2 request outcome (<RequestOutcome>): the decision whether to assess.
REQUEST_OUTCOMES = MappingProxyType(
    {
        "A": "Assessment agreed (decided to assess)",
        "J": "Assessment refused",
        "W": "Request withdrawn or ceased before the decision",
        "P": "Decision not yet made (pending)",
    }
)

# SEN2 request source (<RequestSource>, from the 2026 collection): who asked for the assessment.
REQUEST_SOURCES = MappingProxyType(
    {
        "1": "Young person or parent",
        "2": "School or other education setting",
        "3": "Health care professional",
        "4": "Social care professional",
        "5": "Other",
    }
)

# SEN2 assessment outcome (<AssessmentOutcome>): the decision whether to issue a plan.
ASSESSMENT_OUTCOMES = MappingProxyType(
    {
        "H": "Plan issued (decided to issue)",
        "I": "Decided not to issue a plan",
        "W": "Assessment withdrawn or ceased",
        "P": "Decision not yet made (pending)",
    }
)

# SEN2 <ReviewOutcome> (guide v1.2 on, "Annual review decision" after the <ReviewMeeting>):
# M maintain, A amend, C cease. Item names confirmed (witan.sen2 blade/csv.clj); the letters are
# not confirmed against the DfE specification (docs/returns.md).
REVIEW_OUTCOMES = MappingProxyType(
    {"M": "Maintain the plan unchanged", "A": "Amend the plan", "C": "Cease the plan"}
)

# Annex A main establishment phase (the published template's phase list).
ANNEX_A_PHASES = MappingProxyType(
    {
        "EY": "Early years",
        "PRI": "Primary",
        "SEC": "Secondary",
        "FE": "Further education",
        "SPEC": "Special",
        "AP": "Alternative provision",
        "ALL": "All-through",
    }
)

YES_NO = MappingProxyType({"1": "Yes", "0": "No"})
