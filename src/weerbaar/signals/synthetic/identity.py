"""Realistic Dutch identifiers for synthetic data: IBANs, KvK numbers, postcodes, names."""

from __future__ import annotations

import numpy as np

# Real Dutch bank codes (BIC prefixes used in NL IBANs).
BANK_CODES: tuple[str, ...] = (
    "ABNA",
    "RABO",
    "INGB",
    "SNSB",
    "TRIO",
    "ASNB",
    "KNAB",
    "BUNQ",
    "RBRB",
)
SURNAMES: tuple[str, ...] = (
    "De Vries",
    "Jansen",
    "Van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "De Boer",
    "Mulder",
    "De Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Van Leeuwen",
    "Dekker",
    "Brouwer",
    "De Wit",
    "Dijkstra",
    "Smits",
    "De Graaf",
    "Van der Meer",
    "Van der Linden",
    "Kok",
    "Jacobs",
    "De Haan",
    "Vermeulen",
    "Van den Heuvel",
    "Van der Veen",
    "Van den Broek",
    "De Bruijn",
    "De Jong",
    "Van Dijk",
    "Schouten",
    "Hoekstra",
    "Koster",
    "Prins",
    "Willems",
    "Postma",
    "Kuipers",
)
INITIALS: tuple[str, ...] = tuple("ABCDEFGHIJKLMNPRSTW")
BRANCHES: tuple[str, ...] = (
    "Bouw",
    "Installatietechniek",
    "Schoonmaak",
    "Advies",
    "ICT",
    "Groenvoorziening",
    "Transport",
    "Drukwerk",
    "Catering",
    "Beveiliging",
    "Infra",
    "Juridisch Advies",
    "Accountants",
    "Facilitair",
    "Detachering",
    "Elektrotechniek",
    "Schilders",
    "Verhuur",
)
FORMS: tuple[str, ...] = ("B.V.", "B.V.", "B.V.", "V.O.F.", "Holding B.V.", "& Zn.", "N.V.")
FORBIDDEN_POSTCODE_LETTERS = {"SA", "SD", "SS"}
LETTER_PAIRS: tuple[str, ...] = tuple(
    a + b
    for a in "ABCDEFGHJKLMNPRSTVWXZ"
    for b in "ABCDEFGHJKLMNPRSTVWXZ"
    if a + b not in FORBIDDEN_POSTCODE_LETTERS
)


def _letters_to_number(text: str) -> int:
    return int("".join(str(ord(char) - 55) for char in text))


def iban_check_digits(bank_code: str, account: int) -> str:
    """ISO 13616 mod-97 check digits of a Dutch IBAN."""
    number = int(f"{_letters_to_number(bank_code)}{account:010d}{_letters_to_number('NL')}00")
    return f"{98 - number % 97:02d}"


def is_valid_iban(iban: str) -> bool:
    text = iban.replace(" ", "").upper()
    if len(text) < 15 or not text[:2].isalpha():
        return False
    rearranged = text[4:] + text[:4]
    digits = "".join(str(int(char, 36)) for char in rearranged)
    return int(digits) % 97 == 1


def ibans(bank_index: np.ndarray, accounts: np.ndarray) -> list[str]:
    """Dutch IBANs (vectorised mod-97) for bank indexes into BANK_CODES and 10-digit accounts."""
    bank_numbers = np.array([_letters_to_number(code) for code in BANK_CODES], dtype=np.int64)
    remainder = bank_numbers[bank_index] % 97
    remainder = (remainder * (10**10 % 97) + accounts % 97) % 97
    remainder = (remainder * (10**6 % 97) + _letters_to_number("NL") * 100) % 97
    check = 98 - remainder
    return [
        f"NL{c:02d}{BANK_CODES[b]}{a:010d}"
        for c, b, a in zip(check.tolist(), bank_index.tolist(), accounts.tolist(), strict=True)
    ]


def unique_accounts(rng: np.random.Generator, count: int, offset: int = 0) -> np.ndarray:
    """Distinct 10-digit account numbers (spread, shuffled)."""
    base = rng.permutation(count).astype(np.int64) + offset
    return 1_000_000_000 + (base * 7_919 + 13) % 8_999_999_999


def postcodes(indexes: np.ndarray) -> list[str]:
    """Distinct Dutch postcodes (``1234 AB``) for distinct indexes."""
    numbers = 1000 + indexes % 9000
    letters = (indexes // 9000 + numbers * 7) % len(LETTER_PAIRS)
    return [
        f"{n} {LETTER_PAIRS[pair]}"
        for n, pair in zip(numbers.tolist(), letters.tolist(), strict=True)
    ]


def company_names(rng: np.random.Generator, count: int) -> list[str]:
    surname = rng.integers(0, len(SURNAMES), count).tolist()
    branch = rng.integers(0, len(BRANCHES), count).tolist()
    form = rng.integers(0, len(FORMS), count).tolist()
    return [
        f"{SURNAMES[s]} {BRANCHES[b]} {FORMS[f]}"
        for s, b, f in zip(surname, branch, form, strict=True)
    ]


def employee_ids(prefix_index: int, count: int) -> list[str]:
    """Login names of (fictional) employees, e.g. ``j.devries``; distinct within a group."""
    names = []
    for number in range(count):
        position = prefix_index * 97 + number
        initial = INITIALS[position % len(INITIALS)].lower()
        surname = SURNAMES[(position // len(INITIALS) + number) % len(SURNAMES)]
        names.append(
            f"{initial}.{surname.lower().replace(' ', '')}{prefix_index * 100 + number + 1}"
        )
    return names
