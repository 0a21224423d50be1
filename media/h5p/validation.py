"""Validating an uploaded .h5p package without extracting it (see ../shared/UPLOADS.md for the attacks).

Order matters: the central directory is checked first (count, names, methods, declared sizes, ratios, overlaps),
then every entry is streamed in bounded chunks while the bytes actually produced are counted, then the JSON
files are parsed under size and depth limits and checked against the H5P format.
"""

import json
import re
import stat
import struct
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from zlib import error as zlib_error

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
_LOCAL_SIGNATURE = b"PK\x03\x04"
# H5P core's default whitelist, minus Flash; SVG and XML only inside libraries (H5P core since 2024).
CONTENT_EXTENSIONS = frozenset(
    [
        "json",
        "png",
        "jpg",
        "jpeg",
        "gif",
        "bmp",
        "tif",
        "tiff",
        "eot",
        "ttf",
        "woff",
        "woff2",
        "otf",
        "webm",
        "mp4",
        "ogg",
        "mp3",
        "m4a",
        "wav",
        "txt",
        "pdf",
        "rtf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "ppt",
        "pptx",
        "odt",
        "ods",
        "odp",
        "csv",
        "diff",
        "patch",
        "md",
        "textile",
        "vtt",
        "webvtt",
        "gltf",
        "glb",
    ]
)
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | {"js", "css", "svg", "xml"}
_LIBRARY_FOLDER = re.compile(r"^([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+)-(\d+)\.(\d+)$")
_UNSAFE_MODES = {stat.S_IFLNK, stat.S_IFCHR, stat.S_IFBLK, stat.S_IFIFO, stat.S_IFSOCK}


@dataclass(frozen=True)
class PackageLimits:
    max_upload_bytes: int = 100 * 1024 * 1024
    max_total_bytes: int = 300 * 1024 * 1024
    max_entries: int = 3000
    max_ratio: int = 100
    ratio_applies_above_bytes: int = 64 * 1024
    max_name_length: int = 240
    max_json_bytes: int = 2 * 1024 * 1024
    max_json_depth: int = 64


DEFAULT_LIMITS = PackageLimits()


@dataclass(frozen=True)
class LibraryRef:
    machine_name: str
    major: int
    minor: int

    def __str__(self):
        return f"{self.machine_name}-{self.major}.{self.minor}"


@dataclass(frozen=True)
class ValidatedPackage:
    title: str
    main_library: str
    dependencies: tuple[LibraryRef, ...]
    bundled_libraries: tuple[LibraryRef, ...]
    total_bytes: int
    entry_count: int
    h5p_json: dict = field(repr=False)
    content_json: dict = field(repr=False)


class PackageRefused(ValidationError):
    """A package is refused with one plain reason; `code` says which check refused it."""


def _refuse(message, code, **params):
    raise PackageRefused(message, code=code, params=params or None)


def _check_name(name: str, limits: PackageLimits) -> None:
    if len(name) > limits.max_name_length:
        _refuse(_("A file name in the package is too long."), "name_too_long")
    if any(ord(char) < 32 or ord(char) == 127 for char in name) or "\\" in name:
        _refuse(
            _("A file name in the package contains forbidden characters: %(name)s"),
            "name_characters",
            name=name.encode("unicode_escape").decode(),
        )
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        _refuse(_("The package contains an absolute path: %(name)s"), "absolute_path", name=name)
    parts = name.rstrip("/").split("/")
    if any(part in {"", ".", ".."} for part in parts):
        _refuse(_("The package tries to leave its folder: %(name)s"), "path_traversal", name=name)
    if any(part.startswith((".", "_")) for part in parts):
        _refuse(
            _("The package contains a hidden or system file, which H5P does not allow: %(name)s"),
            "hidden_file",
            name=name,
        )


def _check_directory(archive: zipfile.ZipFile, upload, limits: PackageLimits) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        _refuse(_("The package holds more than %(limit)s files."), "too_many_entries", limit=limits.max_entries)
    seen, total = set(), 0
    for info in infos:
        _check_name(info.filename, limits)
        key = unicodedata.normalize("NFC", info.filename).casefold()
        if key in seen:
            _refuse(_("The package contains the same file twice: %(name)s"), "duplicate_name", name=info.filename)
        seen.add(key)
        if (info.external_attr >> 16) and stat.S_IFMT(info.external_attr >> 16) in _UNSAFE_MODES:
            _refuse(_("The package contains a link or a device file: %(name)s"), "special_file", name=info.filename)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            _refuse(
                _("The package uses a compression method H5P does not use: %(name)s"), "compression", name=info.filename
            )
        if info.flag_bits & 0x1:
            _refuse(_("The package is encrypted."), "encrypted")
        total += info.file_size
        if total > limits.max_total_bytes:
            _refuse(
                _("Unpacked, the package would be larger than %(limit)s."),
                "too_large",
                limit=filesizeformat(limits.max_total_bytes),
            )
        if info.file_size > limits.ratio_applies_above_bytes and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            _refuse(
                _("A file in the package is compressed suspiciously well (a zip bomb?): %(name)s"),
                "compression_ratio",
                name=info.filename,
            )
    _check_no_overlap(infos, upload)
    return infos


def _check_no_overlap(infos: list[zipfile.ZipInfo], upload) -> None:
    """Every entry's data must lie after the previous one's: several records pointing at the same bytes turn a
    small file into a huge one."""
    end_of_previous = 0
    for info in sorted(infos, key=lambda item: item.header_offset):
        if info.header_offset < end_of_previous:
            _refuse(_("The package's files overlap each other (a zip bomb?)."), "overlap")
        upload.seek(info.header_offset)
        header = upload.read(_LOCAL_HEADER.size)
        if len(header) != _LOCAL_HEADER.size or header[:4] != _LOCAL_SIGNATURE:
            _refuse(_("The package is damaged."), "damaged")
        name_length, extra_length = _LOCAL_HEADER.unpack(header)[-2:]
        end_of_previous = info.header_offset + _LOCAL_HEADER.size + name_length + extra_length + info.compress_size


def _stream_entries(archive: zipfile.ZipFile, infos, limits: PackageLimits) -> dict[str, bytes]:
    """Read every entry in chunks, counting what inflation really produces; keep only the JSON we parse."""
    wanted = {"h5p.json", "content/content.json"} | {
        info.filename for info in infos if info.filename.endswith("/library.json") and info.filename.count("/") == 1
    }
    kept, produced = {}, 0
    for info in infos:
        if info.is_dir():
            continue
        buffer = bytearray() if info.filename in wanted else None
        read = 0
        try:
            with archive.open(info) as entry:
                while chunk := entry.read(CHUNK):
                    read += len(chunk)
                    produced += len(chunk)
                    if read > info.file_size or produced > limits.max_total_bytes:
                        _refuse(
                            _("A file in the package is larger than it claims: %(name)s"),
                            "size_lie",
                            name=info.filename,
                        )
                    if buffer is not None:
                        if len(buffer) + len(chunk) > limits.max_json_bytes:
                            _refuse(_("%(name)s is too large."), "json_too_large", name=info.filename)
                        buffer.extend(chunk)
        except (zipfile.BadZipFile, zlib_error, EOFError, OSError):
            _refuse(_("The package is damaged: %(name)s"), "damaged", name=info.filename)
        if buffer is not None:
            kept[info.filename] = bytes(buffer)
    return kept


def _depth(value, limit: int, level: int = 0) -> None:
    if level > limit:
        raise ValueError("too deep")
    if isinstance(value, dict):
        for item in value.values():
            _depth(item, limit, level + 1)
    elif isinstance(value, list):
        for item in value:
            _depth(item, limit, level + 1)


def _parse_json(raw: bytes, name: str, limits: PackageLimits) -> dict:
    try:
        value = json.loads(raw.decode("utf-8-sig"))
        _depth(value, limits.max_json_depth)
    except (UnicodeDecodeError, ValueError, RecursionError):
        _refuse(_("%(name)s is not valid JSON."), "json_invalid", name=name)
    if not isinstance(value, dict):
        _refuse(_("%(name)s is not valid JSON."), "json_invalid", name=name)
    return value


def _library_ref(entry, where: str) -> LibraryRef:
    try:
        return LibraryRef(str(entry["machineName"]), int(entry["majorVersion"]), int(entry["minorVersion"]))
    except (KeyError, TypeError, ValueError):
        _refuse(_("A library reference in %(name)s is incomplete."), "dependency_invalid", name=where)


def validate_h5p(
    upload,
    *,
    limits: PackageLimits = DEFAULT_LIMITS,
    is_installed: Callable[[LibraryRef], bool] = lambda ref: False,
) -> ValidatedPackage:
    """Check an uploaded .h5p file (a seekable file object) and describe it, or raise PackageRefused."""
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, 2)
        size = upload.tell()
    if size > limits.max_upload_bytes:
        _refuse(
            _("The package is %(size)s; the limit is %(limit)s."),
            "upload_too_large",
            size=filesizeformat(size),
            limit=filesizeformat(limits.max_upload_bytes),
        )
    upload.seek(0)
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError):
        _refuse(_("This file is not an H5P package (not a zip archive)."), "not_zip")
    with archive:
        infos = _check_directory(archive, upload, limits)
        names = {info.filename for info in infos}
        for required in ("h5p.json", "content/content.json"):
            if required not in names:
                _refuse(_("The package has no %(name)s: it is not an H5P package."), "missing_file", name=required)
        libraries: dict[str, set[str]] = {}
        for info in infos:
            top, _sep, rest = info.filename.partition("/")
            extension = info.filename.rsplit(".", 1)[-1].lower() if "." in info.filename.rsplit("/", 1)[-1] else ""
            if info.is_dir():
                continue
            if not rest:
                if info.filename != "h5p.json":
                    _refuse(
                        _("Only h5p.json may sit at the top of the package: %(name)s"), "stray_file", name=info.filename
                    )
                continue
            if top == "content":
                if extension not in CONTENT_EXTENSIONS:
                    _refuse(
                        _("H5P does not allow this kind of file in content: %(name)s"), "extension", name=info.filename
                    )
            else:
                if not _LIBRARY_FOLDER.match(top):
                    _refuse(_("This folder is not an H5P library: %(name)s"), "library_folder", name=top)
                if extension not in LIBRARY_EXTENSIONS:
                    _refuse(
                        _("H5P does not allow this kind of file in a library: %(name)s"),
                        "extension",
                        name=info.filename,
                    )
                libraries.setdefault(top, set()).add(rest)
        texts = _stream_entries(archive, infos, limits)

    h5p_json = _parse_json(texts["h5p.json"], "h5p.json", limits)
    content_json = _parse_json(texts["content/content.json"], "content/content.json", limits)
    title, main = h5p_json.get("title"), h5p_json.get("mainLibrary")
    if not isinstance(title, str) or not title.strip() or not isinstance(main, str) or not main:
        _refuse(_("h5p.json must name a title and a main library."), "h5p_json_invalid")
    raw_dependencies = h5p_json.get("preloadedDependencies")
    if not isinstance(raw_dependencies, list) or not raw_dependencies:
        _refuse(_("h5p.json lists no libraries."), "h5p_json_invalid")
    dependencies = tuple(_library_ref(entry, "h5p.json") for entry in raw_dependencies)
    if main not in {ref.machine_name for ref in dependencies}:
        _refuse(_("The main library %(name)s is not among the package's libraries."), "main_library", name=main)

    bundled = {}
    for folder, files in libraries.items():
        if "library.json" not in files:
            _refuse(_("The library %(name)s has no library.json."), "library_json_missing", name=folder)
        described = _parse_json(texts[f"{folder}/library.json"], f"{folder}/library.json", limits)
        ref = _library_ref(described, f"{folder}/library.json")
        if str(ref) != folder:
            _refuse(_("The library folder %(name)s does not match its library.json."), "library_mismatch", name=folder)
        for key in ("preloadedJs", "preloadedCss"):
            for item in described.get(key) or []:
                path = item.get("path") if isinstance(item, dict) else None
                if not isinstance(path, str) or path not in files:
                    _refuse(
                        _("The library %(name)s points at a file it does not contain."),
                        "library_file_missing",
                        name=folder,
                    )
        bundled[ref] = [
            _library_ref(entry, f"{folder}/library.json") for entry in described.get("preloadedDependencies") or []
        ]

    needed = list(dependencies) + [dep for deps in bundled.values() for dep in deps]
    for ref in needed:
        if ref not in bundled and not is_installed(ref):
            _refuse(
                _("The package needs the library %(name)s, which it does not contain."),
                "library_missing",
                name=str(ref),
            )
    return ValidatedPackage(
        title=title.strip(),
        main_library=main,
        dependencies=dependencies,
        bundled_libraries=tuple(bundled),
        total_bytes=sum(info.file_size for info in infos),
        entry_count=len(infos),
        h5p_json=h5p_json,
        content_json=content_json,
    )
