from django.core.management.base import BaseCommand

from lms.demo import DemoContext, demo_steps


class Command(BaseCommand):
    help = "Build the demo ward portal (idempotent: run it again to repair, never to duplicate)."

    def handle(self, *args, **options):
        context = DemoContext(log=self.stdout.write)
        for step in demo_steps():
            self.stdout.write(f"{step.__module__}.{step.__name__}")
            step(context)
        self.stdout.write(self.style.SUCCESS("Demo content is ready. Sign in with:"))
        width = max(len(role) for role, _identifier, _password in context.logins)
        for role, identifier, password in context.logins:
            self.stdout.write(f"  {role:<{width}}  {identifier:<28} {password}")
