"""Excel template download and upload: errors name sheet, row and column; nothing half-stored."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import load_workbook
from ui_helpers import SCORED, answer_all, make_scan

from weerbaar.web.scans.models import Answer, Scan


@pytest.fixture
def coordinator(world: Any, client_for: Any) -> Any:
    return client_for(world.user(SCORED, "coordinator"))


def template(client: Any, code: str, mode: str = "workshop") -> Any:
    response = client.get(f"/gemeente/{code}/scans/sjabloon.xlsx?werkvorm={mode}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def filled(book: Any, bad_cell: tuple[str, int] | None = None) -> io.BytesIO:
    sheet = book["Instructie"]
    sheet["B9"] = 6
    sheet["B10"] = "RIEC"
    for ws in book.worksheets:
        if ws.title in ("Instructie", "_meta", "_lijsten"):
            continue
        for row in range(2, ws.max_row + 1):
            if ws.cell(row=row, column=1).value:
                ws.cell(row=row, column=5).value = 1
    if bad_cell:
        book[bad_cell[0]].cell(row=bad_cell[1], column=5).value = "heel veel"
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = "scan.xlsx"
    return out


def upload(client: Any, code: str, data: io.BytesIO) -> Any:
    return client.post(f"/gemeente/{code}/scans/importeren/", {"file": data})


def test_filled_template_is_imported(world: Any, coordinator: Any) -> None:
    code = world.code(SCORED)
    response = upload(coordinator, code, filled(template(coordinator, code)))
    scan = Scan.objects.get(municipality_id=code)
    assert response.status_code == 302
    assert scan.mode == "workshop"
    assert scan.participants == 6
    assert Answer.objects.filter(scan=scan, value=1).count() > 90


def test_bad_cell_is_named_and_nothing_is_imported(world: Any, coordinator: Any) -> None:
    code = world.code(SCORED)
    response = upload(coordinator, code, filled(template(coordinator, code), ("inkoop", 3)))
    html = response.content.decode()
    assert response.status_code == 400
    assert "sheet &#x27;inkoop&#x27;, row 3, column E" in html
    assert not Scan.objects.exists()
    assert not Answer.objects.exists()


def test_not_a_spreadsheet_is_refused(world: Any, coordinator: Any) -> None:
    data = io.BytesIO(b"this is not a zip file")
    data.name = "scan.xlsx"
    response = upload(coordinator, world.code(SCORED), data)
    assert response.status_code == 400
    assert not Scan.objects.exists()


def test_wrong_extension_is_refused(world: Any, coordinator: Any) -> None:
    data = io.BytesIO(b"a,b\n1,2\n")
    data.name = "scan.csv"
    response = upload(coordinator, world.code(SCORED), data)
    assert response.status_code == 400
    assert ".xlsx" in response.content.decode()
    assert not Scan.objects.exists()


def test_template_of_another_municipality_is_refused(world: Any, client_for: Any) -> None:
    other = "a" if SCORED == "b" else "b"
    other_client = client_for(world.user(other, "coordinator"))
    book = template(other_client, world.code(other))
    client = client_for(world.user(SCORED, "coordinator"))
    response = upload(client, world.code(SCORED), filled(book))
    assert response.status_code == 400
    assert world.code(other) in response.content.decode()
    assert not Scan.objects.exists()


def test_json_export_round_trips_through_upload(world: Any, coordinator: Any) -> None:
    code = world.code(SCORED)
    scan = make_scan(world.municipalities[SCORED])
    count = answer_all(scan, value=2)
    exported = coordinator.get(f"/gemeente/{code}/scans/{scan.pk}/export.json")
    data = io.BytesIO(exported.content)
    data.name = "scan.json"
    response = upload(coordinator, code, data)
    assert response.status_code == 302
    new = Scan.objects.exclude(pk=scan.pk).get()
    assert Answer.objects.filter(scan=new, value=2).count() == count


def test_viewer_cannot_upload(world: Any, client_for: Any) -> None:
    client = client_for(world.user(SCORED, "viewer"))
    response = client.get(f"/gemeente/{world.code(SCORED)}/scans/importeren/")
    assert response.status_code == 403


def survey_workbook(client: Any, code: str, token: str, value: int) -> io.BytesIO:
    book = template(client, code, mode="survey")
    book["Instructie"]["B9"] = token
    for ws in book.worksheets:
        if ws.title not in ("Instructie", "_meta", "_lijsten"):
            for row in range(2, ws.max_row + 1):
                if ws.cell(row=row, column=1).value:
                    ws.cell(row=row, column=5).value = value
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = f"{token}.xlsx"
    return out


def test_survey_workbooks_of_several_respondents_become_one_scan(
    world: Any, coordinator: Any
) -> None:
    code = world.code(SCORED)
    files = [survey_workbook(coordinator, code, t, v) for t, v in (("r-een", 0), ("r-twee", 3))]
    response = coordinator.post(f"/gemeente/{code}/scans/importeren/", {"file": files})
    assert response.status_code == 302
    scan = Scan.objects.get()
    assert scan.mode == "survey"
    assert sorted(scan.respondents.values_list("label", flat=True)) == ["r-een", "r-twee"]
    assert (
        Answer.objects.filter(scan=scan, value=0).count()
        == Answer.objects.filter(scan=scan, value=3).count()
    )


def test_one_bad_workbook_among_several_names_its_file_and_imports_nothing(
    world: Any, coordinator: Any
) -> None:
    code = world.code(SCORED)
    good = survey_workbook(coordinator, code, "r-een", 1)
    bad = survey_workbook(coordinator, code, "r-twee", 1)
    book = load_workbook(bad)
    book["inkoop"].cell(row=4, column=5).value = "zeker"
    broken = io.BytesIO()
    book.save(broken)
    broken.seek(0)
    broken.name = "r-twee.xlsx"
    response = coordinator.post(f"/gemeente/{code}/scans/importeren/", {"file": [good, broken]})
    html = response.content.decode()
    assert response.status_code == 400
    assert "r-twee.xlsx: sheet &#x27;inkoop&#x27;, row 4, column E" in html
    assert not Scan.objects.exists()


def test_upload_without_a_file_is_a_form_error(world: Any, coordinator: Any) -> None:
    response = coordinator.post(f"/gemeente/{world.code(SCORED)}/scans/importeren/", {})
    assert response.status_code == 400
    assert "foutmeldingen" in response.content.decode()
    assert not Scan.objects.exists()


def test_json_upload_with_a_control_character_is_refused_and_nothing_stored(
    world: Any, coordinator: Any
) -> None:
    """A hostile file with NUL in a note (PostgreSQL cannot store it) gets a clear error."""
    import json

    code = world.code(SCORED)
    scan = make_scan(world.municipalities[SCORED])
    answer_all(scan, value=2)
    exported = json.loads(coordinator.get(f"/gemeente/{code}/scans/{scan.pk}/export.json").content)
    exported["answers"][0]["note"] = "kwaad\u0000aardig"
    data = io.BytesIO(json.dumps(exported).encode())
    data.name = "scan.json"
    before = Scan.objects.count()
    response = upload(coordinator, code, data)
    assert response.status_code == 400
    assert "ongeldig teken" in response.content.decode()
    assert Scan.objects.count() == before


def test_survey_workbooks_with_the_same_token_are_named_by_file(
    world: Any, coordinator: Any
) -> None:
    """Review finding: the page said 'workbook 2: respondent token ... is also in workbook 1'
    without naming the uploaded files."""
    code = world.code(SCORED)
    first = survey_workbook(coordinator, code, "r-een", 1)
    second = survey_workbook(coordinator, code, "r-een", 2)
    second.name = "r-een-opnieuw.xlsx"
    response = coordinator.post(f"/gemeente/{code}/scans/importeren/", {"file": [first, second]})
    html = response.content.decode()
    assert response.status_code == 400
    assert "r-een-opnieuw.xlsx: respondent token r-een is also in r-een.xlsx" in html
    assert not Scan.objects.exists()
