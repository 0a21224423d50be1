"""Demo content, built by `manage.py load_demo`. Each app adds its part in its own `demo.py` with
`@demo_step(order=…)`; the learner core never imports the feature apps.

Every step must be idempotent: running the command twice leaves the same content, never duplicates.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.module_loading import autodiscover_modules


@dataclass
class DemoContext:
    """What earlier steps made that later ones build on, and the logins to print at the end."""

    objects: dict[str, object] = field(default_factory=dict)
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # (role, identifier, password)
    log: Callable[[str], None] = print


_steps: list[tuple[int, str, Callable[[DemoContext], None]]] = []


def demo_step(*, order: int):
    def register(func: Callable[[DemoContext], None]):
        name = f"{func.__module__}.{func.__qualname__}"
        if all(existing != name for _order, existing, _func in _steps):
            _steps.append((order, name, func))
        return func

    return register


def demo_steps() -> list[Callable[[DemoContext], None]]:
    autodiscover_modules("demo")
    return [func for _order, _name, func in sorted(_steps, key=lambda step: (step[0], step[1]))]


@demo_step(order=10)
def people(context: DemoContext) -> None:
    from .demo_people import build_people

    build_people(context)
