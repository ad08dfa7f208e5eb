"""Forms for logging in with a TOTP code."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice


class TokenForm(forms.Form):
    """A six-digit code from an authenticator app, checked against the given devices."""

    token = forms.CharField(
        label=_("Code uit je authenticator-app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args: Any, devices: list[TOTPDevice], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.devices = devices
        self.device: TOTPDevice | None = None

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].strip().replace(" ", "")
        for device in self.devices:
            allowed, _details = device.verify_is_allowed()
            if allowed and device.verify_token(token):
                self.device = device
                return token
        raise forms.ValidationError(_("Deze code klopt niet of is verlopen. Probeer opnieuw."))
