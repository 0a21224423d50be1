from django.core.management.base import BaseCommand

from assessments.calibration import recalibrate
from assessments.irt import MIN_RESPONSES


class Command(BaseCommand):
    help = "Re-calibrate the questions' IRT parameters (for the placement test) from the answers collected."

    def add_arguments(self, parser):
        parser.add_argument("--model", choices=["auto", "rasch", "2pl"], default="auto")
        parser.add_argument("--min-responses", type=int, default=MIN_RESPONSES)

    def handle(self, *args, model="auto", min_responses=MIN_RESPONSES, **options):
        changed = recalibrate(model=model, min_responses=min_responses)
        self.stdout.write(f"{changed} questions re-calibrated ({model}, at least {min_responses} answers each)")
