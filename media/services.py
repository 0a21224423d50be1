import hashlib

from django.db import IntegrityError, transaction

from .h5p.validation import ValidatedPackage, validate_h5p
from .models import H5PPackage

CHUNK = 1024 * 1024


def _sha256(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    while chunk := upload.read(CHUNK):
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def store_h5p_package(
    *, upload, user=None, title: str = "", described: ValidatedPackage | None = None
) -> tuple[H5PPackage, bool]:
    """Validate an uploaded .h5p and keep it once per content: the same file uploaded twice is one package.

    Raises media.h5p.validation.PackageRefused (a ValidationError with a plain message) for a refused file;
    nothing is stored then. Returns (package, created). `described`: the result of validate_h5p when the
    caller (an admin form) already validated this very upload.
    """
    described = described or validate_h5p(upload)
    digest = _sha256(upload)
    existing = H5PPackage.objects.filter(sha256=digest).first()
    if existing is not None:
        return existing, False
    package = H5PPackage(
        sha256=digest,
        title=(title or described.title)[:255],
        main_library=described.main_library,
        h5p_json=described.h5p_json,
        size_bytes=described.total_bytes,
        uploaded_by=user,
    )
    stored_name = f"h5p/{digest}.h5p"
    if package.file.storage.exists(stored_name):  # left by a lost race or a rolled-back transaction: same bytes
        package.file.name = stored_name
    else:
        package.file.save(f"{digest}.h5p", upload, save=False)
    try:
        with transaction.atomic():
            package.save()
    except IntegrityError:  # the same file arrived at the same moment from someone else
        return H5PPackage.objects.get(sha256=digest), False
    return package, True
