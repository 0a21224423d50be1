"""Benchmark harness: serves the site under gunicorn on loopback with production-like settings, signs in as a
user, measures pages with wrk next to a bare Django view (the floor) and prints one table.

    .venv/bin/python benchmarks/run.py                      # `/` anonymous and as the demo learner, on PostgreSQL
    .venv/bin/python benchmarks/run.py --url /tai-khoan/ho-so/ --duration 20
    .venv/bin/python benchmarks/run.py --sqlite              # no PostgreSQL or Redis needed

Speed targets live here, printed on demand, never in the unit tests. See benchmarks/README.md.
Other benchmarks (lesson_page.py) import its pieces: serve_site, sign_in, measure_targets, print_table, ...
"""

import argparse
import contextlib
import datetime
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
LUA_SCRIPT = BENCH_DIR / "report.lua"
QUERY_COUNTER = BENCH_DIR / "count_queries.py"

FLOOR_PATH = "/__bench__/floor"
SIGN_IN_PATH = "/tai-khoan/dang-nhap/"
HEALTH_PATH = "/healthz"
DEMO_USER = "hocvien@demo.hocvuso.vn"
DEMO_PASSWORD = "hocvuso-demo-2026"  # noqa: S105 - the demo site's published password
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/hocvuso_bench"
DEFAULT_REDIS = "redis://127.0.0.1:6379/15"
HOST = "127.0.0.1"


class BenchmarkError(Exception):
    """A failure the harness explains in one message, without a traceback."""


@dataclass
class Target:
    path: str
    user: str | None  # None: anonymous
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.user or "anonymous"


@dataclass
class Result:
    path: str
    user: str
    requests_per_second: float
    percent_of_floor: float
    p50_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float
    requests: int
    errors: int
    non_2xx: int
    socket_errors: dict[str, int]
    queries: int | None
    first_request_queries: int | None
    status: int | None


# --- Child processes ----------------------------------------------------------------------------------------
# Every child is tracked so an error, Ctrl-C or SIGTERM never leaves gunicorn or wrk running behind us.
_children: list[subprocess.Popen] = []
_own_groups: set[int] = set()  # children started in a process group of their own


def _stop(process: subprocess.Popen, grace: float, *, own_group: bool = False) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if own_group:
        # gunicorn's workers outlive a master that had to be killed: end whatever is left of its group
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    if process in _children:
        _children.remove(process)


def stop_children() -> None:
    for process in reversed(list(_children)):
        _stop(process, grace=10, own_group=process.pid in _own_groups)


def run(command: list[str], env: dict[str, str], *, stdin: str | None = None, log: Path | None = None) -> str:
    """Runs a child to the end and returns its stdout; on failure shows its output and stops the run."""
    process = subprocess.Popen(
        command,
        cwd=REPO_DIR,
        env=env,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _children.append(process)
    try:
        stdout, stderr = process.communicate(stdin)
    finally:
        _stop(process, grace=5)
    if log is not None:
        with log.open("a") as handle:
            handle.write(f"$ {' '.join(command)}\n{stdout}{stderr}\n")
    if process.returncode != 0:
        raise BenchmarkError(f"`{' '.join(command)}` failed (exit {process.returncode}):\n{_tail(stdout + stderr)}")
    return stdout


def _tail(text: str, lines: int = 40) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def _on_sigterm(signum, frame):
    # turned into an exception so the `finally` blocks stop the children exactly as on Ctrl-C
    raise KeyboardInterrupt


def say(message: str) -> None:
    print(f"· {message}", file=sys.stderr, flush=True)


# --- Tools and services -------------------------------------------------------------------------------------
def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        raise BenchmarkError("wrk is not installed. Install it with `sudo apt-get install -y wrk` and run again.")
    say("wrk is not installed: installing it with apt-get")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(["apt-get", "install", "-y", "wrk"], env=env, check=False).returncode != 0:
        # a fresh machine may not have package lists yet
        subprocess.run(["apt-get", "update"], env=env, check=False)
        subprocess.run(["apt-get", "install", "-y", "wrk"], env=env, check=False)
    found = shutil.which("wrk")
    if not found:
        raise BenchmarkError("Could not install wrk with apt-get. Install it by hand and run again.")
    return found


def recreate_postgres_database(url: str) -> str:
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    params = conninfo_to_dict(url)
    name = params.get("dbname")
    if not name or name in {"postgres", "template0", "template1"}:
        raise BenchmarkError(f"--postgres must name a throwaway database (it is dropped and created): {url}")
    try:
        with psycopg.connect(make_conninfo(**{**params, "dbname": "postgres"}), autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.OperationalError as exc:
        raise BenchmarkError(f"PostgreSQL is not reachable ({exc}). Start it, or run with --sqlite.") from exc
    return name


def flush_redis(url: str) -> None:
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).flushdb()
    except redis.RedisError as exc:
        raise BenchmarkError(f"Redis is not reachable at {url} ({exc}). Start it, or run with --sqlite.") from exc


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def git_commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO_DIR, capture_output=True, text=True, check=False).stdout.strip()

    commit = git("rev-parse", "--short=12", "HEAD") or "unknown"
    # uncommitted changes make the figures belong to no commit: say so next to them
    return f"{commit}+dirty" if git("status", "--porcelain", "--untracked-files=no") else commit


# --- The site -----------------------------------------------------------------------------------------------
def site_environment(args: argparse.Namespace, work_dir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO_DIR),
        "PYTHONDONTWRITEBYTECODE": "1",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "DEBUG": "false",
        "ALLOWED_HOSTS": f"{HOST},localhost",
        # plain http on loopback: a redirect to https or secure-only cookies would make every request fail
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "HOCVUSO_BENCHMARK_FLOOR_VIEW": "true",
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "HOCVUSO_VAR_DIR": str(work_dir / "var"),
        "STATIC_ROOT": str(work_dir / "static"),
        "MEDIA_ROOT": str(work_dir / "media"),
        "PRIVATE_MEDIA_ROOT": str(work_dir / "private"),
        "LOG_LEVEL": "WARNING",
    }
    if args.sqlite:
        # the dev settings are the only ones that accept SQLite; DEBUG stays off so nothing collects queries
        env["DJANGO_SETTINGS_MODULE"] = "lms.settings.dev"
        env["DATABASE_URL"] = f"sqlite:///{work_dir / 'bench.sqlite3'}"
        env.pop("REDIS_URL", None)
        env.pop("CELERY_BROKER_URL", None)
        env.pop("CELERY_RESULT_BACKEND", None)
    else:
        env["DJANGO_SETTINGS_MODULE"] = "lms.settings.production"
        env["DATABASE_URL"] = args.postgres
        env["REDIS_URL"] = args.redis
    return env


def prepare_site(args: argparse.Namespace, env: dict[str, str], log: Path) -> str:
    if args.sqlite:
        database = "sqlite (temporary file)"
    else:
        database = f"postgresql {recreate_postgres_database(args.postgres)}"
        flush_redis(args.redis)
    manage = [sys.executable, str(REPO_DIR / "manage.py")]
    say(f"migrating a fresh database ({database})")
    run([*manage, "migrate", "--noinput"], env, log=log)
    say("collecting static files")
    run([*manage, "collectstatic", "--noinput"], env, log=log)
    say("loading the demo content")
    run([*manage, "load_demo"], env, log=log)
    return database


def start_gunicorn(args: argparse.Namespace, env: dict[str, str], log: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "lms.wsgi:application",
        f"--bind={HOST}:{port}",
        f"--workers={args.workers}",
        "--worker-class=sync",
        "--graceful-timeout=5",
        "--log-level=warning",
    ]
    say(f"starting gunicorn with {args.workers} sync workers on {HOST}:{port}")
    with log.open("a") as handle:
        # a new session keeps the terminal's Ctrl-C away from gunicorn: this script stops it, in order
        process = subprocess.Popen(
            command,
            cwd=REPO_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    _children.append(process)
    _own_groups.add(process.pid)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchmarkError(f"gunicorn exited (code {process.returncode}):\n{_tail(log.read_text())}")
        with contextlib.suppress(OSError):
            status, _headers, _body = http_request(port, "GET", HEALTH_PATH)
            if status == 200:
                return process, port
        time.sleep(0.3)
    raise BenchmarkError(f"gunicorn did not answer {HEALTH_PATH} within 60 s:\n{_tail(log.read_text())}")


def fetch(port: int, method: str, path: str, body: str | None = None, headers: dict[str, str] | None = None):
    """One request; returns the status, the headers and the body as the bytes that came over the wire."""
    # one connection per request: gunicorn's sync workers close it after every answer anyway
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def http_request(port: int, method: str, path: str, body: str | None = None, headers: dict[str, str] | None = None):
    status, response_headers, raw = fetch(port, method, path, body, headers)
    return status, response_headers, raw.decode("utf-8", "replace")


def _cookies_from(headers) -> dict[str, str]:
    jar = SimpleCookie()
    for header in headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return {name: morsel.value for name, morsel in jar.items()}


def sign_in(port: int, identifier: str, password: str) -> dict[str, str]:
    """Signs in through the real form, as a browser does, and returns the cookies a browser would then send."""
    status, headers, body = http_request(port, "GET", SIGN_IN_PATH)
    if status != 200:
        raise BenchmarkError(f"GET {SIGN_IN_PATH} answered {status}, not 200")
    cookies = _cookies_from(headers)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if token is None or "csrftoken" not in cookies:
        raise BenchmarkError(f"{SIGN_IN_PATH} has no CSRF token to sign in with")
    form = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), "username": identifier, "password": password})
    status, headers, _body = http_request(
        port,
        "POST",
        SIGN_IN_PATH,
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie_header(cookies),
            "Referer": f"http://{HOST}:{port}{SIGN_IN_PATH}",
        },
    )
    # Django rotates the CSRF token at sign-in: the new cookies replace the old ones
    cookies.update(_cookies_from(headers))
    if status != 302 or "sessionid" not in cookies:
        raise BenchmarkError(f"Signing in as {identifier} failed (status {status}): check --user and --password")
    return cookies


def cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{name}={value}" for name, value in sorted(cookies.items()))


# --- The running site, for run.py and the other benchmarks ------------------------------------------------
@dataclass
class Site:
    """A freshly prepared site served by gunicorn on loopback, as `serve_site` leaves it."""

    env: dict[str, str]
    port: int
    work_dir: Path
    database: str
    wrk: str

    @property
    def server_log(self) -> Path:
        return self.work_dir / "gunicorn.log"

    @property
    def static_root(self) -> Path:
        return Path(self.env["STATIC_ROOT"])


@contextlib.contextmanager
def serve_site(args: argparse.Namespace) -> Iterator[Site]:
    """Prepares a fresh database and starts gunicorn; on leaving, stops every child and removes the temporary
    directory (unless --keep-temp), also on an error or Ctrl-C."""
    work_dir = Path(tempfile.mkdtemp(prefix="hocvuso-bench-"))
    try:
        wrk = ensure_wrk()
        env = site_environment(args, work_dir)
        database = prepare_site(args, env, work_dir / "site.log")
        _gunicorn, port = start_gunicorn(args, env, work_dir / "gunicorn.log")
        yield Site(env=env, port=port, work_dir=work_dir, database=database, wrk=wrk)
    finally:
        stop_children()
        if args.keep_temp:
            say(f"kept {work_dir}")
        else:
            shutil.rmtree(work_dir, ignore_errors=True)


def guarded(body: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Runs a benchmark's body with the harness's exit statuses: 2 when it could not run, 130 when interrupted."""
    signal.signal(signal.SIGTERM, _on_sigterm)
    signal.signal(signal.SIGHUP, _on_sigterm)
    try:
        return body(args)
    except BenchmarkError as exc:
        print(f"benchmark failed: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("benchmark interrupted", file=sys.stderr)
        return 130
    finally:
        stop_children()  # serve_site stops its own; this catches any child started outside it


# --- Measuring ----------------------------------------------------------------------------------------------
def count_queries(targets: list[Target], env: dict[str, str]) -> list[dict]:
    # Django's test client sends Host: testserver
    env = {**env, "ALLOWED_HOSTS": f"{env['ALLOWED_HOSTS']},testserver"}
    work = json.dumps([{"path": target.path, "cookies": target.cookies} for target in targets])
    return json.loads(run([sys.executable, str(QUERY_COUNTER)], env, stdin=work))


def count_signed_in_queries(targets: list[Target], env: dict[str, str]) -> list[dict]:
    """count_queries, refusing a page that does not see its target's user as signed in."""
    say("counting queries per page")
    queries = count_queries(targets, env)
    for target, counted in zip(targets, queries, strict=True):
        # a session the site does not accept would measure the signed-out page under the user's name
        if target.user and counted["authenticated"] is False:
            raise BenchmarkError(f"{target.path} does not see {target.user} as signed in")
    return queries


def run_wrk(wrk: str, port: int, target: Target, seconds: int, args: argparse.Namespace) -> dict[str, float]:
    command = [
        wrk,
        f"--threads={args.threads}",
        f"--connections={args.connections}",
        f"--duration={seconds}s",
        "--timeout=10s",
        f"--script={LUA_SCRIPT}",
    ]
    if target.cookies:
        command += ["--header", f"Cookie: {cookie_header(target.cookies)}"]
    command.append(f"http://{HOST}:{port}{target.path}")
    output = run(command, dict(os.environ))
    line = next((line for line in output.splitlines() if line.startswith("HOCVUSO_BENCH ")), None)
    if line is None:
        raise BenchmarkError(f"wrk printed no HOCVUSO_BENCH line for {target.path}:\n{_tail(output)}")
    return {key: float(value) for key, value in (pair.split("=", 1) for pair in line.split()[1:])}


def measure(wrk: str, port: int, target: Target, args: argparse.Namespace) -> dict[str, float]:
    say(f"measuring {target.path} as {target.label} ({args.warmup} s warm-up, {args.duration} s measured)")
    if args.warmup > 0:
        # fills worker caches, opens database connections and lets the CPU clock settle before the figures count
        run_wrk(wrk, port, target, args.warmup, args)
    return run_wrk(wrk, port, target, args.duration, args)


def build_result(target: Target, figures: dict[str, float], floor_rps: float, counted: dict) -> Result:
    rps = figures["requests"] / (figures["duration_us"] / 1e6)
    socket_errors = {kind: int(figures[kind]) for kind in ("connect", "read", "write", "timeout")}
    return Result(
        path=target.path,
        user=target.label,
        requests_per_second=round(rps, 1),
        percent_of_floor=round(100 * rps / floor_rps, 1) if floor_rps else 0.0,
        p50_ms=round(figures["p50_us"] / 1000, 2),
        p99_ms=round(figures["p99_us"] / 1000, 2),
        mean_ms=round(figures["mean_us"] / 1000, 2),
        max_ms=round(figures["max_us"] / 1000, 2),
        requests=int(figures["requests"]),
        errors=int(figures["non_2xx"]) + sum(socket_errors.values()),
        non_2xx=int(figures["non_2xx"]),
        socket_errors=socket_errors,
        queries=counted.get("queries"),
        first_request_queries=counted.get("first_request_queries"),
        status=counted.get("status"),
    )


def measure_targets(site: Site, targets: list[Target], queries: list[dict], args: argparse.Namespace) -> list[Result]:
    """Measures every target, the floor (targets[0]) first, and states each as a share of the floor."""
    floor = measure(site.wrk, site.port, targets[0], args)
    floor_rps = floor["requests"] / (floor["duration_us"] / 1e6)
    results = [build_result(targets[0], floor, floor_rps, queries[0])]
    for target, counted in zip(targets[1:], queries[1:], strict=True):
        results.append(build_result(target, measure(site.wrk, site.port, target, args), floor_rps, counted))
    return results


def failed_results(results: list[Result]) -> list[Result]:
    return [r for r in results if r.errors or (r.status is not None and not 200 <= r.status < 300)]


def report_failures(site: Site, results: list[Result], args: argparse.Namespace) -> bool:
    """True, after showing the beginning of the server log, when some page did not answer 2xx."""
    if not failed_results(results):
        return False
    # the first error, with its traceback, explains more than the thousandth repeat of it
    server_log = site.server_log.read_text().splitlines()
    say(f"some pages answered with errors; the server log begins (of {len(server_log)} lines):")
    print("\n".join(server_log[:40]), file=sys.stderr)
    if not args.keep_temp:
        say("run again with --keep-temp to keep the whole log")
    return True


# --- Output -------------------------------------------------------------------------------------------------
def run_context(site: Site, args: argparse.Namespace) -> dict[str, str]:
    import django

    return {
        "commit": git_commit(),
        "settings": f"{site.env['DJANGO_SETTINGS_MODULE']} (DEBUG off, http on loopback)",
        "database": site.database,
        "cache": f"redis {args.redis}" if not args.sqlite else "local memory (per worker)",
        "server": f"gunicorn, {args.workers} sync workers",
        "load": (
            f"wrk {args.threads} thread(s), {args.connections} connections, "
            f"{args.duration} s per URL after {args.warmup} s warm-up"
        ),
        "machine": f"{os.cpu_count()} CPUs, Python {platform.python_version()}, Django {django.get_version()}",
    }


def print_context(context: dict[str, str]) -> None:
    for key, value in context.items():
        print(f"{key + ':':<10} {value}")


def print_table(results: list[Result], context: dict[str, str] | None) -> None:
    print()
    if context is not None:
        print_context(context)
        print()
    url_width = max(len("URL"), *(len(result.path) for result in results))
    user_width = max(len("user"), *(len(result.user) for result in results))
    header = (
        f"{'URL':<{url_width}}  {'user':<{user_width}}  {'req/s':>8}  {'% floor':>7}  "
        f"{'p50 ms':>7}  {'p99 ms':>7}  {'errors':>6}  {'queries':>7}"
    )
    print(header)
    print("-" * len(header))
    for result in results:
        queries = "-" if result.queries is None else str(result.queries)
        if result.status is not None and not 200 <= result.status < 300:
            queries += f" ({result.status})"
        print(
            f"{result.path:<{url_width}}  {result.user:<{user_width}}  {result.requests_per_second:>8.1f}  "
            f"{result.percent_of_floor:>6.1f}%  {result.p50_ms:>7.2f}  {result.p99_ms:>7.2f}  "
            f"{result.errors:>6}  {queries:>7}"
        )
    print()


def save_json(
    results: list[Result],
    context: dict[str, str],
    queries: list[dict],
    *,
    name: str = "",
    extra: dict | None = None,
) -> Path:
    """Writes the run to benchmarks/results/<stamp>-[<name>-]<commit>.json; `extra` adds top-level keys."""
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = RESULTS_DIR / f"{stamp}-{name + '-' if name else ''}{context['commit'].replace('+', '-')}.json"
    sql = {f"{counted['path']} {result.user}": counted["sql"] for counted, result in zip(queries, results, strict=True)}
    document = {"context": context, "results": [asdict(r) for r in results], "sql": sql, **(extra or {})}
    path.write_text(json.dumps(document, indent=2) + "\n")
    return path


# --- Command line -------------------------------------------------------------------------------------------
def add_site_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every benchmark that serves the site shares: who signs in, the load, the database."""
    parser.add_argument("--user", default=DEMO_USER, help=f"sign in as this email or phone (default {DEMO_USER})")
    parser.add_argument("--password", help="the user's password (default: the demo password, for the demo user)")
    parser.add_argument("--duration", type=int, default=10, help="seconds measured per URL (default 10)")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of load before each measurement (default 2)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (default 1)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument("--sqlite", action="store_true", help="SQLite in a temporary directory, no Redis")
    parser.add_argument(
        "--postgres", default=DEFAULT_POSTGRES, help=f"database to DROP and create (default {DEFAULT_POSTGRES})"
    )
    parser.add_argument("--redis", default=DEFAULT_REDIS, help=f"Redis database to flush and use ({DEFAULT_REDIS})")
    parser.add_argument("--no-save", action="store_true", help="do not write JSON to benchmarks/results/")
    parser.add_argument("--keep-temp", action="store_true", help="keep the temporary directory (logs, static files)")


def check_site_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.password is None:
        if args.user != DEMO_USER:
            parser.error("--password is required with --user")
        args.password = DEMO_PASSWORD
    if args.duration < 1 or args.warmup < 0 or args.workers < 1 or args.threads < 1:
        parser.error("--duration, --workers and --threads must be at least 1, --warmup at least 0")
    if args.connections < args.threads:
        parser.error("wrk needs at least one connection per thread")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Measure pages under gunicorn with wrk, next to a bare Django view (the floor).",
    )
    add_site_arguments(parser)
    parser.add_argument("--url", action="append", default=[], help="path measured signed in (repeatable)")
    parser.add_argument("--anonymous-url", action="append", default=[], help="path measured signed out (repeatable)")
    args = parser.parse_args(argv)
    check_site_arguments(parser, args)
    if not args.url and not args.anonymous_url:
        args.url = ["/"]
        args.anonymous_url = ["/"]
    for path in [*args.url, *args.anonymous_url]:
        if not path.startswith("/"):
            parser.error(f"URLs are paths on the site and start with '/': {path}")
    return args


def benchmark(args: argparse.Namespace) -> int:
    with serve_site(args) as site:
        say(f"signing in as {args.user}")
        cookies = sign_in(site.port, args.user, args.password)
        targets = [Target(FLOOR_PATH, None)]
        targets += [Target(path, None) for path in args.anonymous_url]
        targets += [Target(path, args.user, cookies) for path in args.url]
        queries = count_signed_in_queries(targets, site.env)
        results = measure_targets(site, targets, queries, args)
        context = run_context(site, args)
        print_table(results, context)
        if not args.no_save:
            say(f"saved {save_json(results, context, queries).relative_to(REPO_DIR)}")
        return 1 if report_failures(site, results, args) else 0


def main(argv: list[str] | None = None) -> int:
    return guarded(benchmark, parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
