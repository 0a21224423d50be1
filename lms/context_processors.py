from django.conf import settings

from .display import text_size_of
from .models import TextSize
from .navigation import account_links


def portal(request):
    """The portal's identity, the visitor's display choices and the account menu's links; no database query."""
    return {
        "portal": settings.HOCVUSO_PORTAL,
        "text_size": text_size_of(request),
        "text_sizes": TextSize.choices,
        "account_links": account_links(),
    }
