"""Scan files in and out: the Excel template and JSON scan files, via the core.

An upload is read and checked completely by the core before anything is stored; on any problem
the page lists every problem with its place (sheet, row, column or JSON path) and nothing is
imported.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from weerbaar.scan import ScanError
from weerbaar.scan.errors import ScanProblem
from weerbaar.scan.models import Scan as CoreScan
from weerbaar.web.audit import log_event
from weerbaar.web.knowledgebase.framework import framework
from weerbaar.web.scans.services import AnswerError, import_scan, to_core_scan
from weerbaar.web.scans.views import scan_for
from weerbaar.web.tenancy.access import municipality_role_required

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD = 5 * 1024 * 1024
MAX_FILES = 100


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """One or more files; cleans to a list."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        items = list(data) if isinstance(data, list | tuple) else [data]
        if not items:
            items = [None]  # nothing chosen: the single-file check reports "required"
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


class UploadForm(forms.Form):
    file = MultipleFileField(
        label=gettext_lazy("Bestand of bestanden (Excel .xlsx of JSON)"),
        help_text=gettext_lazy(
            "Het ingevulde Excel-sjabloon of een scanbestand in JSON. Bij een vragenlijst kunt "
            "u de werkmappen van alle respondenten tegelijk kiezen: ze worden één scan."
        ),
    )

    def clean_file(self) -> list[Any]:
        uploads = self.cleaned_data["file"]
        for upload in uploads:
            if Path(upload.name).suffix.lower() not in {".xlsx", ".json"}:
                raise forms.ValidationError(_("Kies een .xlsx- of .json-bestand."))
            if upload.size > MAX_UPLOAD:
                raise forms.ValidationError(_("Het bestand is groter dan 5 MB."))
        if len(uploads) > MAX_FILES:
            raise forms.ValidationError(_("Kies hoogstens 100 bestanden."))
        return list(uploads)


def read_upload(upload: object, municipality_code: str) -> CoreScan:
    """Read an uploaded file with the core; raises ScanError with every problem."""
    from weerbaar.scan import excel, io

    name = Path(str(getattr(upload, "name", "upload"))).name
    suffix = Path(name).suffix.lower()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        with path.open("wb") as handle:
            for chunk in upload.chunks():  # type: ignore[attr-defined]
                handle.write(chunk)
        scan = excel.read_workbook(path) if suffix == ".xlsx" else io.load_scan(path)
    if scan.municipality != municipality_code:
        from weerbaar.scan.errors import ScanFileError

        problem = ScanProblem(
            _("het bestand is van gemeente %(other)s, niet van %(code)s")
            % {"other": scan.municipality, "code": municipality_code},
            location="municipality",
        )
        raise ScanFileError(name, [problem])
    return scan


def read_uploads(uploads: list[Any], municipality_code: str) -> CoreScan:
    """One core scan from one file, or from several survey workbooks (core ``merge_survey``).

    Raises ScanError whose problems name the file they come from.
    """
    from weerbaar.scan import excel

    scans, problems = [], []
    for upload in uploads:
        name = Path(str(upload.name)).name
        try:
            scans.append(read_upload(upload, municipality_code))
        except ScanError as exc:
            problems += [ScanProblem(f"{name}: {p}") for p in exc.problems]
    if problems:
        raise ScanError(problems)
    if len(scans) == 1:
        return scans[0]
    if any(scan.mode != "survey" for scan in scans):
        raise ScanError([ScanProblem(_("Alleen werkmappen van een vragenlijst kunnen samen."))])
    return excel.merge_survey(scans, [Path(str(upload.name)).name for upload in uploads])


@municipality_role_required("coordinator")
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, code: str) -> HttpResponse:
    posted = request.method == "POST"
    form = UploadForm(request.POST if posted else None, request.FILES if posted else None)
    problems: list[object] = []
    if request.method == "POST" and form.is_valid():
        try:
            core_scan = read_uploads(form.cleaned_data["file"], code)
        except ScanError as exc:
            problems = list(exc.problems)
        else:
            try:
                scan = import_scan(request.municipality, core_scan, request.user)  # type: ignore[attr-defined]
            except AnswerError as exc:
                problems = [ScanProblem(str(exc))]
            else:
                details = {"answers": len(core_scan.answers)}
                log_event(request, "scan_imported", scan, details=details)
                messages.success(request, _("De scan is ingelezen."))
                return redirect("scans:detail", code, scan.pk)
    status = 400 if request.method == "POST" and (problems or form.errors) else 200
    context = {"form": form, "problems": problems}
    return render(request, "scans/upload.html", context, status=status)


def _xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@municipality_role_required("coordinator")
def template(request: HttpRequest, code: str) -> HttpResponse:
    """The empty Excel template for this municipality (questions of its size class)."""
    from weerbaar.scan import excel

    mode = "survey" if request.GET.get("werkvorm") == "survey" else "workshop"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sjabloon.xlsx"
        try:
            excel.write_template(framework(), code, path, mode=mode)
        except ScanError as exc:
            messages.error(request, str(exc))
            return redirect("scans:index", code)
        data = path.read_bytes()
    log_event(request, "scan_template_downloaded", details={"mode": mode})
    return _xlsx_response(data, f"weerbaar-sjabloon-{code}-{mode}.xlsx")


@municipality_role_required("coordinator", "viewer")
def export(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """The scan with its answers as a core scan file (JSON), e.g. for the CLI or an archive."""
    from weerbaar.scan.io import scan_to_json

    scan = scan_for(request, pk)
    response = HttpResponse(scan_to_json(to_core_scan(scan)), content_type="application/json")
    response["Content-Disposition"] = (
        f'attachment; filename="weerbaar-scan-{code}-{scan.date:%Y-%m-%d}.json"'
    )
    log_event(request, "scan_exported", scan)
    return response
