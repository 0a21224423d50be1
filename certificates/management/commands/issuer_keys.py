from django.core.management.base import BaseCommand, CommandError

from certificates import keys


class Command(BaseCommand):
    help = (
        "The issuer's signing keys (Ed25519), kept as files in HOCVUSO_ISSUER_KEY_DIR, never in the database. "
        "create: make the first key (does nothing when a current key exists, unless --force); "
        "rotate: make a new key and retire the older ones (they keep verifying what they signed); "
        "list: every key, retired ones too."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["create", "rotate", "list"])
        parser.add_argument("--force", action="store_true", help="create: add a key even if one is current")

    def handle(self, *args, action, force=False, **options):
        directory = keys.key_dir()
        if action == "create":
            try:
                existing = keys.current_key()
            except keys.NoIssuerKey:
                existing = None
            if existing and not force:
                self.stdout.write(f"A current key exists: {existing.kid} (in {directory}); nothing to do.")
                return
            key = keys.create_key()
            self.stdout.write(f"Created {key.kid} in {directory}")
        elif action == "rotate":
            if not keys.public_keys():
                raise CommandError(f"No key in {directory} to rotate: run `issuer_keys create` first.")
            key = keys.rotate()
            self.stdout.write(f"Rotated: {key.kid} signs from now on; older keys are retired (still verify).")
        else:
            listed = keys.public_keys()
            if not listed:
                self.stdout.write(f"No key in {directory}.")
            for key in listed:
                state = f"retired {key.retired_at.isoformat()}" if key.retired else "current"
                self.stdout.write(
                    f"{key.kid}\tcreated {key.created_at.isoformat()}\t{state}\t{key.public_key_multibase}"
                )
