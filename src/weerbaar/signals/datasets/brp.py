"""BRP: address registrations (with who processed them) and the BAG objects they point at.

Column names follow the Haal Centraal BRP API where it has one (``burgerservicenummer``,
``verblijfplaats.adresseerbaarObjectIdentificatie``, ``datumVan``, ``datumTot``,
``functieAdres``) and the BAG for the addresses (``gebruiksdoel``, ``oppervlakte``). The BRP
rules look at addresses, mutations and the employees who make them, never at a resident's
personal attributes: the export holds no name, age, sex, nationality or country of birth.
"""

from __future__ import annotations

from weerbaar.signals.columns import BAG_HINT, BAG_ID_PATTERN, DatasetSchema, c

MUTATIONS = (
    "inschrijving",
    "verhuizing",
    "geboorte",
    "correctie",
    "vertrek",
    "emigratie",
    "overlijden",
)
# The eleven gebruiksdoelen of a BAG verblijfsobject (Wet basisregistraties adressen en gebouwen).
USES = (
    "woonfunctie",
    "bijeenkomstfunctie",
    "celfunctie",
    "gezondheidszorgfunctie",
    "industriefunctie",
    "kantoorfunctie",
    "logiesfunctie",
    "onderwijsfunctie",
    "sportfunctie",
    "winkelfunctie",
    "overige gebruiksfunctie",
)

ADDRESS = c(
    "adresseerbaarObjectIdentificatie",
    required=False,
    pattern=BAG_ID_PATTERN,
    pad=16,
    hint=BAG_HINT,
    description="verblijfplaats.adresseerbaarObjectIdentificatie: the BAG object (16 digits).",
)

MUTATIONS_SCHEMA = DatasetSchema(
    "brp_mutations",
    (
        c("mutation_id", description="The mutation's number in the BRP system."),
        c(
            "burgerservicenummer",
            person=True,
            pad=9,
            description="The person registered (pseudonymised before any rule runs).",
        ),
        c(
            "mutation_type",
            codes=MUTATIONS,
            description=(
                "inschrijving (settles here from elsewhere), verhuizing (moves within the "
                "municipality), geboorte, correctie (address corrected), vertrek, emigratie, "
                "overlijden (no new address)."
            ),
        ),
        ADDRESS,
        c(
            "functieAdres",
            required=False,
            codes=("W", "B"),
            description="W woonadres (residence, default), B briefadres (postal address).",
        ),
        c("datumVan", "DATE", description="verblijfplaats.datumVan: the address applies from."),
        c(
            "datumTot",
            "DATE",
            required=False,
            description="verblijfplaatshistorie datumTot: the address ended (empty: current).",
        ),
        c("registered_at", "TIMESTAMP", description="When the mutation was processed."),
        c(
            "registered_by",
            person=True,
            description="The employee who processed it (pseudonymised).",
        ),
    ),
    key=("mutation_id",),
    description=(
        "Address registrations in the period, also those that began earlier and still ran: one "
        "row per registration (a person at an address from datumVan to datumTot)."
    ),
    process="brp",
)
BAG_ADDRESSES = DatasetSchema(
    "bag_addresses",
    (
        c(
            "adresseerbaarObjectIdentificatie",
            pattern=BAG_ID_PATTERN,
            pad=16,
            hint=BAG_HINT,
            description="The BAG verblijfsobject id (16 digits).",
        ),
        c(
            "gebruiksdoel",
            codes=USES,
            description="The BAG use; one row per use of an object with several.",
        ),
        c("oppervlakte", "BIGINT", description="Floor area (gebruiksoppervlakte, m²)."),
    ),
    key=("adresseerbaarObjectIdentificatie", "gebruiksdoel"),
    description="The municipality's BAG verblijfsobjecten with their use and floor area.",
    process="brp",
)
SCHEMAS = (MUTATIONS_SCHEMA, BAG_ADDRESSES)
