"""The lesson page's budget in one run: speed and queries beside the floor, page weight, and the memory of
validating the largest hostile H5P packages. Prints the figures with their targets, PASS or FAIL.

    .venv/bin/python benchmarks/lesson_page.py               # PostgreSQL + Redis, like run.py
    .venv/bin/python benchmarks/lesson_page.py --sqlite      # no PostgreSQL or Redis needed
    .venv/bin/python benchmarks/lesson_page.py --profile     # and a cProfile of the lesson request

The site is prepared and served exactly as by run.py (its functions, not a copy). See benchmarks/README.md.
"""

import argparse
import gzip
import json
import os
import sys
import urllib.parse
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path

import hostile_packages
import run as harness
from run import BENCH_DIR, REPO_DIR, BenchmarkError, Site, Target, say

MY_LEARNING_PATH = "/khoa-hoc-cua-toi/"
LESSON_PREFIX = "/bai-hoc/"
STATIC_URL = "/static/"
VALIDATOR = BENCH_DIR / "validation_memory.py"
PROFILER = BENCH_DIR / "profile_page.py"
VALIDATION_SETTINGS = "lms.settings.test"

# the targets (KB and MB are decimal: 1 KB = 1,000 bytes)
MIN_PERCENT_OF_FLOOR = 25.0
MAX_QUERIES = 8
MAX_TRANSFER_BYTES = 150_000
MAX_VALIDATION_PEAK_BYTES = 100_000_000


# --- The lesson ---------------------------------------------------------------------------------------------
class _Links(HTMLParser):
    """The links, stylesheets and scripts of a page, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.anchors: list[str] = []
        self.assets: list[tuple[str, str]] = []  # (kind, url)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.anchors.append(attributes["href"])
        elif tag == "link" and "stylesheet" in (attributes.get("rel") or "").lower().split() and attributes.get("href"):
            self.assets.append(("css", attributes["href"]))
        elif tag == "script" and attributes.get("src"):
            self.assets.append(("js", attributes["src"]))


def _links(page: str) -> _Links:
    parser = _Links()
    parser.feed(page)
    parser.close()
    return parser


def _same_origin_path(url: str, base: str, port: int) -> str | None:
    """The path (and query) of a URL on the benchmarked site, None for another origin."""
    absolute = urllib.parse.urlsplit(urllib.parse.urljoin(f"http://{harness.HOST}:{port}{base}", url))
    if absolute.scheme != "http" or absolute.netloc not in {f"{harness.HOST}:{port}", f"localhost:{port}"}:
        return None
    return absolute.path + (f"?{absolute.query}" if absolute.query else "")


def find_lesson(port: int, user: str, cookies: dict[str, str]) -> str:
    """The first lesson my learning links to: the demo learner's “continue” link in the part-way course."""
    status, _headers, page = harness.http_request(
        port, "GET", MY_LEARNING_PATH, headers={"Cookie": harness.cookie_header(cookies)}
    )
    if status != 200:
        raise BenchmarkError(f"GET {MY_LEARNING_PATH} as {user} answered {status}, not 200")
    for href in _links(page).anchors:
        path = _same_origin_path(href, MY_LEARNING_PATH, port)
        if path and path.startswith(LESSON_PREFIX):
            return path
    raise BenchmarkError(
        f"{MY_LEARNING_PATH} as {user} links to no lesson ({LESSON_PREFIX}…): the benchmark needs a learner enrolled "
        "part-way through a course, as load_demo leaves the demo learner (courses/demo.py, learner_part_way)"
    )


# --- Page weight --------------------------------------------------------------------------------------------
@dataclass
class Resource:
    path: str
    kind: str  # html, css, js
    status: int
    raw_bytes: int  # the file itself
    gzip_bytes: int  # gzip level 6, computed here
    served_bytes: int  # what this server sent when asked with Accept-Encoding: gzip
    served_encoding: str  # its Content-Encoding, or "identity", or "not served" (read from the collected file)

    @property
    def transferred_bytes(self) -> int:
        # a compressed answer is what travels; an uncompressed one travels gzipped behind a compressing proxy
        return self.served_bytes if self.served_encoding not in {"identity", "not served"} else self.gzip_bytes


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def _fetch_resource(site: Site, path: str, kind: str, cookies: dict[str, str], args) -> tuple[Resource, bytes]:
    headers = {"Cookie": harness.cookie_header(cookies)} if kind == "html" else {}
    status, _headers, raw = harness.fetch(site.port, "GET", path, headers={**headers, "Accept-Encoding": "identity"})
    served_status, served_headers, served = harness.fetch(
        site.port, "GET", path, headers={**headers, "Accept-Encoding": "gzip"}
    )
    encoding = served_headers.get("Content-Encoding", "identity")
    collected = site.static_root / urllib.parse.unquote(urllib.parse.urlsplit(path).path.removeprefix(STATIC_URL))
    if args.sqlite and status == 404 and path.startswith(STATIC_URL) and collected.is_file():
        # lms.settings.dev with DEBUG off serves no static files (production's WhiteNoise does): read the file
        raw = collected.read_bytes()
        status, served, encoding = 200, raw, "not served"
    elif not 200 <= served_status < 300:
        status = served_status
    return Resource(path, kind, status, len(raw), _gzip_size(raw), len(served), encoding), raw


def page_weight(site: Site, lesson: str, cookies: dict[str, str], args) -> list[Resource]:
    say(f"weighing {lesson} with the CSS and JS it links")
    page, html = _fetch_resource(site, lesson, "html", cookies, args)
    resources = [page]
    seen = {lesson}
    for kind, url in _links(html.decode("utf-8", "replace")).assets:
        path = _same_origin_path(url, lesson, site.port)
        if path is None or path in seen:
            continue  # another origin is not ours to weigh; a file linked twice loads once
        seen.add(path)
        resources.append(_fetch_resource(site, path, kind, cookies, args)[0])
    return resources


# --- Validating hostile packages ----------------------------------------------------------------------------
def _validate_in_child(path: Path, *, traced: bool) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": VALIDATION_SETTINGS,
        "PYTHONPATH": str(REPO_DIR),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    command = [sys.executable, str(VALIDATOR), str(path), *(["--tracemalloc"] if traced else [])]
    try:
        return json.loads(harness.run(command, env))
    except BenchmarkError as exc:
        # a child killed for its memory is a measurement, not a broken run
        return {"error": str(exc)}


def validation_memory(directory: Path) -> list[dict]:
    say("building the hostile packages (about 20 s; zeros deflated in a stream, 1 MiB at a time)")
    packages = hostile_packages.build_all(directory)
    measured = []
    for package in packages:
        say(f"validating {package.path.name} in fresh processes")
        plain = _validate_in_child(package.path, traced=False)
        traced = _validate_in_child(package.path, traced=True)
        measured.append({"package": {**asdict(package), "path": package.path.name}, "plain": plain, "traced": traced})
    return measured


def _verdict(child: dict) -> str:
    if child.get("error"):
        return "crashed" if child["error"] != "MemoryError" else "MemoryError"
    return "accepted" if child["accepted"] else f"refused: {child['code']}"


def _growth(child: dict) -> int | None:
    if "peak_rss_bytes" not in child or child.get("error"):
        return None
    # the kernel batches its RSS counters (a few hundred KB): a peak that did not move can read a little low
    return max(0, child["peak_rss_bytes"] - child["baseline_rss_bytes"])


def _validation_ok(item: dict) -> bool:
    plain, traced = item["plain"], item["traced"]
    growth = _growth(plain)
    return (
        growth is not None
        and growth < MAX_VALIDATION_PEAK_BYTES
        and traced.get("tracemalloc_peak_bytes") is not None
        and traced["tracemalloc_peak_bytes"] < MAX_VALIDATION_PEAK_BYTES
    )


# --- Output -------------------------------------------------------------------------------------------------
def _kb(count: int) -> str:
    return f"{count / 1000:,.1f} KB"


def _mb(count: int | None) -> str:
    return "-" if count is None else f"{count / 1e6:,.1f}"


def _pass(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def print_weight(resources: list[Resource]) -> None:
    print(
        "Page weight: the lesson's HTML and the same-origin CSS and JS it links "
        "(images, video and H5P frames excluded: they load on demand)"
    )
    width = max(len("file"), *(len(resource.path) for resource in resources))
    header = f"{'file':<{width}}  {'status':>6}  {'raw B':>9}  {'gzip -6 B':>9}  {'served B':>9}  served as"
    print(header)
    print("-" * (len(header) + 6))
    for resource in resources:
        print(
            f"{resource.path:<{width}}  {resource.status:>6}  {resource.raw_bytes:>9,}  {resource.gzip_bytes:>9,}  "
            f"{resource.served_bytes:>9,}  {resource.served_encoding}"
        )
    print("-" * (len(header) + 6))
    raw = sum(resource.raw_bytes for resource in resources)
    zipped = sum(resource.gzip_bytes for resource in resources)
    served = sum(resource.served_bytes for resource in resources)
    print(f"{'total':<{width}}  {'':>6}  {raw:>9,}  {zipped:>9,}  {served:>9,}")
    print(
        f"transferred (the server's compressed answer, else gzip -6): "
        f"{sum(resource.transferred_bytes for resource in resources):,} B"
    )
    print()


def print_validation(measured: list[dict]) -> None:
    print(
        f"Validating packages with media.h5p.validation.validate_h5p, each in a fresh process ({VALIDATION_SETTINGS}); "
        "MB = 1,000,000 bytes"
    )
    width = max(len("package"), *(len(item["package"]["name"]) for item in measured))
    header = (
        f"{'package':<{width}}  {'file MB':>7}  {'claims MB':>9}  {'real MB':>8}  {'verdict':<24}  {'seconds':>7}  "
        f"{'peak RSS':>8}  {'baseline':>8}  {'above':>6}  {'traced':>6}  target"
    )
    print(header)
    print("-" * len(header))
    for item in measured:
        package, plain, traced = item["package"], item["plain"], item["traced"]
        seconds = f"{plain['seconds']:.3f}" if "seconds" in plain else "-"
        print(
            f"{package['name']:<{width}}  {_mb(package['file_bytes']):>7}  {_mb(package['declared_bytes']):>9}  "
            f"{_mb(package['real_bytes']):>8}  {_verdict(plain):<24}  {seconds:>7}  "
            f"{_mb(plain.get('peak_rss_bytes')):>8}  {_mb(plain.get('baseline_rss_bytes')):>8}  "
            f"{_mb(_growth(plain)):>6}  {_mb(traced.get('tracemalloc_peak_bytes')):>6}  "
            f"{_pass(_validation_ok(item))}"
        )
    print(
        "peak RSS: the child's ru_maxrss, reset once Django was set up; baseline: its RSS then; above: peak minus "
        "baseline;\ntraced: tracemalloc's peak in a second fresh process; target: above and traced under "
        f"{_mb(MAX_VALIDATION_PEAK_BYTES)} MB"
    )
    for item in measured:
        plain = item["plain"]
        if plain.get("error"):
            print(f"  {item['package']['name']}: {plain['error'].splitlines()[0]}")
        elif not plain["accepted"]:
            print(f"  {item['package']['name']}: “{plain['message_en']}” (vi: “{plain['message_vi']}”)")
        else:
            print(f"  {item['package']['name']}: accepted, {plain['entries']:,} files")
        if plain.get("peak_was_reset") is False:
            print("    (the peak could not be reset: peak RSS includes Django's own setup)")
    print()


def targets_table(lesson: harness.Result, floor: harness.Result, resources, measured) -> list[dict]:
    transferred = sum(resource.transferred_bytes for resource in resources)
    growths = [(_growth(item["plain"]), item["package"]["name"]) for item in measured]
    known = [(growth, name) for growth, name in growths if growth is not None]
    worst_growth, worst_name = max(known) if known else (None, "-")
    traced = [item["traced"].get("tracemalloc_peak_bytes") for item in measured]
    traced_known = [peak for peak in traced if peak is not None]
    memory_figure = (
        f"{_mb(worst_growth)} MB above baseline ({worst_name}), traced {_mb(max(traced_known, default=None))} MB"
        if known
        else "no figure: a validation crashed"
    )
    return [
        {
            "target": f"lesson req/s >= {MIN_PERCENT_OF_FLOOR:g} % of the floor's",
            "figure": (
                f"{lesson.percent_of_floor:.1f} % ({lesson.requests_per_second:,.1f} of "
                f"{floor.requests_per_second:,.1f} req/s)"
            ),
            "ok": lesson.percent_of_floor >= MIN_PERCENT_OF_FLOOR,
        },
        {
            "target": f"lesson SQL queries per page <= {MAX_QUERIES}",
            "figure": "-" if lesson.queries is None else str(lesson.queries),
            "ok": lesson.queries is not None and lesson.queries <= MAX_QUERIES,
        },
        {
            "target": f"lesson transferred before media <= {_kb(MAX_TRANSFER_BYTES)}",
            "figure": f"{_kb(transferred)} (raw {_kb(sum(resource.raw_bytes for resource in resources))})",
            "ok": transferred <= MAX_TRANSFER_BYTES and all(200 <= r.status < 300 for r in resources),
        },
        {
            "target": f"validation peak < {_mb(MAX_VALIDATION_PEAK_BYTES)} MB, worst package",
            "figure": memory_figure,
            "ok": all(_validation_ok(item) for item in measured),
        },
    ]


def print_targets(rows: list[dict]) -> None:
    target_width = max(len(row["target"]) for row in rows)
    figure_width = max(len(row["figure"]) for row in rows)
    header = f"{'target':<{target_width}}  {'figure':<{figure_width}}  verdict"
    print(header)
    print("-" * len(header))
    for row in rows:
        print(f"{row['target']:<{target_width}}  {row['figure']:<{figure_width}}  {_pass(row['ok'])}")
    print()


# --- Command line -------------------------------------------------------------------------------------------
def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="The lesson page's targets: req/s and queries beside the floor, page weight, validation memory.",
    )
    harness.add_site_arguments(parser)
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of the lesson request")
    parser.add_argument("--profile-requests", type=int, default=20, help="requests profiled (default 20)")
    args = parser.parse_args(argv)
    harness.check_site_arguments(parser, args)
    if args.profile_requests < 1:
        parser.error("--profile-requests must be at least 1")
    return args


def profile(site: Site, target: Target, args: argparse.Namespace) -> str:
    say(f"profiling {args.profile_requests} requests for {target.path}")
    env = {**site.env, "ALLOWED_HOSTS": f"{site.env['ALLOWED_HOSTS']},testserver"}
    work = {"path": target.path, "cookies": target.cookies, "requests": args.profile_requests, "lines": 30}
    return harness.run([sys.executable, str(PROFILER)], env, stdin=json.dumps(work))


def benchmark(args: argparse.Namespace) -> int:
    with harness.serve_site(args) as site:
        say(f"signing in as {args.user}")
        cookies = harness.sign_in(site.port, args.user, args.password)
        lesson = find_lesson(site.port, args.user, cookies)
        say(f"the lesson: {lesson}")
        targets = [Target(harness.FLOOR_PATH, None), Target(lesson, args.user, cookies)]
        queries = harness.count_signed_in_queries(targets, site.env)
        results = harness.measure_targets(site, targets, queries, args)
        resources = page_weight(site, lesson, cookies, args)
        profiled = profile(site, targets[1], args) if args.profile else None
        # the server is idle from here on; the packages go with the rest of the temporary directory
        packages_dir = site.work_dir / "packages"
        packages_dir.mkdir()
        measured = validation_memory(packages_dir)
        context = harness.run_context(site, args)

        harness.print_table(results, context)
        print_weight(resources)
        print_validation(measured)
        rows = targets_table(results[1], results[0], resources, measured)
        print_targets(rows)
        if profiled:
            print(profiled)
        if not args.no_save:
            extra = {
                "lesson": lesson,
                "targets": rows,
                "weight": [{**asdict(r), "transferred_bytes": r.transferred_bytes} for r in resources],
                "validation": measured,
                "profile": profiled,
            }
            saved = harness.save_json(results, context, queries, name="lesson", extra=extra)
            say(f"saved {saved.relative_to(REPO_DIR)}")
        failed = harness.report_failures(site, results, args)
        for resource in resources:
            if not 200 <= resource.status < 300:
                say(f"{resource.path} answered {resource.status}")
                failed = True
        return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    return harness.guarded(benchmark, parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
