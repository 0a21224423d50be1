from django.core.management.base import BaseCommand

from lms.translations import compile_catalogues


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po into .mo files (pure Python; GNU gettext is not needed)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Compile even when the .mo looks current.")

    def handle(self, *args, force=False, **options):
        for path in compile_catalogues(force=force):
            self.stdout.write(f"compiled {path}")
