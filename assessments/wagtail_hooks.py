# Wagtail discovers hooks in this module only; each part of the admin registers its own.
from .staff import editing, review  # noqa: F401
