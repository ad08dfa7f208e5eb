"""Generate the CLI reference (``docs/cli-reference.md``) from the Typer app itself.

A test regenerates it and fails when the committed file is stale, so no command or option
can be added without appearing in the documentation.
"""

from __future__ import annotations

from typing import Any

import typer.main

HEADER = """# CLI reference

Generated from the code by `weerbaar docs cli-reference` (do not edit by hand; a test checks
that this file is up to date). Every command has `--help` with the same text.
"""


def _param_line(param: Any) -> str:
    if getattr(param, "param_type_name", "") == "argument":
        name = (param.metavar or param.name or "").upper()
        help_text = " ".join((getattr(param, "help", None) or "").split())
        required = ", required" if param.required else ""
        return f"- `{name}` (argument{required}){': ' + help_text if help_text else ''}"
    names = ", ".join(f"`{opt}`" for opt in [*param.opts, *param.secondary_opts])
    help_text = " ".join((param.help or "").split())
    extras = []
    if param.required:
        extras.append("required")
    default = param.default
    if default not in (None, False, (), []) and not param.is_flag and not callable(default):
        extras.append(f"default: `{default}`")
    suffix = f" ({'; '.join(extras)})" if extras else ""
    return f"- {names}{suffix}: {help_text}".rstrip(": ")


def _command_section(path: list[str], command: Any) -> list[str]:
    title = " ".join(path)
    lines = [f"## `{title}`", ""]
    help_text = (command.help or "").strip()
    if help_text:
        lines += [help_text, ""]
    params = [
        p for p in command.params if p.name not in {"help"} and not getattr(p, "hidden", False)
    ]
    if params:
        lines += [_param_line(p) for p in params] + [""]
    return lines


def _walk(path: list[str], command: Any) -> list[str]:
    lines = _command_section(path, command)
    if isinstance(getattr(command, "commands", None), dict):
        for name in sorted(command.commands):
            sub = command.commands[name]
            if not sub.hidden:
                lines += _walk([*path, name], sub)
    return lines


def render_cli_reference() -> str:
    from weerbaar.cli import app

    root = typer.main.get_command(app)
    return HEADER + "\n" + "\n".join(_walk(["weerbaar"], root)).rstrip() + "\n"
