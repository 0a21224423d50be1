"""Staff screens of the certificates in the Wagtail admin (registered by certificates/wagtail_hooks.py)."""
