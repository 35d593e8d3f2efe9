"""Contract fuzzing: signs the actors in, runs `st run` once per actor, merges the JUnit reports.

Called by tests/contract/run (which installs schemathesis and starts the server); run it by
hand against a server that is up with `tests/contract/run` and WQ_CONTRACT_BASE_URL.
Standard library plus `requests` (a dependency of schemathesis) only.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import os
import struct
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import requests

# The demo seed's password (api/services/src/demo.rs `PASSWORD`) and accounts.
DEMO_PASSWORD = "Weiquan-demo-2026"
CONSUMER_PHONE = "13800138000"
COUNTY_HANDLER = "nanshan.handler"
ENTERPRISE_USER = "enterprise.handler"
ENTERPRISE_ADMIN = "enterprise.admin"

ACTORS = ["anonymous", "consumer", "county_handler", "enterprise_user", "integration_client"]

# Every check schemathesis has (`st run --help`): none is left out.
CHECKS = "all"

# Operations that would end the run's own session, so every later request of that actor would
# be fuzzing the anonymous case again. Only for cookie-signed-in actors; see README.md.
SESSION_DESTROYERS = [
    "me_session_delete",  # DELETE /api/v1/me/session: sign out
    "me_sessions_delete_all",  # DELETE /api/v1/me/sessions: sign out everywhere
]


@dataclass
class Actor:
    name: str
    headers: dict[str, str] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)  # operationIds
    # Real resources this actor may see, so that generated requests reach the logic behind
    # the 404: {"org": id, "order": id}. Anonymous fuzzes every id.
    resources: dict[str, int] = field(default_factory=dict)


def log(message: str) -> None:
    print(f"[contract] {message}", flush=True)


def totp(secret_base32: str, at: float | None = None) -> str:
    """RFC 6238: HMAC-SHA1, 30-second steps, 6 digits (what an authenticator app computes)."""
    key = base64.b32decode(secret_base32.upper() + "=" * (-len(secret_base32) % 8))
    counter = int((time.time() if at is None else at) // 30)
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def expect(response: requests.Response, status: int, what: str) -> dict:
    if response.status_code != status:
        raise SystemExit(
            f"[contract] setup: {what}: expected {status}, got {response.status_code}: {response.text[:500]}"
        )
    return response.json() if response.content else {}


def sign_in(base: str, audience: str, login: str) -> tuple[requests.Session, dict]:
    s = requests.Session()
    body = expect(
        s.post(
            f"{base}/api/v1/sessions",
            json={"audience": audience, "login": login, "password": DEMO_PASSWORD},
            timeout=30,
        ),
        201,
        f"sign in {login}",
    )
    return s, body


def cookie_header(s: requests.Session) -> dict[str, str]:
    """The session cookie as a header: it is `Secure`, which requests keeps off plain HTTP."""
    return {"Cookie": "; ".join(f"{c.name}={c.value}" for c in s.cookies)}


def cookie_actor(name: str, s: requests.Session, me: dict) -> Actor:
    return Actor(
        name,
        headers={**cookie_header(s), "X-CSRF-Token": me["csrf_token"]},
        exclude=list(SESSION_DESTROYERS),
    )


def integration_client(base: str) -> Actor:
    """Registers an API client as the demo enterprise's administrator (enrolling TOTP, which
    administrators must use) and gets a bearer token for it."""
    s, body = sign_in(base, "staff", ENTERPRISE_ADMIN)
    csrf = {"X-CSRF-Token": body["me"]["csrf_token"], **cookie_header(s)}
    if body["second_factor"] != "not_required":
        if body["second_factor"] == "enrolment_required":
            enrolment = expect(s.post(f"{base}/api/v1/me/totp", headers=csrf, timeout=30), 200, "enrol TOTP")
            secret = enrolment["secret_base32"]
            url = f"{base}/api/v1/me/totp/confirm"
        else:
            raise SystemExit(
                f"[contract] setup: {ENTERPRISE_ADMIN} already has TOTP (not a fresh database?)"
            )
        # A code that stays valid until the server checks it.
        if 30 - time.time() % 30 < 3:
            time.sleep(4)
        expect(s.post(url, json={"code": totp(secret)}, headers=csrf, timeout=30), 200, "confirm TOTP")
    me = expect(s.get(f"{base}/api/v1/me", headers=cookie_header(s), timeout=30), 200, "me")
    csrf = {"X-CSRF-Token": me["csrf_token"], **cookie_header(s)}
    org = me["org"]["id"]
    created = expect(
        s.post(
            f"{base}/api/v1/organisations/{org}/api-clients",
            json={"name": "契约测试 contract fuzzing", "scopes": ["orders:read", "orders:write"]},
            headers=csrf,
            timeout=30,
        ),
        201,
        "register an API client",
    )
    client_id, secret = created["client"]["client_id"], created["client_secret"]
    token = expect(
        requests.post(
            f"{base}/api/v1/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=(client_id, secret),
            timeout=30,
        ),
        200,
        "client-credentials token",
    )
    return Actor("integration_client", headers={"Authorization": f"Bearer {token['access_token']}"})


def first_id(response: requests.Response) -> int | None:
    if response.status_code != 200:
        return None
    items = response.json().get("items") or []
    return items[0]["id"] if items else None


def find_resources(base: str, actor: Actor) -> dict[str, int]:
    """The actor's organisation and an order it can see (the demo seed has both for everyone
    but the anonymous caller): its own appeal for the consumer, its inbox otherwise."""
    get = lambda path: requests.get(f"{base}{path}", headers=actor.headers, timeout=30)  # noqa: E731
    found: dict[str, int] = {}
    if actor.name == "integration_client":
        client = get("/api/v1/client")
        org = client.json().get("org", {}).get("id") if client.status_code == 200 else None
    else:
        me = get("/api/v1/me")
        org = (me.json().get("org") or {}).get("id") if me.status_code == 200 else None
    if org is not None:
        found["org"] = org
    order = first_id(get("/api/v1/me/orders")) if actor.name == "consumer" else None
    if order is None and org is not None:
        order = first_id(get(f"/api/v1/organisations/{org}/orders"))
    if order is not None:
        found["order"] = order
    return found


def actor_config(actor: Actor, work: Path) -> Path:
    """schemathesis.toml plus, for this actor, its real ids for the `{id}` of order and
    organisation paths (other parameters, bodies and the other ids are still generated)."""
    text = Path(__file__).with_name("schemathesis.toml").read_text()
    paths = {"order": r"^/api/v1/orders/\\{id\\}", "org": r"^/api/v1/organisations/\\{id\\}"}
    for kind, value in sorted(actor.resources.items()):
        text += (
            f"\n[[operations]]\n# {actor.name}'s own {kind} (fuzz.py)\n"
            f'include-path-regex = "{paths[kind]}"\n'
            f'parameters = {{ "path.id" = {int(value)} }}\n'
        )
    target = work / f"schemathesis.{actor.name}.toml"
    target.write_text(text)
    return target


def set_up(base: str, names: list[str]) -> list[Actor]:
    actors = []
    for name in names:
        if name == "anonymous":
            actors.append(Actor("anonymous"))
        elif name == "consumer":
            s, body = sign_in(base, "consumer", CONSUMER_PHONE)
            actors.append(cookie_actor(name, s, body["me"]))
        elif name == "county_handler":
            s, body = sign_in(base, "staff", COUNTY_HANDLER)
            actors.append(cookie_actor(name, s, body["me"]))
        elif name == "enterprise_user":
            s, body = sign_in(base, "staff", ENTERPRISE_USER)
            actors.append(cookie_actor(name, s, body["me"]))
        elif name == "integration_client":
            actors.append(integration_client(base))
        else:
            raise SystemExit(f"[contract] unknown actor {name} (one of {', '.join(ACTORS)})")
        if name != "anonymous":
            actors[-1].resources = find_resources(base, actors[-1])
        log(f"set up {name} {actors[-1].resources or ''}".rstrip())
    return actors


def run_actor(actor: Actor, args: argparse.Namespace, junit: Path, out: Path) -> int:
    cmd = [
        str(Path(sys.executable).parent / "st"),
        "--config-file",
        str(actor_config(actor, out.parent)),
        "run",
        args.schema,
        "--url",
        args.base_url,
        "--checks",
        CHECKS,
        "--max-examples",
        str(args.max_examples),
        "--seed",
        str(args.seed),
        "--workers",
        str(args.workers),
        "--request-timeout",
        "30",
        "--no-color",
        "--report",
        "junit",
        "--report-junit-path",
        str(junit),
        "--generation-database",
        "none",
    ]
    for name, value in actor.headers.items():
        cmd += ["--header", f"{name}: {value}"]
    for operation_id in actor.exclude:
        cmd += ["--exclude-operation-id", operation_id]
    cmd += args.st_args
    log(f"{actor.name}: st run ... ({args.max_examples} examples per operation, seed {args.seed})")
    started = time.monotonic()
    with out.open("w") as f:
        # In the report directory: st keeps replay data in ./.schemathesis.
        rc = subprocess.call(
            cmd, stdout=f, stderr=subprocess.STDOUT, cwd=out.parent, env={**os.environ, "NO_COLOR": "1"}
        )
    text = out.read_text(errors="replace")
    summary = [line for line in text.splitlines()[-40:] if line.strip()]
    tail = "\n".join(summary[-6:])
    log(f"{actor.name}: exit {rc} in {time.monotonic() - started:.0f} s\n{tail}")
    if rc != 0:
        print(text[-20000:], flush=True)
    return rc


def merge(parts: list[tuple[str, Path]], target: Path) -> tuple[int, int]:
    """One JUnit file, each test case named `actor: METHOD /path`."""
    root = ET.Element("testsuites", name="contract")
    passed = failed = 0
    for actor, path in parts:
        suite = ET.SubElement(root, "testsuite", name=f"contract.{actor}")
        if not path.exists() or path.stat().st_size == 0:
            case = ET.SubElement(suite, "testcase", name=f"{actor}: schemathesis run", classname=f"contract.{actor}")
            ET.SubElement(case, "failure", message="no JUnit report (the run crashed; see its log)")
            failed += 1
            continue
        for case in ET.parse(path).getroot().iter("testcase"):
            case.set("name", f"{actor}: {case.get('name', '')}")
            case.set("classname", f"contract.{actor}")
            if case.find("failure") is not None or case.find("error") is not None:
                failed += 1
            elif case.find("skipped") is None:
                passed += 1
            suite.append(case)
    target.write_text(ET.tostring(root, encoding="unicode"))
    return passed, failed


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--base-url", required=True)
    p.add_argument("--schema", required=True)
    p.add_argument("--report-dir", required=True)
    p.add_argument("--actors", default=",".join(ACTORS))
    p.add_argument("--max-examples", type=int, default=int(os.environ.get("WQ_CONTRACT_EXAMPLES", "5")))
    p.add_argument("--seed", type=int, default=int(os.environ.get("WQ_CONTRACT_SEED", "20261129")))
    p.add_argument("--workers", default=os.environ.get("WQ_CONTRACT_WORKERS", "1"))
    p.add_argument("--parallel", type=int, default=int(os.environ.get("WQ_CONTRACT_PARALLEL", "2")),
                   help="actors fuzzed at the same time")
    p.add_argument("st_args", nargs="*", help="after --: passed to every st run")
    args = p.parse_args()

    report_dir = Path(args.report_dir)
    work = report_dir / "contract"
    work.mkdir(parents=True, exist_ok=True)
    # Every actor signs in before any fuzzing: fuzzed sign-ins fill the address's rate limit.
    actors = set_up(args.base_url, [a for a in args.actors.split(",") if a])

    started = time.monotonic()
    parts = [(actor.name, work / f"junit-{actor.name}.xml") for actor in actors]
    for _, junit in parts:
        junit.unlink(missing_ok=True)
    # Separate processes (st's own worker threads trip a CPython 3.11 ast bug in hypothesis).
    with ThreadPoolExecutor(max_workers=args.parallel) as pool:
        results = pool.map(
            lambda a: (a.name, run_actor(a, args, work / f"junit-{a.name}.xml", work / f"{a.name}.log")),
            actors,
        )
        codes = dict(results)
    passed, failed = merge(parts, report_dir / "junit-contract.xml")
    # A run that failed without a failing test case in its report (a crash, a schema error)
    # still fails.
    broken = [n for n, rc in codes.items() if rc != 0]
    log(
        f"{passed} operation runs passed, {failed} failed in {time.monotonic() - started:.0f} s"
        + (f"; st exited non-zero for {', '.join(broken)}" if broken else "")
        + f" (logs in {work})"
    )
    return 1 if failed or broken else 0


if __name__ == "__main__":
    sys.exit(main())
