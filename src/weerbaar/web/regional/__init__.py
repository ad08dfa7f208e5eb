"""The regional picture in the web app: consent, contributions, benchmark panel, RIEC view and
federation. The rules (consent levels, group sizes, suppression, signatures) live in the core,
:mod:`weerbaar.benchmark`; this app stores and shows."""
