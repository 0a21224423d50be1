"""A Redis cache that degrades instead of failing: Redis holds only what can be rebuilt (cache, session copies,
rate-limit counters), so when it is unreachable a page must get slower, never break."""

import logging
import time

import redis
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger("hocvuso.cache")
_UNREACHABLE = (redis.ConnectionError, redis.TimeoutError)
_WARN_EVERY_SECONDS = 60
_last_warning = 0.0


def _warn(operation: str, error: Exception) -> None:
    global _last_warning
    now = time.monotonic()
    if now - _last_warning >= _WARN_EVERY_SECONDS:
        _last_warning = now
        logger.warning("Redis cache unreachable (%s: %s); serving without it", operation, error)


def _degrading(name: str, fallback):
    """RedisCacheClient's method `name`, answering `fallback(*args)` when Redis cannot be reached."""
    parent = getattr(RedisCacheClient, name)

    def method(self, *args):
        try:
            return parent(self, *args)
        except _UNREACHABLE as error:
            _warn(name, error)
            return fallback(*args)

    method.__name__ = name
    return method


class ResilientRedisCacheClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        # Django builds a new redis.Redis for every call, which costs more than a GET on loopback (it fills a table
        # of ~170 response callbacks each time). A client is only a handle on its pool and is thread-safe: keep one
        # per pool.
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client

    add = _degrading("add", lambda key, value, timeout: False)
    get = _degrading("get", lambda key, default: default)
    set = _degrading("set", lambda key, value, timeout: None)
    touch = _degrading("touch", lambda key, timeout: False)
    delete = _degrading("delete", lambda key: False)
    get_many = _degrading("get_many", lambda keys: {})
    has_key = _degrading("has_key", lambda key: False)
    # a counter that cannot be read counts as new: rate limits fail open rather than lock everyone out
    incr = _degrading("incr", lambda key, delta: delta)
    set_many = _degrading("set_many", lambda data, timeout: [])
    delete_many = _degrading("delete_many", lambda keys: False)
    clear = _degrading("clear", lambda: False)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient

    def validate_key(self, key):
        # Django checks every key for memcached's limits (length, spaces, control characters) character by
        # character on every call; Redis has none of them, and the check cost more than a GET on a lesson view
        return None


class CacheGeneration:
    """A number that names the current generation of some cached content: keys carry it, and bumping it makes
    every older entry unreachable at once (they simply expire), with no need to know which keys exist.

    `remember_seconds` > 0 lets a process reuse the number it read for that long instead of asking the cache on
    every call: other processes then see a bump up to that much later (this process sees its own at once).
    """

    def __init__(self, key: str, *, remember_seconds: float = 0.0):
        self.key = key
        self.remember_seconds = remember_seconds
        self._remembered: tuple[float, int] | None = None

    def current(self) -> int:
        from django.core.cache import cache

        if self._remembered is not None and time.monotonic() - self._remembered[0] < self.remember_seconds:
            return self._remembered[1]
        value = cache.get(self.key)
        if value is None:
            value = time.time_ns()
            if not cache.add(self.key, value, None):
                value = cache.get(self.key, value)
        self._remembered = (time.monotonic(), value)
        return value

    def bump(self, **_signal_kwargs) -> None:
        from django.core.cache import cache

        try:
            value = cache.incr(self.key)
        except ValueError:  # no generation yet, or evicted
            value = time.time_ns()
            cache.set(self.key, value, None)
        self._remembered = (time.monotonic(), value)

    def bump_now_and_after_commit(self, **_signal_kwargs) -> None:
        """For a change made in a transaction: bump now, and again once it commits, so a request that read the
        old content in between is not kept under the new generation."""
        from django.db import transaction

        self.bump()
        transaction.on_commit(self.bump)

    def forget(self) -> None:
        """Ask the cache next time (tests clear the cache between them)."""
        self._remembered = None


class ProcessMemo:
    """Values kept in this process's memory by a key that names everything they depend on (a cache generation
    included, so nothing stale is ever served under a current key). Bounded: emptied when full."""

    def __init__(self, size: int):
        self.size = size
        self.items: dict = {}

    def get(self, key, default=None):
        return self.items.get(key, default)

    def set(self, key, value) -> None:
        if len(self.items) >= self.size:
            self.items.clear()
        self.items[key] = value

    def get_or_build(self, key, build):
        value = self.items.get(key)
        if value is None:
            value = build()
            self.set(key, value)
        return value

    def clear(self) -> None:
        self.items.clear()
