"""Counts the SQL queries each measured page costs. Started by run.py, never run by hand.

It runs as its own Django process with the same settings, database and cache as the gunicorn workers, and
sends the same cookies wrk sends, so the count is the one each measured request pays. The work comes as JSON
on stdin (a list of {"path", "cookies"}) and the answer goes back as JSON on stdout.
"""

import json
import sys

import django


def _authenticated(response) -> bool | None:
    # None when no view saw the request: WhiteNoise answers static files before the auth middleware runs
    user = getattr(response.wsgi_request, "user", None)
    return None if user is None else user.is_authenticated


def main() -> None:
    targets = json.load(sys.stdin)
    django.setup()

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    results = []
    for target in targets:
        client = Client()
        for name, value in target["cookies"].items():
            client.cookies[name] = value
        # the first request pays for what later ones find cached (Wagtail's site lookup, the session in Redis);
        # wrk measures the steady state, so the second request is the one that counts
        with CaptureQueriesContext(connection) as first:
            client.get(target["path"])
        with CaptureQueriesContext(connection) as steady:
            response = client.get(target["path"])
        results.append(
            {
                "path": target["path"],
                "status": response.status_code,
                "authenticated": _authenticated(response),
                "queries": len(steady),
                "first_request_queries": len(first),
                "sql": [query["sql"] for query in steady.captured_queries],
            }
        )
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
