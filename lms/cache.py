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


class CacheGeneration:
    """A number that names the current generation of some cached content: keys carry it, and bumping it makes
    every older entry unreachable at once (they simply expire), with no need to know which keys exist."""

    def __init__(self, key: str):
        self.key = key

    def current(self) -> int:
        from django.core.cache import cache

        value = cache.get(self.key)
        if value is None:
            value = time.time_ns()
            cache.add(self.key, value, None)
        return value

    def bump(self, **_signal_kwargs) -> None:
        from django.core.cache import cache

        try:
            cache.incr(self.key)
        except ValueError:  # no generation yet, or evicted
            cache.set(self.key, time.time_ns(), None)
