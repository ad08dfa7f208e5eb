"""Red flags and the signal-rule catalogue point at each other consistently."""

from __future__ import annotations

from weerbaar.knowledge import load_framework
from weerbaar.signals.registry import builtin_registry


def test_cited_rules_exist_in_their_process_and_every_rule_is_cited() -> None:
    framework = load_framework()
    rules = {rule.id: rule for rule in builtin_registry()}
    families = {rule_id.split("-")[0] for rule_id in rules}
    cited: set[str] = set()
    for process in framework.processes.values():
        for flag in process.red_flags:
            for rule_id in flag.signal_rules:
                cited.add(rule_id)
                if rule_id.split("-")[0] not in families:
                    continue  # a planned rule family that the signals engine does not have yet
                assert rule_id in rules, f"{flag.id} cites unknown signal rule {rule_id}"
                assert rules[rule_id].spec.process == process.id, (
                    f"{rule_id} is not a {process.id} rule"
                )
    uncited = sorted(set(rules) - cited)
    assert not uncited, f"signal rules not linked to any red flag: {uncited}"
