"""Profiles one page with cProfile: where a request's time goes. Started by `lesson_page.py --profile`; not run
by hand.

It runs as its own Django process with the benchmark's settings, database, cache and cookies (like
count_queries.py), asks for the page twice to fill the caches, then profiles REQUESTS more requests through
Django's test client (the whole middleware stack, no gunicorn) and prints pstats' top functions: the project's
own by cumulative time, then every function by cumulative and by own time. The work comes as JSON on stdin:
{"path", "cookies", "requests", "lines"}.
"""

import cProfile
import io
import json
import pstats
import re
import sys
import time
from pathlib import Path

import django

REPO_DIR = str(Path(__file__).resolve().parent.parent) + "/"
# django/template/base.py rather than base.py: strip_dirs() would leave a dozen files called base.py
_PREFIX = re.compile(rf"^(?:.*/site-packages/|{re.escape(REPO_DIR)}|.*/lib/python3\.\d+/)")


PROJECT_CODE = r"^(?:lms|courses|assessments|certificates|cms|media)/"


def _short(function: tuple[str, int, str]) -> tuple[str, int, str]:
    return (_PREFIX.sub("", function[0]), *function[1:])


def shorten_paths(stats: pstats.Stats) -> pstats.Stats:
    shortened = {}
    for function, (calls, primitive, own, cumulative, callers) in stats.stats.items():
        callers = {_short(caller): figures for caller, figures in callers.items()}
        shortened[_short(function)] = (calls, primitive, own, cumulative, callers)
    stats.stats = shortened
    stats.fcn_list = None
    stats.top_level = {_short(function) for function in stats.top_level}
    return stats


def main() -> None:
    work = json.load(sys.stdin)
    django.setup()

    from django.test import Client

    client = Client()
    for name, value in work["cookies"].items():
        client.cookies[name] = value
    for _warm in range(2):
        status = client.get(work["path"]).status_code
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for _request in range(work["requests"]):
        client.get(work["path"])
    profiler.disable()
    elapsed = time.perf_counter() - started

    print(
        f"cProfile of {work['requests']} requests for {work['path']} (status {status}) through Django's test client: "
        f"{1000 * elapsed / work['requests']:.1f} ms per request under the profiler"
    )
    listings = [
        ("the project's own functions by cumulative time", "cumulative", (PROJECT_CODE, work["lines"])),
        ("every function by cumulative time", "cumulative", (work["lines"],)),
        ("every function by own time", "tottime", (work["lines"],)),
    ]
    for title, order, restrictions in listings:
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        shorten_paths(stats).sort_stats(order).print_stats(*restrictions)
        # pstats starts with the profile's totals and a blank line or two: keep the table
        body = text.getvalue().split("   Ordered by:", 1)[-1]
        print(f"\n{title} (times are for the {work['requests']} requests together):")
        print("   Ordered by:" + body.rstrip())


if __name__ == "__main__":
    main()
