"""Start a signal run from uploaded exports (coordinators only).

Each file is saved under its dataset's fixed name in a fresh temporary folder (the uploaded
name is never used as a path), checked completely by the core (columns, types, dates,
amounts, keys) and only then run and stored; on any problem the page lists every problem with
file, row and column, and nothing is stored. The folder is removed afterwards.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import duckdb
from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from weerbaar.signals.inputs import InputError
from weerbaar.signals.pseudonym import PseudonymKeyError
from weerbaar.signals.schemas import PROCESS_ORDER, datasets_of
from weerbaar.signals.service import RunOptions
from weerbaar.web.audit import log_event
from weerbaar.web.knowledgebase.framework import framework
from weerbaar.web.knowledgebase.labels import DATASET_LABELS, language
from weerbaar.web.signals.service import configured_key, run_and_store
from weerbaar.web.tenancy.access import municipality_role_required

MAX_UPLOAD = 200 * 1024 * 1024
TABLE_SUFFIXES = (".csv", ".xlsx", ".parquet")
# Every dataset read from a file, grouped by the process whose rules read it.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (process, tuple(schema.name for schema in datasets_of(process)))
    for process in PROCESS_ORDER
    if datasets_of(process)
)
DATASETS: tuple[str, ...] = tuple(name for _, names in GROUPS for name in names)


def _suffix(name: str, allowed: tuple[str, ...]) -> str | None:
    lowered = name.lower()
    return next((suffix for suffix in allowed if lowered.endswith(suffix)), None)


class SignalUploadForm(forms.Form):
    """One optional file per dataset; at least one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in DATASETS:
            self.fields[name] = forms.FileField(
                label=DATASET_LABELS[name], required=False, help_text=f"{name}.csv|.xlsx|.parquet"
            )
        self.fields["ocds"] = forms.FileField(
            label=DATASET_LABELS["ocds"],
            required=False,
            help_text=gettext_lazy(
                "OCDS-releases, één JSON-object per regel (.jsonl of .jsonl.gz)"
            ),
        )

    def groups(self) -> list[tuple[str, list[forms.BoundField]]]:
        """(process name, its dataset fields) in process order; OCDS with procurement."""
        processes = framework().processes
        result = []
        for process, names in GROUPS:
            title = processes[process].name.get(language()) if process in processes else process
            fields = [self[name] for name in names]
            if process == "inkoop":
                fields.append(self["ocds"])
            result.append((title, fields))
        return result

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = {name: upload for name, upload in data.items() if upload}
        if not chosen:
            raise forms.ValidationError(_("Kies ten minste één bestand."))
        for name, upload in chosen.items():
            allowed = (".jsonl", ".jsonl.gz") if name == "ocds" else TABLE_SUFFIXES
            if _suffix(upload.name, allowed) is None:
                self.add_error(
                    name,
                    _("Dit bestandstype kan niet: gebruik %(types)s.")
                    % {"types": ", ".join(allowed)},
                )
            elif upload.size > MAX_UPLOAD:
                self.add_error(name, _("Het bestand is groter dan 200 MB."))
        return data

    def save_to(self, folder: Path) -> None:
        """Write each upload as ``<dataset><suffix>`` in ``folder``."""
        for name in [*DATASETS, "ocds"]:
            upload = self.cleaned_data.get(name)
            if not upload:
                continue
            allowed = (".jsonl", ".jsonl.gz") if name == "ocds" else TABLE_SUFFIXES
            suffix = _suffix(upload.name, allowed)
            with (folder / f"{name}{suffix}").open("wb") as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)


def _run(request: HttpRequest, form: SignalUploadForm) -> Any:
    """Run the uploads; returns the stored run, or a list of problems."""
    try:
        key = configured_key()
    except PseudonymKeyError as error:
        return [str(error)]
    with tempfile.TemporaryDirectory(prefix="weerbaar-signals-") as folder:
        form.save_to(Path(folder))
        names = sorted(path.name for path in Path(folder).iterdir())
        options = RunOptions(data_dir=Path(folder), key=key)
        try:
            stored = run_and_store(
                request.municipality,  # type: ignore[attr-defined]
                options,
                source=_("upload: %(files)s") % {"files": ", ".join(names)},
                user=request.user,
            )
        except InputError as error:
            return [str(problem) for problem in error.problems] or [str(error)]
        except (ValueError, duckdb.Error) as error:  # an unreadable file the checks did not name
            return [_("Een bestand kon niet worden gelezen: %(error)s") % {"error": error}]
    return stored


@municipality_role_required("coordinator")
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, code: str) -> HttpResponse:
    posted = request.method == "POST"
    form = SignalUploadForm(request.POST, request.FILES) if posted else SignalUploadForm()
    problems: list[str] = []
    if posted and form.is_valid():
        outcome = _run(request, form)
        if isinstance(outcome, list):
            problems = outcome
            log_event(request, "signal_upload_refused", details={"problems": len(problems)})
        else:
            action = "signal_run_started" if outcome.created else "signal_run_repeated"
            log_event(request, action, outcome.run, details={"hits": outcome.run.hit_count})
            if not outcome.created:
                messages.info(
                    request, _("Deze bestanden zijn met dezelfde regels al eerder gedraaid.")
                )
            return redirect("signals:run", code, outcome.run.pk)
    else:
        log_event(request, "signal_upload_form_viewed")
    status = 400 if posted else 200
    context = {"form": form, "problems": problems}
    return render(request, "signals/upload.html", context, status=status)
