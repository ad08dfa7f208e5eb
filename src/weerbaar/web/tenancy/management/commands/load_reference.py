"""``load_reference``: the 342 municipalities from the knowledge base (safe to rerun)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from weerbaar.knowledge import KnowledgeError, load_framework
from weerbaar.web.tenancy.reference import store_municipalities


class Command(BaseCommand):
    help = "Load (or update) the municipalities from the knowledge base's reference data."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            framework = load_framework()
        except KnowledgeError as error:
            raise CommandError(f"The knowledge base does not load:\n{error}") from error
        with transaction.atomic():
            count = store_municipalities(framework.municipalities.values())
        self.stdout.write(f"load_reference: {count} municipalities (framework {framework.version})")
