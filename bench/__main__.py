"""List the benchmarks, or run the ones named on the command line: ``python -m bench plan``."""

from __future__ import annotations

import pkgutil
import runpy
import sys
from pathlib import Path


def available() -> list[str]:
    here = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_"))


def main(argv: list[str]) -> int:
    names = available()
    if not argv:
        print("Benchmarks (run with `python -m bench NAME [NAME ...]` or `python -m bench.NAME`):")
        for name in names:
            print(f"  {name}")
        return 0
    unknown = [name for name in argv if name not in names]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(names)}")
        return 2
    for name in argv:
        print(f"== bench.{name} ==", flush=True)
        runpy.run_module(f"bench.{name}", run_name="__main__")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
