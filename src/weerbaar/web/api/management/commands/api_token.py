"""``api_token USER NAME``: issue an API token; the key is printed once and stored hashed."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from weerbaar.web.api.models import ApiToken


class Command(BaseCommand):
    help = "Issue an API token for a user. The key is shown once; only its hash is stored."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")
        parser.add_argument("name", help="What the token is for, e.g. 'rapportage-koppeling'.")
        parser.add_argument("--days", type=int, default=365, help="Valid for this many days.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user {options['username']!r}.")
        if options["days"] < 1:
            raise CommandError("--days must be at least 1.")
        expires = timezone.now() + timedelta(days=options["days"])
        token, key = ApiToken.issue(user, options["name"], expires_at=expires)
        self.stdout.write(f"Token {token.prefix}… for {user} (expires {expires:%Y-%m-%d}):")
        self.stdout.write(key)
