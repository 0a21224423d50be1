"""The interchange dataclasses shared by the importers and the exporter (issue 6 spec).

An :class:`ItemDraft` is an item not yet saved: the kind and ``body`` follow the item kinds' body JSON of the
spec (credits as :class:`~decimal.Decimal`), ``stem`` is HTML (plain source text arrives escaped, newlines as
``<br>``), and ``line`` is the first line of the question in the source file. The caller runs ``body`` through
the kind's ``clean_body`` before saving. An :class:`ImportProblem` is a question (or a file) that could not be
imported, or a note about one that was, with a Vietnamese message for editors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class ItemDraft:
    kind: str
    title: str
    stem: str
    body: dict
    general_feedback: str = ""
    tags: list[str] = field(default_factory=list)
    line: int = 0
    default_weight: Decimal = Decimal(1)


@dataclass
class ImportProblem:
    line: int
    message: str
