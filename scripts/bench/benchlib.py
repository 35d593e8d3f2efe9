"""Shared plumbing of the benchmarks under scripts/bench (standard library only).

A benchmark here builds or finds a release `weiquan`, makes a fresh database, starts the server
with production settings on its own port and Redis prefix, drives it, and appends a dated
result with the machine and commit to scripts/bench/README.md.
"""

import datetime
import http.client
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BENCH = os.path.join(ROOT, "scripts", "bench")
PASSWORD = "Weiquan-demo-2026"
DEMO_CONSUMER = "13800138000"


def log(msg):
    print(f"[bench] {msg}", flush=True)


def die(msg):
    print(f"[bench] ERROR: {msg}", file=sys.stderr, flush=True)
    sys.exit(1)


def run(cmd, env=None, check=True, capture=False):
    r = subprocess.run(cmd, env=env, cwd=ROOT, text=True,
                       stdout=subprocess.PIPE if capture else None,
                       stderr=subprocess.STDOUT if capture else None)
    if check and r.returncode != 0:
        die(f"{' '.join(cmd)} exited with {r.returncode}" + (f":\n{r.stdout}" if capture else ""))
    return r.stdout if capture else None


def psql(db, sql):
    return run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-XAtq",
                "-v", "ON_ERROR_STOP=1", "-c", sql], capture=True).strip()


def request(port, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, path, body=json.dumps(body) if body is not None else None,
                 headers={"Content-Type": "application/json", **(headers or {})})
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r.status, r.getheaders(), data


def sign_in(port, login, audience="consumer"):
    """A session cookie and its CSRF token. Password hashing (argon2id) saturates 2 cores, so
    a sign-in may meet a Redis timeout (503 with Retry-After): wait and retry, as a client
    would."""
    for attempt in range(5):
        status, headers, data = request(port, "POST", "/api/v1/sessions",
                                        {"audience": audience, "login": login, "password": PASSWORD})
        if status != 503:
            break
        time.sleep(1 + attempt)
    if status != 201:
        die(f"sign-in of {login} answered {status}: {data[:300]!r}")
    cookie = next(v.split(";")[0] for k, v in headers if k.lower() == "set-cookie"
                  and v.startswith("wq_session="))
    csrf = json.loads(data)["me"]["csrf_token"]
    return cookie, csrf


def build(no_build):
    binary = os.environ.get("WEIQUAN_BIN", os.path.join(ROOT, "target", "release", "weiquan"))
    run([os.path.join(ROOT, "scripts", "services")])
    if not no_build:
        log("cargo build --release --bin weiquan")
        run(["cargo", "build", "--release", "--locked", "--bin", "weiquan"])
    if not os.path.exists(binary):
        die(f"no server binary at {binary}")
    return binary


def base_env(db, port, prefix):
    return {**os.environ, "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{db}",
            "REDIS_KEY_PREFIX": f"{prefix}:{int(time.time())}:", "RUST_LOG": "warn",
            "WEIQUAN_BIND": f"127.0.0.1:{port}", "WQ_NO_DOTENV": "1"}


def fresh_database(binary, env):
    dev = {**env, "WEIQUAN_ENV": "development"}
    run([binary, "migrate", "--fresh"], env=dev, capture=True)
    run([binary, "seed"], env=dev, capture=True)


def add_consumers(db, n, phone_prefix="139"):
    """`n` consumer accounts with the demo password (its hash copied), phones
    `<prefix>00000001`..; answers their phones."""
    psql(db, f"""INSERT INTO users (kind, phone, display_name, password_hash, status)
        SELECT 'consumer', '{phone_prefix}' || lpad(i::text, 8, '0'), '压测用户' || i,
               (SELECT password_hash FROM users WHERE phone = '{DEMO_CONSUMER}'), 'active'
        FROM generate_series(1, {n}) i""")
    return [f"{phone_prefix}{i:08d}" for i in range(1, n + 1)]


class Server:
    """`weiquan serve` in production mode, started and stopped with a `with` block."""

    def __init__(self, binary, env, port, extra=None):
        self.port = port
        self.env = {**env, "WEIQUAN_ENV": "production", "SESSION_COOKIE_SECURE": "false",
                    "SESSION_SECRET": secrets.token_hex(32), "OAUTH_TOKEN_SECRET": secrets.token_hex(32),
                    "WEIQUAN_SECRET_KEY": run([binary, "gen-secret-key"], capture=True).strip(),
                    "SIGNIN_LIMIT_PER_ADDRESS": "100000", "SIGNIN_LIMIT_PER_ACCOUNT": "100000",
                    "SIGNIN_LIMIT_PER_ACCOUNT_AND_ADDRESS": "100000", **(extra or {})}
        self.binary = binary
        self.proc = None
        self.log = None

    def __enter__(self):
        self.log = tempfile.NamedTemporaryFile(prefix="wq-bench-server-", suffix=".log", delete=False)
        self.proc = subprocess.Popen([self.binary, "serve"], env=self.env, cwd=ROOT, stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/health/ready", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.__exit__(None, None, None)
        die(f"the server did not become ready; log: {self.log.name}")

    def rss_kib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def __exit__(self, *exc):
        os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait(timeout=30)


def stamp():
    """`### <UTC time> · <commit>` for a result heading, and the core count."""
    commit = run(["git", "rev-parse", "--short", "HEAD"], capture=True).strip()
    dirty = " (uncommitted changes)" if run(["git", "status", "--porcelain"], capture=True).strip() else ""
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"### {when} · {commit}{dirty}", os.cpu_count()


def append_readme(lines):
    with open(os.path.join(BENCH, "README.md"), "a") as f:
        f.write("\n".join(lines) + "\n")
    log("appended to scripts/bench/README.md")


def append_results(benchmark, rows):
    """Appends `(metric, value, unit, note)` rows to results.csv (scripts/bench/chart draws it)."""
    import csv
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
    commit = run(["git", "rev-parse", "--short", "HEAD"], capture=True).strip()
    with open(os.path.join(BENCH, "results.csv"), "a", newline="") as f:
        w = csv.writer(f)
        for metric, value, unit, note in rows:
            w.writerow([when, commit, benchmark, "", metric, value, unit, note])


def percentile(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]
