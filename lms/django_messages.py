"""Messages of Django itself that its Vietnamese catalogue lacks in this version. Declaring them here puts them
in our catalogue (locale/ comes first in LOCALE_PATHS), so a learner never meets an English sentence. This module
is only read by makemessages; nothing imports it."""

from django.utils.translation import ngettext_lazy

MESSAGES = [
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
]
