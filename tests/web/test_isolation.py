"""Tenant isolation: every URL pattern, every role, two municipalities, anonymous users.

The patterns come from the resolver, so a new URL cannot be missed: a pattern that is neither
municipality-scoped (``<code>`` in its route, with declared roles), a respondent-token route, nor
listed as public/account/admin below fails :func:`test_every_url_pattern_is_classified`.

For every municipality-scoped pattern, filled with municipality A's objects:
anonymous users are sent to the login (UI) or refused (API); every user of municipality B gets
404 (never 403: the existence of A's data does not leak); members of A whose role the view does
not declare get 403; and A's own URL with an object id of municipality B gives 404 to A's
coordinator (no access to another tenant's objects by changing an id).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from weerbaar.web.api.scoping import READ_ROLES, WRITE_ROLES, MunicipalityScopedMixin
from weerbaar.web.plans.models import Action, Plan
from weerbaar.web.plans.services import create_plan
from weerbaar.web.scans.models import Respondent, Scan
from weerbaar.web.signals.models import SignalHit, SignalRun
from weerbaar.web.tenancy.models import Role

# Patterns anyone may open (public knowledge base, login, API schema and knowledge endpoints).
PUBLIC_PREFIXES = (
    "favicon.ico",
    "kennisbank/",
    "api/schema/",
    "api/v1/knowledge/",
    "account/login/",
)
# Patterns for any logged-in user, about the user themselves (no municipality data).
ACCOUNT_PREFIXES = ("account/", "api/v1/municipalities/$")
OTHER_PREFIXES = ("admin/", "i18n/", "static/")
# The awareness kit without an account: dilemma participants by join code, employees by the
# municipality's kit link (see test_awareness_kit_urls below).
ANONYMOUS_KIT_PREFIXES = ("d/", "k/<str:token>/")
ROLES = tuple(Role.values)
LOGIN_PREFIX = "/account/login/"


@dataclass(frozen=True)
class Route:
    route: str
    name: str
    callback: Any

    @property
    def is_api(self) -> bool:
        return self.route.startswith("api/")

    @property
    def allowed_roles(self) -> dict[str, frozenset[str]]:
        """Roles per method kind ("read", "write") that the view declares."""
        view_class = getattr(self.callback, "view_class", None) or getattr(
            self.callback, "cls", None
        )
        if view_class is not None and issubclass(view_class, MunicipalityScopedMixin):
            return {"read": READ_ROLES, "write": WRITE_ROLES}
        roles = getattr(self.callback, "allowed_roles", None)
        if roles is None and view_class is not None:
            roles = getattr(view_class, "allowed_roles", None) or None
        if not roles:
            return {}
        return {"read": frozenset(roles), "write": frozenset(roles)}


def _walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> list[Route]:
    routes: list[Route] = []
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            routes += _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            routes.append(
                Route(prefix + str(entry.pattern), namespace + (entry.name or ""), entry.callback)
            )
    return routes


def all_routes() -> list[Route]:
    return _walk(get_resolver().url_patterns)


def classify(route: Route) -> str:
    text = route.route.lstrip("^")
    if "<str:code>" in text or "(?P<code>" in text:
        return "tenant"
    if text.startswith("s/<str:token>/"):
        return "token"
    if text.startswith(ANONYMOUS_KIT_PREFIXES):
        return "kit"
    if text == "" or text.startswith(PUBLIC_PREFIXES):
        return "public"
    if any(re.match(prefix, text) for prefix in ACCOUNT_PREFIXES) or text.startswith("account/"):
        return "account"
    if text.startswith(OTHER_PREFIXES):
        return "other"
    return "unclassified"


ROUTES = all_routes()
TENANT = [r for r in ROUTES if classify(r) == "tenant"]
TOKEN = [r for r in ROUTES if classify(r) == "token"]
KIT = [r for r in ROUTES if classify(r) == "kit"]
PUBLIC = [r for r in ROUTES if classify(r) == "public"]


def test_every_url_pattern_is_classified() -> None:
    unclassified = [r.route for r in ROUTES if classify(r) == "unclassified"]
    assert not unclassified, f"classify these URL patterns in test_isolation.py: {unclassified}"
    undeclared = [r.route for r in TENANT if not r.allowed_roles]
    assert not undeclared, (
        "municipality-scoped views without @municipality_role_required / "
        f"MunicipalityScopedMixin: {undeclared}"
    )
    assert len(TENANT) >= 10  # the matrix really covers the app


@dataclass
class Objects:
    """One scan, plan, action and respondent per municipality key."""

    scans: dict[str, Scan]
    plans: dict[str, Plan]
    actions: dict[str, Action]
    tokens: dict[str, str]
    extra: dict[str, dict[str, Any]] = field(default_factory=dict)


def _objects_for(world: Any, key: str) -> tuple[Scan, Plan, Action, str]:
    municipality = world.municipalities[key]
    scan = Scan.objects.create(
        municipality=municipality,
        title=f"Scan {key}",
        mode="workshop",
        framework_version="1.0.0+test",
        participants=5,
    )
    survey = Scan.objects.create(
        municipality=municipality,
        title=f"Enquête {key}",
        mode="survey",
        framework_version="1.0.0+test",
    )
    respondent = Respondent(scan=survey, label=f"Inkoop {key}", processes=["inkoop"])
    token = respondent.issue_token()
    respondent.save()
    plan = _plan_for(scan)
    action = Action.objects.create(plan=plan, measure_id="vier-ogen-betaalbatch", due_quarter=1)
    return scan, plan, action, token


_SOLVED: dict[str, Any] = {}


def _plan_for(scan: Scan) -> Plan:
    """A real core plan: solved once by the optimiser, then stored again for each scan."""
    if not _SOLVED:
        plan = create_plan(scan, {"hours": 200, "budget_eur": 20000, "quarters": 4})
        _SOLVED.update(parameters=plan.parameters, result=plan.result)
        return plan
    return Plan.objects.create(scan=scan, **_SOLVED)


@pytest.fixture
def objects(world: Any) -> Objects:
    made = {key: _objects_for(world, key) for key in ("a", "b")}
    return Objects(
        scans={k: v[0] for k, v in made.items()},
        plans={k: v[1] for k, v in made.items()},
        actions={k: v[2] for k, v in made.items()},
        tokens={k: v[3] for k, v in made.items()},
        extra={**_signal_objects(world), **_awareness_objects(world)},
    )


def _awareness_objects(world: Any) -> dict[str, dict[str, Any]]:
    """A live dilemma session and a communication plan item per municipality."""
    from weerbaar.web.awareness import sessions as service
    from weerbaar.web.awareness.models import CommunicationItem

    found: dict[str, dict[str, Any]] = {"dilemma_session": {}, "commplan_item": {}}
    for key, municipality in world.municipalities.items():
        session = service.create_session(
            municipality, f"Sessie {key}", "team", ["rd-bekende-aan-de-balie"], None
        )
        found["dilemma_session"][key] = service.apply(session, service.Event.START)
        found["commplan_item"][key] = CommunicationItem.objects.create(
            municipality=municipality,
            message=f"Boodschap {key}",
            audience="MT",
            moment="2026-03-01",
            owner="Gemeentesecretaris",
        )
    return found


def _signal_objects(world: Any) -> dict[str, dict[str, Any]]:
    """A signal run with one hit per municipality."""
    runs, hits = {}, {}
    for key, municipality in world.municipalities.items():
        now = "2026-01-01T00:00:00+00:00"
        runs[key] = SignalRun.objects.create(
            municipality=municipality, started_at=now, finished_at=now, fingerprint=key
        )
        hits[key] = SignalHit.objects.create(
            run=runs[key],
            rule_id="FIN-001",
            rule_version=1,
            severity="high",
            process="financien",
            entity_type="payment",
            entity_id=f"BET-{key}",
            explanation_nl=f"Signaal {key}",
            explanation_en=f"Hit {key}",
        )
    return {"signal_run": runs, "signal_hit": hits}


# What an object id in a route means, by the literal segment before it (or its name).
OBJECT_BY_SEGMENT = {
    "scans": "scan",
    "actieplannen": "plan",
    "acties": "action",
    "plans": "plan",
    "actions": "action",
    "signalen": "signal_run",
    "signaaltreffers": "signal_hit",
    "sessies": "dilemma_session",
    "communicatieplan": "commplan_item",
}
OBJECT_BY_NAME = {
    "scan_id": "scan",
    "plan_id": "plan",
    "action_id": "action",
    "run_id": "signal_run",
    "hit_id": "signal_hit",
}
# Parameters that are not object ids: a process/part and a report format.
SIMPLE_VALUES = {"part": "inkoop", "process_id": "inkoop", "process": "inkoop", "fmt": "html"}
PARAM_RE = re.compile(r"<(?:(\w+):)?(\w+)>")


def fill(route: str, world: Any, objects: Objects, code_key: str, object_key: str) -> str:
    """The route with municipality ``code_key``'s code and ``object_key``'s objects."""
    parts = route.split("/")
    filled = []
    for index, part in enumerate(parts):
        match = PARAM_RE.fullmatch(part) or PARAM_RE.search(part)
        if not match:
            filled.append(part)
            continue
        name = match.group(2)
        previous = parts[index - 1] if index else ""
        filled.append(
            part.replace(
                match.group(0), _value(name, previous, world, objects, code_key, object_key)
            )
        )
    return "/" + "/".join(filled)


def _value(
    name: str, previous: str, world: Any, objects: Objects, code_key: str, object_key: str
) -> str:
    if name == "code":
        return world.code(code_key)
    kind = OBJECT_BY_NAME.get(name) or (OBJECT_BY_SEGMENT.get(previous) if name == "pk" else None)
    if kind == "scan":
        return str(objects.scans[object_key].pk)
    if kind == "plan":
        return str(objects.plans[object_key].pk)
    if kind == "action":
        return str(objects.actions[object_key].pk)
    if kind in objects.extra:
        return str(objects.extra[kind][object_key].pk)
    if name == "token":
        return objects.tokens[object_key]
    if name in SIMPLE_VALUES:
        return SIMPLE_VALUES[name]
    raise AssertionError(
        f"test_isolation.fill: no value for URL parameter <{name}> after {previous!r}"
    )


def _get(client: Client, url: str) -> int:
    return client.get(url).status_code


def _post(client: Client, url: str, api: bool) -> int:
    if api:
        return client.patch(url, {}, content_type="application/json").status_code
    return client.post(url, {}).status_code


@pytest.mark.parametrize("route", TENANT, ids=[r.name or r.route for r in TENANT])
def test_municipality_scoped_url(
    route: Route, world: Any, objects: Objects, client_for: Any
) -> None:
    url = fill(route.route, world, objects, "a", "a")
    anonymous = Client()
    status = _get(anonymous, url)
    if route.is_api:
        assert status in (401, 403), f"anonymous GET {url}: {status}"
    else:
        response = anonymous.get(url)
        assert response.status_code == 302 and response["Location"].startswith(LOGIN_PREFIX), url
        assert anonymous.post(url, {}).status_code in (302, 403, 405), url
    for role in ROLES:
        outsider = client_for(world.user("b", role))
        assert _get(outsider, url) in (404, 405), f"{role} of B, GET {url}"
        assert _post(outsider, url, route.is_api) in (404, 405), f"{role} of B, POST {url}"
        member = client_for(world.user("a", role))
        status = _get(member, url)
        if role in route.allowed_roles["read"]:
            assert status not in (401, 403, 500), f"{role} of A, GET {url}: {status}"
        else:
            assert status in (403, 405), f"{role} of A may not: GET {url} gave {status}"
            assert _post(member, url, route.is_api) in (403, 405), f"{role} of A, POST {url}"


@pytest.mark.parametrize(
    "route",
    [r for r in TENANT if PARAM_RE.findall(r.route)[1:]],
    ids=[r.name or r.route for r in TENANT if PARAM_RE.findall(r.route)[1:]],
)
def test_objects_of_another_municipality_are_not_found(
    route: Route, world: Any, objects: Objects, client_for: Any
) -> None:
    url = fill(route.route, world, objects, "a", "b")
    coordinator = client_for(world.user("a", Role.COORDINATOR))
    assert _get(coordinator, url) in (404, 405), f"A's coordinator reached B's object: {url}"
    assert _post(coordinator, url, route.is_api) in (404, 405), (
        f"A's coordinator changed B's object: {url}"
    )


@pytest.mark.parametrize("route", TOKEN, ids=[r.name or r.route for r in TOKEN])
def test_respondent_token_urls(route: Route, world: Any, objects: Objects, client_for: Any) -> None:
    valid = fill(route.route, world, objects, "a", "a")
    assert Client().get(valid).status_code not in (401, 403, 404, 500) or route.route.endswith(
        ("antwoord/", "klaar/")
    ), valid
    forged = valid.replace(objects.tokens["a"], "x" * 43)
    assert Client().get(forged).status_code in (404, 405)
    assert Client().post(forged, {}).status_code in (404, 405)
    # Being logged in as any member of another municipality changes nothing.
    other = client_for(world.user("b", Role.COORDINATOR))
    assert other.get(forged).status_code in (404, 405)


def test_a_respondent_token_reaches_only_its_own_scan(world: Any, objects: Objects) -> None:
    client = Client()
    start = client.get(f"/s/{objects.tokens['a']}/")
    assert start.status_code in (200, 302)
    # Another scan's respondent: its token shows that scan only, never scan a's title.
    page = Client().get(f"/s/{objects.tokens['b']}/", follow=True).content.decode()
    assert "Enquête a" not in page


def _public_value(name: str, previous: str) -> str:
    from weerbaar.web.knowledgebase.framework import framework

    fw = framework()
    collection = {"processes": "inkoop", "processen": "inkoop"}
    if name == "measure_id" or previous in {"measures", "maatregelen"}:
        return next(iter(fw.measures))
    if previous == "questions":
        return next(iter(fw.questions))
    if name in {"process_id", "item_id"} and previous in collection:
        return collection[previous]
    raise AssertionError(f"test_isolation: no value for public URL parameter <{name}>")


def fill_public(route: str) -> str:
    parts = route.lstrip("^").split("/")
    for index, part in enumerate(parts):
        match = PARAM_RE.search(part)
        if match:
            value = _public_value(match.group(2), parts[index - 1] if index else "")
            parts[index] = part.replace(match.group(0), value)
    return "/" + "/".join(parts)


@pytest.mark.parametrize("route", PUBLIC, ids=[r.name or r.route for r in PUBLIC])
def test_public_urls_need_no_login_and_show_no_municipality_data(
    route: Route, world: Any, objects: Objects
) -> None:
    response = Client().get(fill_public(route.route))
    assert response.status_code == 200, route.route
    assert b"Scan a" not in response.content and b"Stadskanaal" not in response.content


def test_municipality_list_shows_only_own_memberships(world: Any, client_for: Any) -> None:
    for role in ROLES:
        data = client_for(world.user("b", role)).get("/api/v1/municipalities/").json()
        assert [item["code"] for item in data] == [world.code("b")]


def test_administrator_without_membership_sees_no_municipality_data(
    world: Any, objects: Objects, client_for: Any
) -> None:
    admin = client_for(world.admin)
    for route in TENANT:
        url = fill(route.route, world, objects, "a", "a")
        assert _get(admin, url) in (404, 405), f"admin without membership reached {url}"


def test_a_respondent_account_reaches_only_its_assigned_scan(
    world: Any, objects: Objects, client_for: Any
) -> None:
    from django.urls import reverse

    survey_a = Scan.objects.get(municipality=world.municipalities["a"], mode="survey")
    assigned = survey_a.respondents.get()
    assigned.user = world.user("a", Role.RESPONDENT)
    assigned.save()
    other_survey = Scan.objects.create(
        municipality=world.municipalities["a"],
        title="Andere enquête",
        mode="survey",
        framework_version="1.0.0+test",
    )
    client = client_for(world.user("a", Role.RESPONDENT))
    code = world.code("a")
    own = client.get(reverse("scans:fill", args=[code, survey_a.pk, "inkoop"]))
    assert own.status_code == 200
    for scan in (other_survey, objects.scans["a"]):
        url = reverse("scans:fill", args=[code, scan.pk, "inkoop"])
        assert client.get(url).status_code in (403, 404), url
    # A part that is not assigned to the respondent is not reachable either.
    unassigned = reverse("scans:fill", args=[code, survey_a.pk, "toezicht"])
    assert client.get(unassigned).status_code in (403, 404)
    listing = client.get(reverse("scans:index", args=[code])).content.decode()
    assert "Andere enquête" not in listing and "Scan a" not in listing


# Pages that show no municipality data (empty forms), so viewing them is not audited.
# The projector's state is polled every second and shows counts only; the QR code holds the
# join address. The screen view itself is audited.
NOT_AUDITED = {
    "scans:create",
    "scans:upload",
    "api:v1:municipality-detail",
    "awareness:state",
    "awareness:qr",
}
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=")


@pytest.mark.parametrize("route", TENANT, ids=[r.name or r.route for r in TENANT])
def test_viewing_municipality_data_is_audited_and_pages_obey_the_csp(
    route: Route, world: Any, objects: Objects, client_for: Any
) -> None:
    from weerbaar.web.audit.models import AuditEvent

    url = fill(route.route, world, objects, "a", "a")
    client = client_for(world.user("a", Role.COORDINATOR))
    before = AuditEvent.objects.count()
    response = client.get(url)
    if response.status_code != 200:
        pytest.skip(f"GET {url} gives {response.status_code}: not a page to view")
    if route.name not in NOT_AUDITED:
        events = AuditEvent.objects.order_by("-id")[: AuditEvent.objects.count() - before]
        assert events, f"viewing {url} wrote no audit event"
        assert all(e.municipality_id == world.code("a") for e in events)
    if "html" in response.get("Content-Type", ""):
        html = response.content.decode()
        found = INLINE_SCRIPT.search(html)
        assert found is None, f"{url}: inline script/style {found.group(0)!r} breaks the CSP"


@pytest.mark.parametrize("route", KIT, ids=[r.name or r.route for r in KIT])
def test_awareness_kit_urls_need_a_valid_code_or_link_and_show_no_other_municipality(
    route: Route, world: Any, objects: Objects, client_for: Any
) -> None:
    from weerbaar.web.awareness.kit import kit_link

    session_a = objects.extra["dilemma_session"]["a"]
    link_b = kit_link(world.municipalities["b"])
    values = {"join_code": session_a.join_code, "token": link_b.token, "lesson": "les-brp"}
    url = "/" + PARAM_RE.sub(lambda m: values[m.group(2)], route.route)
    forged = "/" + PARAM_RE.sub(
        lambda m: {"join_code": "ZZZZZZ", "token": "x" * 32}.get(m.group(2), values[m.group(2)]),
        route.route,
    )
    if forged != url:
        for client in (Client(), client_for(world.user("a", Role.COORDINATOR))):
            assert client.get(forged).status_code in (404, 405), forged
            assert client.post(forged, {}).status_code in (400, 404, 405), forged
    response = Client().get(url)
    assert response.status_code in (200, 404, 405), url  # 404: the pulse has no open wave
    if response.status_code == 200 and "html" in response.get("Content-Type", ""):
        page = response.content.decode()
        assert "Sessie b" not in page and "Boodschap" not in page
        if route.route.startswith("k/"):
            assert world.municipalities["a"].name not in page
