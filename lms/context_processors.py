from django.conf import settings

from .models import TextSize

_SIZES = frozenset(TextSize.values)


def portal(request):
    """The portal's identity and the visitor's display choices; no database query."""
    size = request.COOKIES.get("hocvuso_text_size")
    return {
        "portal": settings.HOCVUSO_PORTAL,
        "text_size": size if size in _SIZES else TextSize.NORMAL,
        "text_sizes": TextSize.choices,
    }
