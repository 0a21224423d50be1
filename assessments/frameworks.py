"""Loading competence frameworks from JSON files of the shared shape (../shared/frameworks/README.md).

Frameworks are data: a new or amended circular is a new file plus `manage.py load_framework <file>`. Loading the
same file twice changes nothing; a corrected file of the same version updates names and flags in place (every
score keeps pointing at the same component); a new version is a new framework beside the old one, so old results
stay interpretable.
"""

import datetime
import hashlib
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from .models import Component, ComponentMapping, Domain, Framework, Level

# The frameworks shipped with the app (copies of ../shared/frameworks/, with their sources and caveats).
BUNDLED_DIR = Path(__file__).resolve().parent / "framework_data"


@dataclass(frozen=True)
class LoadResult:
    framework: Framework
    created: bool
    changed: bool
    domains: int
    components: int
    levels: int


def _nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    return value


def _date(value) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ValidationError(message)


def read_framework_file(path: str | Path) -> dict:
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise ValidationError(_("Cannot read %(path)s: %(error)s") % {"path": path, "error": error}) from error
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError(_("%(path)s is not UTF-8 JSON: %(error)s") % {"path": path, "error": error}) from error


def validate_framework_data(data: dict) -> None:
    """Refuse a file that does not have the shared shape, saying where."""
    _require(isinstance(data, dict), _("The file must hold one JSON object."))
    _require(bool(str(data.get("code") or "").strip()), _("The framework has no code."))
    _require(bool(str(data.get("title_vi") or "").strip()), _("The framework has no Vietnamese title."))
    levels = data.get("levels") or []
    _require(isinstance(levels, list), _("'levels' must be a list."))
    numbers = [level.get("number") for level in levels]
    _require(all(isinstance(n, int) and n > 0 for n in numbers), _("Every level needs a positive whole number."))
    _require(len(set(numbers)) == len(numbers), _("Two levels have the same number."))
    domains = data.get("domains") or []
    _require(isinstance(domains, list), _("'domains' must be a list."))
    seen: set[str] = set()
    for index, domain in enumerate(domains, start=1):
        _require(
            bool(str(domain.get("code") or "").strip()) and bool(domain.get("name_vi")),
            _("Domain %(n)s needs a code and a Vietnamese name.") % {"n": index},
        )
        for component in domain.get("components") or []:
            code = str(component.get("code") or "").strip()
            _require(
                bool(code) and bool(component.get("name_vi")),
                _("A component of domain %(d)s needs a code and a Vietnamese name.") % {"d": domain["code"]},
            )
            _require(code not in seen, _("Component %(code)s appears twice.") % {"code": code})
            seen.add(code)


def framework_version(data: dict) -> str:
    source = data.get("source") or {}
    return str(data.get("version") or source.get("date") or data.get("schema_version") or "1")


@transaction.atomic
def load_framework(data: dict) -> LoadResult:
    """Create or update one framework version from parsed JSON of the shared shape."""
    data = _nfc(data)
    validate_framework_data(data)
    checksum = hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    source = data.get("source") or {}
    code, version = str(data["code"]).strip(), framework_version(data)
    framework, created = Framework.objects.select_for_update().get_or_create(
        code=code,
        version=version,
        defaults={"title_vi": data["title_vi"], "checksum": "", "source": {}},
    )
    if not created and framework.checksum == checksum:
        return LoadResult(framework, False, False, framework.domains.count(), framework.components.count(), 0)

    framework.title_vi = data["title_vi"]
    framework.title_en = data.get("title_en") or ""
    framework.document = (source.get("document") or "")[:500]
    framework.issuer = (source.get("issuer") or "")[:255]
    framework.issued_on = _date(source.get("date"))
    framework.effective_on = _date(source.get("effective_date"))
    framework.official_text_checked = bool(data.get("official_pdf_checked", False))
    framework.source = data
    framework.checksum = checksum
    framework.save()

    for level in data.get("levels") or []:
        Level.objects.update_or_create(
            framework=framework,
            number=level["number"],
            defaults={
                "code": level.get("code") or "",
                "label_vi": level.get("label_vi") or str(level["number"]),
                "tier_vi": level.get("tier_vi") or "",
                "description_vi": level.get("description_vi") or "",
                "confirmed": bool(level.get("confirmed")),
            },
        )
    order = 0
    for domain_order, domain_data in enumerate(data.get("domains") or []):
        domain, _created = Domain.objects.update_or_create(
            framework=framework,
            code=str(domain_data["code"]),
            defaults={
                "name_vi": domain_data["name_vi"],
                "name_en": domain_data.get("name_en") or "",
                "order": domain_order,
                "confirmed": bool(domain_data.get("confirmed")),
            },
        )
        for component_data in domain_data.get("components") or []:
            order += 1
            Component.objects.update_or_create(
                framework=framework,
                code=str(component_data["code"]),
                defaults={
                    "domain": domain,
                    "name_vi": component_data["name_vi"],
                    "name_en": component_data.get("name_en") or "",
                    "description_vi": component_data.get("description_vi") or "",
                    "order": order,
                    "confirmed": bool(component_data.get("confirmed")),
                    "evidence": component_data.get("evidence") or "",
                },
            )
    return LoadResult(
        framework,
        created,
        True,
        framework.domains.count(),
        framework.components.count(),
        framework.levels.count(),
    )


def current_framework(code: str) -> Framework | None:
    """The newest loaded version of a framework."""
    return Framework.objects.filter(code=code).order_by("-issued_on", "-loaded_at").first()


def map_components(source: Component, target: Component, *, relation: str = "equivalent", note: str = ""):
    """Record that two frameworks' components correspond (both directions are read by `corresponding`)."""
    mapping, _created = ComponentMapping.objects.update_or_create(
        source=source, target=target, defaults={"relation": relation, "note": note}
    )
    return mapping


def corresponding(component: Component) -> list[Component]:
    """Components of other frameworks recorded as equivalent to this one, either direction."""
    equivalent = ComponentMapping.Relation.EQUIVALENT
    return list(
        Component.objects.filter(
            Q(mappings_in__source=component, mappings_in__relation=equivalent)
            | Q(mappings_out__target=component, mappings_out__relation=equivalent)
        )
        .distinct()
        .order_by("framework__code", "order")
    )
