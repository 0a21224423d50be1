import io
import json
import stat
import struct
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from media.h5p.validation import PackageLimits, PackageRefused, validate_h5p
from media.tests.h5p_packages import H5P_JSON, LIBRARY, LIBRARY_JSON, package


def check(data: bytes, **kwargs):
    return validate_h5p(SimpleUploadedFile("hoat-dong.h5p", data), **kwargs)


def refused(data: bytes, **kwargs) -> PackageRefused:
    with translation.override("vi"), pytest.raises(PackageRefused) as caught:
        check(data, **kwargs)
    caught.value.vietnamese = caught.value.messages[0]
    return caught.value


def test_a_genuine_package_is_described():
    described = check(package())
    assert described.title == "Kiểm tra nhanh: nhận biết lừa đảo"
    assert described.main_library == "H5P.HocVuSoQuiz"
    assert [str(ref) for ref in described.bundled_libraries] == [LIBRARY]
    assert described.content_json["answers"] == ["Đọc mã", "Không đọc mã"]


def test_a_package_may_rely_on_libraries_the_server_already_has():
    data = package(drop=[f"{LIBRARY}/library.json", f"{LIBRARY}/quiz.js", f"{LIBRARY}/quiz.css"])
    assert refused(data).code == "library_missing"
    assert check(data, is_installed=lambda ref: str(ref) == LIBRARY).main_library == "H5P.HocVuSoQuiz"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("/etc/passwd", "absolute_path"),
        ("C:/Windows/win.ini", "absolute_path"),
        ("content/../../evil.json", "path_traversal"),
        ("content\\evil.json", "name_characters"),
        ("content/bad\x07name.json", "name_characters"),
        ("content/.htaccess", "hidden_file"),
        (f"{LIBRARY}/__MACOSX.js", "hidden_file"),
        ("content/" + "a" * 300 + ".json", "name_too_long"),
        ("content/evil.js", "extension"),
        ("content/drawing.svg", "extension"),
        ("content/old.swf", "extension"),
        ("readme.txt", "stray_file"),
        ("evil/library.json", "library_folder"),
    ],
)
def test_hostile_names_and_kinds_of_file_are_refused(name, code):
    error = refused(package(extra=[(name, b"{}")]))
    assert error.code == code
    assert error.vietnamese  # a plain sentence for the editor


def test_the_refusal_reads_in_vietnamese():
    assert refused(package(extra=[("content/evil.js", b"")])).vietnamese == (
        "H5P không cho phép loại tệp này trong nội dung: content/evil.js"
    )


def test_a_symlink_entry_is_refused():
    def make_symlink(info):
        info.external_attr = (stat.S_IFLNK | 0o777) << 16

    assert refused(package(extra=[("content/link.json", b"/etc/passwd", make_symlink)])).code == "special_file"


def test_a_duplicate_name_cannot_replace_a_checked_file():
    with pytest.warns(UserWarning):
        data = package(extra=[("h5p.json", json.dumps(H5P_JSON).encode())])
    assert refused(data).code == "duplicate_name"
    # differing only in case or Unicode form is the same file on many disks
    assert refused(package(extra=[("CONTENT/content.json", b"{}")])).code == "duplicate_name"


def test_bzip2_is_refused_before_anything_is_inflated():
    assert refused(package(compression=zipfile.ZIP_BZIP2)).code == "compression"


def test_a_zip_bomb_is_refused_from_its_directory():
    assert refused(package(extra=[("content/zeros.txt", b"\0" * (5 * 1024 * 1024))])).code == "compression_ratio"


def test_limits_on_total_size_entries_and_upload():
    assert refused(package(), limits=PackageLimits(max_total_bytes=500)).code == "too_large"
    assert refused(package(), limits=PackageLimits(max_entries=3)).code == "too_many_entries"
    assert refused(package(), limits=PackageLimits(max_upload_bytes=100)).code == "upload_too_large"


def _patch_sizes(data: bytes, name: bytes, declared: int) -> bytes:
    """Make one entry claim `declared` bytes, in its local header and in the central directory."""
    blob = bytearray(data)
    local = blob.find(b"PK\x03\x04")
    while local != -1:
        name_length = struct.unpack_from("<H", blob, local + 26)[0]
        if bytes(blob[local + 30 : local + 30 + name_length]) == name:
            struct.pack_into("<L", blob, local + 22, declared)
            break
        local = blob.find(b"PK\x03\x04", local + 4)
    central = blob.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", blob, central + 28)[0]
        if bytes(blob[central + 46 : central + 46 + name_length]) == name:
            struct.pack_into("<L", blob, central + 24, declared)
        central = blob.find(b"PK\x01\x02", central + 4)
    return bytes(blob)


def test_an_entry_larger_than_it_claims_is_caught_while_streaming():
    text = "Người cao tuổi học dùng điện thoại. ".encode() * 4000  # ~160 KB, compresses about 100:1
    data = _patch_sizes(package(extra=[("content/notes.txt", text)]), b"content/notes.txt", 1000)
    assert refused(data).code in {"size_lie", "damaged"}


def test_overlapping_entries_are_refused():
    data = bytearray(package(extra=[("content/a.txt", b"A" * 100), ("content/b.txt", b"B" * 100)]))
    records = []
    position = data.find(b"PK\x01\x02")
    while position != -1:
        records.append(position)
        position = data.find(b"PK\x01\x02", position + 4)
    offsets = {}
    for record in records:
        name_length = struct.unpack_from("<H", data, record + 28)[0]
        offsets[bytes(data[record + 46 : record + 46 + name_length])] = record
    first_offset = struct.unpack_from("<L", data, offsets[b"content/a.txt"] + 42)[0]
    # b's directory record now points at a's bytes
    struct.pack_into("<L", data, offsets[b"content/b.txt"] + 42, first_offset)
    assert refused(bytes(data)).code == "overlap"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"drop": ["h5p.json"]}, "missing_file"),
        ({"drop": ["content/content.json"]}, "missing_file"),
        ({"replace": {"h5p.json": b"{not json"}}, "json_invalid"),
        ({"replace": {"h5p.json": json.dumps({**H5P_JSON, "mainLibrary": "H5P.Other"}).encode()}}, "main_library"),
        ({"replace": {"h5p.json": json.dumps({**H5P_JSON, "title": ""}).encode()}}, "h5p_json_invalid"),
        ({"replace": {"content/content.json": b"[" * 200 + b"]" * 200}}, "json_invalid"),
        ({"drop": [f"{LIBRARY}/library.json"]}, "library_json_missing"),
        (
            {"replace": {f"{LIBRARY}/library.json": json.dumps({**LIBRARY_JSON, "minorVersion": 3}).encode()}},
            "library_mismatch",
        ),
        ({"drop": [f"{LIBRARY}/quiz.js"]}, "library_file_missing"),
    ],
)
def test_the_h5p_format_is_checked(change, code):
    assert refused(package(**change)).code == code


def test_oversized_json_is_refused_before_parsing():
    big = json.dumps({"text": "x" * 5000}).encode()
    limits = PackageLimits(max_json_bytes=1000)
    assert refused(package(replace={"content/content.json": big}), limits=limits).code == "json_too_large"


def test_not_a_zip_at_all():
    assert refused(b"<html>hello</html>").code == "not_zip"
    assert refused(io.BytesIO(b"").getvalue()).code == "not_zip"
