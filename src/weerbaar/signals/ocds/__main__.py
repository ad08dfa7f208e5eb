"""``python -m weerbaar.signals.ocds FILE [--settings INI] [--no-meta] [--map]``.

Prints the Cardinal-shaped result of the INK rules for FILE, as ``ocdscardinal indicators``
would (JSON on standard output), for comparing the two tools on the same data.
"""

from __future__ import annotations

import argparse
import json
import sys

from weerbaar.signals.ocds.cardinal import run_file
from weerbaar.signals.ocds.io import OcdsLoadError
from weerbaar.signals.ocds.settings import RULE_IDS, CardinalSettings, SettingsError, load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m weerbaar.signals.ocds")
    parser.add_argument("file", help="OCDS compiled releases, one JSON object per line")
    parser.add_argument("--settings", "-s", help="Cardinal settings file (default: all indicators)")
    parser.add_argument("--no-meta", action="store_true", help="leave out the Meta key")
    parser.add_argument("--map", action="store_true", help="include the Maps key")
    args = parser.parse_args(argv)
    try:
        settings = (
            load_settings(args.settings)
            if args.settings
            else CardinalSettings.model_validate({code: {} for code in RULE_IDS})
        )
        result = run_file(args.file, settings)
    except (OcdsLoadError, SettingsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.no_meta:
        result.pop("Meta", None)
    if not args.map:
        result.pop("Maps", None)
    json.dump(result, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
