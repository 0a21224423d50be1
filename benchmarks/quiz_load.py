"""Many learners taking a module quiz at once: each opens the quiz, starts it, opens the attempt page, autosaves
their answers twice and submits, against gunicorn on PostgreSQL and Redis. Prints the latency of each step and of
all requests (p50, p95, max), requests per second and errors, with the target (p95 under 150 ms, no error).

    .venv/bin/python benchmarks/quiz_load.py       # 200 learners arriving over 20 s, 3 s between their requests
    .venv/bin/python benchmarks/quiz_load.py --think 0 --ramp 0 --concurrency 50   # back to back: the ceiling
    .venv/bin/python benchmarks/quiz_load.py --learners 400 --workers 5
    .venv/bin/python benchmarks/quiz_load.py --quiz kiem-tra-chuong-nhan-biet-lua-dao-va-giu-bi-mat
    .venv/bin/python benchmarks/quiz_load.py --sqlite              # no PostgreSQL or Redis needed

The site is prepared and served exactly as by run.py (serve_site: a fresh database, migrate, load_demo, gunicorn).
The learners are made beforehand in one Django process with the site's settings (bulk-created accounts, enrolled
in the quiz's course, each with a signed-in session), so the load is the quiz's only. The queries of each step are
counted the same way in a separate Django process. See benchmarks/README.md.
"""

import argparse
import concurrent.futures
import http.client
import json
import os
import random
import re
import statistics
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import run as harness
from run import HOST, BenchmarkError, say

DEFAULT_QUIZ = "kiem-tra-chuong-vneid-can-cuoc-tren-dien-thoai"  # the demo's all-on-one module quiz
TARGET_P95_MS = 150.0
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/hocvuso_bench_quiz"
DEFAULT_REDIS = "redis://127.0.0.1:6379/14"
STEPS = ("intro", "start", "attempt page", "autosave", "submit")
LEARNER_EMAIL = "hoc-vien-tai-{number}@bench.hocvuso.vn"
CHILD_FLAG = "--child"


# --- Inside the site's Django (a child process with the site's settings) ----------------------------------------
def make_learners(count: int, quiz_slug: str) -> dict:
    """Bulk-create `count` learners enrolled in the quiz's course, each signed in: their session cookies."""
    import django

    django.setup()
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    from assessments.models import Assessment
    from courses.models import CoursePage, Enrolment, ModulePage
    from lms.models import User
    from lms.roles import Role

    assessment = Assessment.objects.filter(slug=quiz_slug).first()
    if assessment is None:
        raise SystemExit(f"no assessment {quiz_slug!r}: load_demo makes the demo's quizzes")
    module = ModulePage.objects.filter(quiz=assessment).first()
    course = CoursePage.objects.filter(path=module.path[: -ModulePage.steplen]).first() if module else None
    password = make_password(None)  # an unusable password: these accounts sign in by their session only
    users = User.objects.bulk_create(
        User(email=LEARNER_EMAIL.format(number=number), first_name=f"Học viên {number}", password=password)
        for number in range(count)
    )
    users = list(User.objects.filter(email__in=[user.email for user in users]).order_by("pk"))
    group = Group.objects.get(name=Role.LEARNER)
    User.groups.through.objects.bulk_create(User.groups.through(user_id=user.pk, group_id=group.pk) for user in users)
    if course is not None:
        Enrolment.objects.bulk_create(Enrolment(user=user, course=course) for user in users)
    store = import_module(settings.SESSION_ENGINE).SessionStore
    backend = settings.AUTHENTICATION_BACKENDS[0]
    sessions = []
    for user in users:
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = backend
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        sessions.append(session.session_key)
    return {
        "cookie": settings.SESSION_COOKIE_NAME,
        "sessions": sessions,
        "course": course.title if course else None,
        "assessment": assessment.title,
        "items": assessment.slots.count(),
    }


def count_step_queries(quiz_slug: str) -> dict:
    """One learner's whole flow through the test client, the queries of each step counted (a fresh learner, so
    the first request of a step is what every simulated learner pays)."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from lms.models import User

    user = User.objects.create(email="dem-truy-van@bench.hocvuso.vn", first_name="Đếm truy vấn")
    client = Client()
    client.force_login(user)
    counted: dict[str, list] = {}

    def step(name, method, path, data=None):
        with CaptureQueriesContext(connection) as captured:
            response = getattr(client, method)(path, data or {})
        counted.setdefault(name, []).append(
            {"status": response.status_code, "queries": len(captured), "sql": [q["sql"] for q in captured]}
        )
        return response

    intro = f"/kiem-tra/{quiz_slug}/"
    step("intro", "get", intro)
    started = step("start", "post", f"{intro}bat-dau/")
    attempt_path = started["Location"]
    page = step("attempt page", "get", attempt_path).content.decode()
    form = answers_from(page, random.Random(1))
    form.pop("csrfmiddlewaretoken", None)
    attempt_id = attempt_path.rstrip("/").rsplit("/", 1)[-1]
    for _round in range(2):
        saved = step("autosave", "post", f"/kiem-tra/lam-bai/{attempt_id}/luu/", form)
        form["sequence"] = [str(saved.json()["sequence"])]
    step("submit", "post", f"/kiem-tra/lam-bai/{attempt_id}/nop-bai/", form)
    return {
        name: {
            "queries": [entry["queries"] for entry in entries],
            "status": [entry["status"] for entry in entries],
            "sql": entries[-1]["sql"],
        }
        for name, entries in counted.items()
    }


def child(argv: list[str]) -> None:
    what, *rest = argv
    if what == "learners":
        result = make_learners(int(rest[0]), rest[1])
    elif what == "queries":
        result = count_step_queries(rest[0])
    else:
        raise SystemExit(f"unknown child task {what!r}")
    json.dump(result, sys.stdout)


def run_child(env: dict[str, str], *args: str) -> dict:
    env = {**env, "ALLOWED_HOSTS": f"{env['ALLOWED_HOSTS']},testserver"}
    output = harness.run([sys.executable, str(Path(__file__).resolve()), CHILD_FLAG, *args], env)
    return json.loads(output.strip().splitlines()[-1])


# --- The attempt page's form, as a browser fills it ---------------------------------------------------------------
class _Form(HTMLParser):
    """The fields of the attempt form: hidden values, radio and checkbox groups, selects, text boxes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hidden: list[tuple[str, str]] = []
        self.choices: dict[str, list[str]] = {}
        self.multiple: dict[str, list[str]] = {}
        self.selects: dict[str, list[str]] = {}
        self.texts: list[str] = []
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name") or ""
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind == "hidden" and name:
                self.hidden.append((name, a.get("value") or ""))
            elif kind == "radio" and name:
                self.choices.setdefault(name, []).append(a.get("value") or "")
            elif kind == "checkbox" and name:
                self.multiple.setdefault(name, []).append(a.get("value") or "")
            elif kind in {"text", "number", "search"} and name.startswith("q"):
                self.texts.append(name)
        elif tag == "textarea" and name.startswith("q"):
            self.texts.append(name)
        elif tag == "select" and name.startswith("q"):
            self._select = name
            self.selects[name] = []
        elif tag == "option" and self._select and a.get("value"):
            self.selects[self._select].append(a["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def answers_from(page: str, rng: random.Random) -> dict[str, list[str]]:
    """Form data answering every question of the page: a random option, distinct ranks, a short text."""
    form = _Form()
    form.feed(page)
    data: dict[str, list[str]] = {}
    for name, value in form.hidden:
        if name in {"sequence", "csrfmiddlewaretoken"} or name == "shown":
            data.setdefault(name, []).append(value)
    for name, values in form.choices.items():
        data[name] = [rng.choice(values)]
    for name, values in form.multiple.items():
        data[name] = rng.sample(values, k=max(1, len(values) // 2))
    by_question: dict[str, list[str]] = {}
    for name in form.selects:
        by_question.setdefault(name.split("-", 1)[0], []).append(name)
    for names in by_question.values():
        # ranks and matches are given distinct values, as a learner would
        for index, name in enumerate(names):
            options = form.selects[name]
            if options:
                data[name] = [options[index % len(options)]]
    for name in form.texts:
        data[name] = ["9" if "text" in name and "blank" not in name else "mã định danh"]
    return data


# --- The load ---------------------------------------------------------------------------------------------------
@dataclass
class Timings:
    by_step: dict[str, list[float]] = field(default_factory=lambda: {step: [] for step in STEPS})
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, step: str, seconds: float) -> None:
        with self.lock:
            self.by_step[step].append(seconds)

    def fail(self, message: str) -> None:
        with self.lock:
            self.errors.append(message)


class Learner:
    """One simulated learner with a browser's cookies: every request on its own connection, as run.py does."""

    def __init__(self, port: int, cookies: dict[str, str], timings: Timings, rng: random.Random, think: float = 0.0):
        self.port, self.cookies, self.timings, self.rng = port, dict(cookies), timings, rng
        self.think = think

    def pause(self) -> None:
        """A person reads and answers between two requests: `think` seconds on average (0 = a machine)."""
        if self.think:
            time.sleep(self.rng.uniform(0.5, 1.5) * self.think)

    def request(self, step: str, method: str, path: str, form: dict[str, list[str]] | None = None):
        headers = {"Cookie": harness.cookie_header(self.cookies)}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            raw = response.read()
        finally:
            connection.close()
        self.timings.add(step, time.perf_counter() - started)
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _sep, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.headers, raw.decode("utf-8", "replace")

    def expect(self, condition: bool, step: str, status: int, detail: str = "") -> None:
        if not condition:
            raise BenchmarkError(f"{step}: status {status} {detail[:200]}")

    def take(self, quiz_slug: str, autosaves: int) -> None:
        intro = f"/kiem-tra/{quiz_slug}/"
        status, _headers, page = self.request("intro", "GET", intro)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        self.expect(status == 200 and token is not None, "intro", status, page)
        self.pause()
        status, headers, page = self.request(
            "start", "POST", f"{intro}bat-dau/", {"csrfmiddlewaretoken": [token.group(1)]}
        )
        location = headers.get("Location", "")
        self.expect(status == 302 and "/kiem-tra/lam-bai/" in location, "start", status, page)
        attempt_path = urllib.parse.urlsplit(location).path
        status, _headers, page = self.request("attempt page", "GET", attempt_path)
        self.expect(status == 200, "attempt page", status, page)
        form = answers_from(page, self.rng)
        self.expect("sequence" in form and "csrfmiddlewaretoken" in form, "attempt page", status, "no form")
        attempt_id = attempt_path.rstrip("/").rsplit("/", 1)[-1]
        for _round in range(autosaves):
            self.pause()
            status, _headers, body = self.request("autosave", "POST", f"/kiem-tra/lam-bai/{attempt_id}/luu/", form)
            self.expect(status == 200 and '"ok": true' in body, "autosave", status, body)
            form["sequence"] = [str(json.loads(body)["sequence"])]
            form.update(answers_from(page, self.rng))  # the learner changes their mind
            form["sequence"] = [str(json.loads(body)["sequence"])]
        self.pause()
        status, headers, body = self.request("submit", "POST", f"/kiem-tra/lam-bai/{attempt_id}/nop-bai/", form)
        self.expect(status == 302 and "/kiem-tra/ket-qua/" in headers.get("Location", ""), "submit", status, body)


def drive(port: int, cookie_name: str, sessions: list[str], args: argparse.Namespace) -> tuple[Timings, float]:
    timings = Timings()

    def one(index_session):
        index, session = index_session
        rng = random.Random(index)
        if args.ramp:
            # a class does not press "Start" in the same millisecond: arrivals spread over the ramp
            time.sleep(args.ramp * index / max(len(sessions), 1) + rng.uniform(0, args.ramp / max(len(sessions), 1)))
        learner = Learner(port, {cookie_name: session}, timings, rng, think=args.think)
        try:
            learner.take(args.quiz, args.autosaves)
        except (BenchmarkError, OSError, ValueError, KeyError) as error:
            timings.fail(f"learner {index}: {error}")

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.concurrency) as pool:
        list(pool.map(one, enumerate(sessions)))
    return timings, time.perf_counter() - started


# --- Output -------------------------------------------------------------------------------------------------------
def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def print_report(site, args, timings: Timings, elapsed: float, learners: dict, queries: dict | None) -> bool:
    context = harness.run_context(site, args)
    context["load"] = (
        f"{args.learners} learners arriving over {args.ramp:g} s, {args.concurrency} at a time, "
        f"{args.think:g} s between requests on average, "
        "each: intro, start, attempt page, "
        f"{args.autosaves} autosaves, submit"
    )
    context["quiz"] = f"{learners['assessment']} ({learners['items']} questions; course: {learners['course']})"
    print()
    harness.print_context(context)
    print()
    header = f"{'step':<14} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8}"
    print(header)
    print("-" * len(header))
    everything = []
    for step in STEPS:
        values = [seconds * 1000 for seconds in timings.by_step[step]]
        everything += values
        counted = "-"
        if queries and step in queries:
            counted = "/".join(str(number) for number in queries[step]["queries"])
        print(
            f"{step:<14} {len(values):>8} {statistics.median(values) if values else 0:>8.1f} "
            f"{percentile(values, 0.95):>8.1f} {max(values, default=0):>8.1f} {counted:>8}"
        )
    p95 = percentile(everything, 0.95)
    print("-" * len(header))
    print(
        f"{'all':<14} {len(everything):>8} {statistics.median(everything) if everything else 0:>8.1f} "
        f"{p95:>8.1f} {max(everything, default=0):>8.1f}"
    )
    print()
    print(f"requests/s: {len(everything) / elapsed:.1f} over {elapsed:.1f} s")
    print(f"errors:     {len(timings.errors)} learners of {args.learners}")
    for line in timings.errors[:10]:
        print(f"  {line}")
    passed = p95 < TARGET_P95_MS and not timings.errors
    print(f"target:     p95 < {TARGET_P95_MS:.0f} ms and no error: {'PASS' if passed else 'FAIL'} (p95 {p95:.1f} ms)")
    return passed


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Many learners taking a module quiz at once, against gunicorn.")
    harness.add_site_arguments(parser)
    # its own database and Redis database, so it can run beside run.py; more workers than run.py's two, since
    # fifty learners at a time wait on each other's writes, not on the CPU alone
    parser.set_defaults(workers=2 * (os.cpu_count() or 1) + 1, postgres=DEFAULT_POSTGRES, redis=DEFAULT_REDIS)
    parser.add_argument("--learners", type=int, default=200, help="simulated learners (default 200)")
    parser.add_argument("--concurrency", type=int, default=200, help="learners at a time (default 200: all)")
    parser.add_argument(
        "--think",
        type=float,
        default=3.0,
        help="seconds a learner spends between two requests, on average (default 3: a very fast learner; "
        "0 = back-to-back requests, which measures the server's ceiling rather than a class)",
    )
    parser.add_argument(
        "--ramp",
        type=float,
        default=20.0,
        help="seconds over which the learners arrive (default 20: a class told to start now; 0 = all at once)",
    )
    parser.add_argument("--autosaves", type=int, default=2, help="autosaves per learner (default 2)")
    parser.add_argument("--quiz", default=DEFAULT_QUIZ, help=f"the assessment's address (default {DEFAULT_QUIZ})")
    parser.add_argument("--no-queries", action="store_true", help="do not count the queries of each step")
    args = parser.parse_args(argv)
    harness.check_site_arguments(parser, args)
    if args.learners < 1 or args.concurrency < 1:
        parser.error("--learners and --concurrency must be at least 1")
    return args


def benchmark(args: argparse.Namespace) -> int:
    with harness.serve_site(args) as site:
        say(f"making {args.learners} signed-in learners enrolled in the quiz's course")
        learners = run_child(site.env, "learners", str(args.learners), args.quiz)
        queries = None
        if not args.no_queries:
            say("counting the queries of each step")
            queries = run_child(site.env, "queries", args.quiz)
        say(f"{args.learners} learners take “{learners['assessment']}”, {args.concurrency} at a time")
        timings, elapsed = drive(site.port, learners["cookie"], learners["sessions"], args)
        passed = print_report(site, args, timings, elapsed, learners, queries)
        if queries and not args.no_save:
            harness.RESULTS_DIR.mkdir(exist_ok=True)
            path = harness.RESULTS_DIR / f"quiz-load-{time.strftime('%Y%m%d-%H%M%S')}.json"
            path.write_text(
                json.dumps(
                    {
                        "steps": {
                            step: {
                                "ms": [round(s * 1000, 2) for s in timings.by_step[step]],
                                "queries": queries.get(step),
                            }
                            for step in STEPS
                        },
                        "errors": timings.errors,
                        "elapsed_s": elapsed,
                    },
                    ensure_ascii=False,
                    indent=1,
                )
            )
            say(f"saved {path.relative_to(harness.REPO_DIR)}")
        if timings.errors:
            print("\n".join(site.server_log.read_text().splitlines()[:40]), file=sys.stderr)
        return 0 if passed else 1


def main(argv: list[str] | None = None) -> int:
    return harness.guarded(benchmark, parse_args(argv))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == CHILD_FLAG:
        child(sys.argv[2:])
    else:
        sys.exit(main())
