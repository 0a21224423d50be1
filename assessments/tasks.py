from celery import shared_task

from . import services


@shared_task(name="hocvuso.assessments.close_expired_attempts")
def close_expired_attempts() -> int:
    """Close attempts whose time ran out while nobody was on the page (run every minute by celery beat); an
    attempt opened again after its deadline is closed on the spot anyway."""
    return services.close_expired_attempts()


@shared_task(name="hocvuso.assessments.recalibrate_items")
def recalibrate_items() -> int:
    """Nightly: the placement test's item parameters follow the answers collected."""
    from .calibration import recalibrate

    return recalibrate()
