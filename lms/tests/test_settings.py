"""Production settings: secure by default, configured only from the environment."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "lms.settings.production",
    "SECRET_KEY": "k" * 20 + "-production-test-secret-0123456789abcdefghijklmnopq",
    "ALLOWED_HOSTS": "hocvuso.example.vn",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run_manage(*args, **env_overrides):
    # nothing of this test process leaks in (the browser tests relax async safety for their own process)
    leaked = {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV and key not in leaked}
    env.update(PRODUCTION_ENV)
    env.update(env_overrides)
    env = {key: value for key, value in env.items() if value is not None}
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_passes_check_deploy_without_a_single_warning():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS"),
        ({"REDIS_URL": None}, "REDIS_URL"),
        ({"DATABASE_URL": "sqlite:////tmp/x.sqlite3"}, "PostgreSQL"),
        ({"DEBUG": "maybe"}, "DEBUG must be true or false"),
    ],
)
def test_production_refuses_to_start_half_configured(override, message):
    result = run_manage("check", **override)
    assert result.returncode != 0
    assert message in result.stderr
