"""Question interchange: GIFT and Moodle XML files ⇄ item drafts (see var/spec6.md, "Interchange drafts").

Pure Python, no models: the caller turns :class:`ItemDraft` objects into items (running each kind's
``clean_body``) and shows the :class:`ImportProblem` messages to the editor.
"""

from .drafts import ImportProblem, ItemDraft
from .gift import parse_gift
from .moodle_xml import export_moodle_xml, parse_moodle_xml

__all__ = ["ImportProblem", "ItemDraft", "export_moodle_xml", "parse_gift", "parse_moodle_xml"]
