from celery import shared_task
from django.core.management import call_command


@shared_task(name="hocvuso.cms.publish_scheduled")
def publish_scheduled() -> None:
    """Publish the pages whose scheduled time has come, unpublish the expired ones (Celery beat, every minute)."""
    call_command("publish_scheduled", verbosity=0)
