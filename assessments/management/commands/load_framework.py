from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from assessments.frameworks import BUNDLED_DIR, load_framework, read_framework_file


class Command(BaseCommand):
    help = (
        "Load competence frameworks from JSON files of the shared shape (code, source, levels, "
        "domains[].components[]). Without a path, loads the files bundled in assessments/framework_data/."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="JSON files to load")

    def handle(self, *args, paths=(), **options):
        files = [Path(p) for p in paths] or sorted(BUNDLED_DIR.glob("*.json"))
        for path in files:
            try:
                result = load_framework(read_framework_file(path))
            except ValidationError as error:
                raise CommandError(f"{path}: {' '.join(error.messages)}") from error
            state = "created" if result.created else ("updated" if result.changed else "unchanged")
            self.stdout.write(
                f"{result.framework.code} {result.framework.version}: {state} "
                f"({result.domains} domains, {result.components} components, {result.levels} levels)"
            )
