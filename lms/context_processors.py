from django.conf import settings

from .display import text_size_of
from .models import TextSize


def portal(request):
    """The portal's identity and the visitor's display choices; no database query."""
    return {"portal": settings.HOCVUSO_PORTAL, "text_size": text_size_of(request), "text_sizes": TextSize.choices}
