"""Read one YAML file together with its node tree, so that problems can name a line number."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from weerbaar.knowledge.errors import Problem

Loc = tuple[str | int, ...]


def format_path(loc: Loc) -> str:
    """``("measures", 3, "processes", 1)`` -> ``measures[3].processes[1]``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass(frozen=True)
class YamlFile:
    """A parsed YAML file: its data and its node tree (for line numbers)."""

    relative: str
    data: Any
    root: yaml.Node | None

    def line(self, loc: Loc) -> int | None:
        """1-based line of the deepest node along ``loc`` (the file start if nothing matches)."""
        node = self.root
        if node is None:
            return None
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1

    def problem(self, loc: Loc, message: str) -> Problem:
        return Problem(self.relative, self.line(loc), format_path(loc), message)


def duplicate_keys(file: YamlFile) -> list[Problem]:
    """Mapping keys written twice (YAML would silently keep the last one)."""
    problems: list[Problem] = []
    stack: list[tuple[yaml.Node, Loc]] = [(file.root, ())] if file.root is not None else []
    while stack:
        node, loc = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                name = str(key.value)
                if name in seen:
                    line = key.start_mark.line + 1
                    path = format_path((*loc, name))
                    problems.append(Problem(file.relative, line, path, f"duplicate key {name!r}"))
                seen.add(name)
                stack.append((value, (*loc, name)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, (*loc, index)) for index, child in enumerate(node.value))
    return problems


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == part:
                return value if isinstance(value, yaml.Node) else None
    if (
        isinstance(node, yaml.SequenceNode)
        and isinstance(part, int)
        and 0 <= part < len(node.value)
    ):
        child = node.value[part]
        return child if isinstance(child, yaml.Node) else None
    return None


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose_and_construct(text: str) -> tuple[yaml.Node | None, Any]:
    """Parse once: the node tree (for line numbers) and the data built from it."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    return root, data


def read_yaml(path: Path, base: Path) -> YamlFile | Problem:
    """Parse ``path``; return a :class:`Problem` (with the line) on a syntax error."""
    relative = path.relative_to(base).as_posix()
    try:
        root, data = _compose_and_construct(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        return Problem(relative, line, "", f"invalid YAML: {exc.problem or exc}")
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        return Problem(relative, None, "", f"cannot read YAML: {exc}")
    return YamlFile(relative, data, root)
