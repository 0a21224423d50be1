"""Counting attempts in the cache (Redis in production) to slow down guessing and flooding.

The one rate-limit helper of the project: sign-in uses it now; feedback forms and verification later.
When the cache is unreachable the counters read as zero: a limit fails open rather than locking out a ward.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    name: str
    attempts: int
    window_seconds: int

    def _key(self, subject: str) -> str:
        # hashed: the cache never holds an email, a phone number or an address in clear
        digest = hashlib.sha256(subject.encode()).hexdigest()[:32]
        return f"ratelimit:{self.name}:{digest}"

    def exceeded(self, subject: str) -> bool:
        return (cache.get(self._key(subject)) or 0) >= self.attempts

    def record(self, subject: str) -> None:
        key = self._key(subject)
        if not cache.add(key, 1, self.window_seconds):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, self.window_seconds)

    def reset(self, subject: str) -> None:
        cache.delete(self._key(subject))


def client_address(request) -> str:
    """The visitor's IP. Behind a reverse proxy that sets X-Forwarded-For, trust only the hop our proxy added."""
    if getattr(settings, "HOCVUSO_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
