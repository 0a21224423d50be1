import os
import socket

from celery import shared_task
from django.core.mail import EmailMultiAlternatives


@shared_task(name="hocvuso.lms.ping")
def ping() -> dict:
    """Answers with where it ran, so a health check or a test can tell a real worker from in-process."""
    return {"pong": True, "pid": os.getpid(), "host": socket.gethostname()}


@shared_task(name="hocvuso.lms.send_email", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_email(*, subject: str, body: str, to: list[str], html_body: str | None = None) -> None:
    """Send one email off the request path; an SMTP outage is retried with back-off."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
