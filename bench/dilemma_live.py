"""Load benchmark: 100 participants voting in one dilemma session, on the production server.

Starts ``weerbaar serve`` (production settings, the production WSGI server) on 127.0.0.1 with a
fresh database, prepares one live session and a logged-in facilitator, then runs the phones and
the projector as the browser code does: every participant joins by code, polls the session
state every 2 s, and votes once at a random moment within ``--spread`` seconds; the projector
polls the state every second. The vote-to-screen delay of a vote is the time from sending it to
the end of the first projector poll that *started after the vote was acknowledged* (so that
poll must include it): an upper bound of what the screen shows. Target: p95 < 2 s, 0 errors.

    python -m bench.dilemma_live                       # SQLite in a temporary folder
    python -m bench.dilemma_live --database-url postgres://postgres@127.0.0.1:5432/bench_live

Writes ``bench/results/dilemma-live.md`` with the figures, the command and the load average.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "dilemma-live.md"
BIN = Path(sys.executable).parent
SETUP = """
import django, json
django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from weerbaar.web.tenancy.models import Membership, Municipality
from weerbaar.web.awareness import sessions
from weerbaar.awareness import Event
m, _ = Municipality.objects.get_or_create(code="GM9999", defaults={"name": "Voorbeeld"})
user, _ = get_user_model().objects.get_or_create(username="bench-facilitator")
Membership.objects.get_or_create(user=user, municipality=m, defaults={"role": "coordinator"})
device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
s = sessions.create_session(m, "Load", "team", ["rd-bekende-aan-de-balie"], user)
sessions.apply(s, Event.START)
store = SessionStore()
store[SESSION_KEY] = str(user.pk)
store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
store[HASH_SESSION_KEY] = user.get_session_auth_hash()
store[DEVICE_ID_SESSION_KEY] = device.persistent_id
store.save()
print(json.dumps({"code": s.join_code, "pk": s.pk, "cookie": store.session_key}))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Http:
    """A tiny keep-alive HTTP client with a cookie jar (one per simulated browser)."""

    def __init__(self, port: int, cookies: dict[str, str] | None = None) -> None:
        self.port = port
        self.cookies = dict(cookies or {})
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(
        self, method: str, path: str, body: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        headers = {"Host": "127.0.0.1", "Accept": "application/json"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=data, headers=headers)
                response = self.conn.getresponse()
                payload = response.read()
                break
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                if attempt == 2:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, payload


@dataclass
class Run:
    votes: list[tuple[float, float, int]] = field(default_factory=list)  # sent, acked, status
    polls: list[tuple[float, float, int]] = field(default_factory=list)  # start, end, votes seen
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def participant(
    port: int, code: str, start: threading.Event, stop: threading.Event, spread: float, run: Run
) -> None:
    phone = Http(port)
    try:
        status, _ = phone.request("GET", f"/d/{code}/")
        if status != 200:
            raise RuntimeError(f"join gave {status}")
        start.wait()
        vote_at = time.monotonic() + random.uniform(0, spread)
        while time.monotonic() < vote_at:  # the phone polls every 2 s until it votes
            status, _ = phone.request("GET", f"/d/{code}/stand.json")
            if status != 200:
                raise RuntimeError(f"phone poll gave {status}")
            stop.wait(min(2.0, max(0.0, vote_at - time.monotonic())))
        sent = time.monotonic()
        status, body = phone.request(
            "POST", f"/d/{code}/stem/", {"position": "0", "option": random.choice("abc")}
        )
        acked = time.monotonic()
        if status != 200 or not json.loads(body).get("counted"):
            raise RuntimeError(f"vote gave {status} {body[:80]!r}")
        with run.lock:
            run.votes.append((sent, acked, status))
    except Exception as exc:  # counted as an error of the run, never hidden
        with run.lock:
            run.errors.append(f"participant: {exc}")


def projector(port: int, path: str, cookie: str, stop: threading.Event, run: Run) -> None:
    screen = Http(port, {"sessionid": cookie})
    while not stop.is_set():
        began = time.monotonic()
        try:
            status, body = screen.request("GET", path)
            ended = time.monotonic()
            if status != 200:
                raise RuntimeError(f"screen poll gave {status}")
            with run.lock:
                run.polls.append((began, ended, int(json.loads(body)["votes"])))
        except Exception as exc:
            with run.lock:
                run.errors.append(f"projector: {exc}")
        stop.wait(max(0.0, 1.0 - (time.monotonic() - began)))


def delays(run: Run) -> list[float]:
    out = []
    for sent, acked, _status in run.votes:
        later = [p for p in run.polls if p[0] >= acked]
        if not later:
            run.errors.append("a vote was never followed by a screen poll")
            continue
        out.append(min(later, key=lambda p: p[0])[1] - sent)
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def start_server(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            str(BIN / "weerbaar"),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-migrate",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            if server.poll() is not None:
                message = server.stderr.read().decode() if server.stderr else "server died"
                raise RuntimeError(message) from None
            time.sleep(0.3)
    server.terminate()
    raise RuntimeError("the server did not start within 90 s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=100)
    parser.add_argument("--spread", type=float, default=10.0, help="seconds over which votes fall")
    parser.add_argument("--database-url", default="", help="default: SQLite in a temporary folder")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-write", action="store_true", help="do not write bench/results")
    args = parser.parse_args(argv)
    random.seed(args.seed)
    with tempfile.TemporaryDirectory() as data:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "weerbaar.web.conf.production",
            "WEERBAAR_SECRET_KEY": secrets.token_urlsafe(50),
            "WEERBAAR_ALLOWED_HOSTS": "127.0.0.1",
            "WEERBAAR_SECURE": "false",
            "WEERBAAR_DATA_DIR": data,
            "WEERBAAR_LOG_LEVEL": "WARNING",
            "DATABASE_URL": args.database_url,
        }
        subprocess.run([str(BIN / "weerbaar"), "manage", "migrate", "-v", "0"], env=env, check=True)
        subprocess.run(
            [str(BIN / "weerbaar"), "manage", "collectstatic", "--noinput", "-v", "0"],
            env=env,
            check=True,
        )
        made = subprocess.run(
            [str(BIN / "python"), "-c", SETUP], env=env, check=True, capture_output=True, text=True
        )
        info = json.loads(made.stdout.strip().splitlines()[-1])
        port = free_port()
        server = start_server(env, port)
        try:
            result = _run(port, info, args)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(result)
    if not args.no_write:
        _write(result, args)
    return 0


def _run(port: int, info: dict[str, str], args: argparse.Namespace) -> str:
    run, start, stop = Run(), threading.Event(), threading.Event()
    phones = [
        threading.Thread(
            target=participant, args=(port, info["code"], start, stop, args.spread, run)
        )
        for _ in range(args.participants)
    ]
    for phone in phones:
        phone.start()
    time.sleep(2)  # every phone has joined (or failed) before the vote opens
    state = f"/gemeente/GM9999/bewustwording/sessies/{info['pk']}/stand.json"
    screen = threading.Thread(target=projector, args=(port, state, info["cookie"], stop, run))
    screen.start()
    start.set()
    for phone in phones:
        phone.join(timeout=args.spread + 60)
    time.sleep(2.5)  # the projector's polls after the last vote
    stop.set()
    screen.join()
    found = delays(run)
    final = run.polls[-1][2] if run.polls else -1
    if final != len(run.votes):
        run.errors.append(
            f"the screen's final count {final} != {len(run.votes)} acknowledged votes"
        )
    load = os.getloadavg()
    problems = "; ".join(sorted(set(run.errors))[:3])
    return "\n".join(
        [
            f"participants {args.participants}, votes counted {len(run.votes)}, "
            f"errors {len(run.errors)}" + (f" ({problems})" if problems else ""),
            f"vote-to-screen delay: p50 {statistics.median(found):.2f} s, "
            f"p95 {percentile(found, 0.95):.2f} s, max {max(found):.2f} s; "
            f"screen polls {len(run.polls)}",
            f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
            f"on {os.cpu_count()} CPUs",
        ]
    )


HEADER = (
    "# Dilemma session under load: vote-to-screen delay\n\n"
    "Target (issue 19): 100 participants voting in one session, vote-to-screen p95 < 2 s, zero "
    "errors, on the production server (`weerbaar serve`, production settings). The projector "
    "polls every second, so the delay is at most about one poll interval plus a request. Figures "
    "are measured on the shared 2-core machine under the load shown; re-run the commands below "
    "on a quiet machine for the final figures.\n"
)


def _write(result: str, args: argparse.Namespace) -> None:
    """Replace this database's section of the results file, keep the other's."""
    database = "PostgreSQL" if args.database_url else "SQLite"
    command = "python -m bench.dilemma_live" + (
        f" --database-url {re.sub(r'//[^@]*@', '//USER@', args.database_url)}"
        if args.database_url
        else ""
    )
    sections = {}
    if RESULTS.exists():
        for block in RESULTS.read_text(encoding="utf-8").split("<!-- db:")[1:]:
            name, _, body = block.partition(" -->")
            sections[name] = body.strip()
    sections[database] = (
        f"## {database}\n\nCommand: `{command}` ({time.strftime('%Y-%m-%d %H:%M')})\n\n"
        f"```\n{result}\n```"
    )
    body = "\n\n".join(f"<!-- db:{name} -->\n{text}" for name, text in sorted(sections.items()))
    RESULTS.write_text(f"{HEADER}\n{body}\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
