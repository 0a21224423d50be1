"""Builds the packages lesson_page.py validates for its memory figures: zip bombs that claim about 1 GiB, and a
large genuine package near every accepted limit. Written to a directory the caller chooses (a temporary one),
never committed, and built in bounded memory: the zeros are deflated by zlib in a stream, one MiB at a time.

The zip files are written by hand (local headers, central directory, end record) so a bomb can declare sizes
other than the true ones, the way media/tests/test_h5p_validation.py patches them.
"""

import json
import random
import struct
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
MiB = 1024 * 1024
_LOCAL = struct.Struct("<4s5H3L2H")  # as in media/h5p/validation.py
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")
_DOS_TIME, _DOS_DATE = 0x6000, 0x5C21  # 2026-01-01 12:00
_FILE_MODE = 0o100644 << 16
STORED, DEFLATED = 0, 8


@dataclass
class _Record:
    name: bytes
    method: int
    crc: int
    compressed: int
    declared: int
    offset: int


@dataclass
class ZipBuilder:
    """A zip file written entry by entry; `declared` makes an entry claim a size that is not its own."""

    path: Path
    records: list[_Record] = field(default_factory=list)

    def __post_init__(self):
        self._handle = self.path.open("wb")

    def add(self, name: str, chunks: Iterable[bytes], *, method: int = DEFLATED, declared: int | None = None) -> int:
        """Streams `chunks` into one entry and returns the bytes it really holds once inflated."""
        offset = self._handle.tell()
        encoded = name.encode()
        self._handle.write(_LOCAL.pack(b"PK\x03\x04", 20, 0, method, _DOS_TIME, _DOS_DATE, 0, 0, 0, len(encoded), 0))
        self._handle.write(encoded)
        crc = size = compressed = 0
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15) if method == DEFLATED else None
        for chunk in chunks:
            crc = zlib.crc32(chunk, crc)
            size += len(chunk)
            out = compressor.compress(chunk) if compressor else chunk
            compressed += len(out)
            self._handle.write(out)
        if compressor:
            tail = compressor.flush()
            compressed += len(tail)
            self._handle.write(tail)
        record = _Record(encoded, method, crc, compressed, size if declared is None else declared, offset)
        self._write_local_sizes(record)
        self.records.append(record)
        return size

    def add_record(self, name: str, *, like: str, declared: int | None = None) -> None:
        """A central-directory record only, pointing at the data of the entry `like` (overlapping entries)."""
        original = next(record for record in self.records if record.name == like.encode())
        self.records.append(
            _Record(
                name.encode(),
                original.method,
                original.crc,
                original.compressed,
                original.declared if declared is None else declared,
                original.offset,
            )
        )

    def _write_local_sizes(self, record: _Record) -> None:
        end = self._handle.tell()
        self._handle.seek(record.offset + 14)
        self._handle.write(struct.pack("<3L", record.crc, record.compressed, record.declared))
        self._handle.seek(end)

    def close(self) -> int:
        start = self._handle.tell()
        for record in self.records:
            self._handle.write(
                _CENTRAL.pack(
                    b"PK\x01\x02",
                    (3 << 8) | 20,  # made by Unix, so the mode in external_attr counts
                    20,
                    0,
                    record.method,
                    _DOS_TIME,
                    _DOS_DATE,
                    record.crc,
                    record.compressed,
                    record.declared,
                    len(record.name),
                    0,
                    0,
                    0,
                    0,
                    _FILE_MODE,
                    record.offset,
                )
            )
            self._handle.write(record.name)
        size = self._handle.tell() - start
        count = len(self.records)
        self._handle.write(_END.pack(b"PK\x05\x06", 0, 0, count, count, size, start, 0))
        self._handle.close()
        return self.path.stat().st_size


@dataclass
class BuiltPackage:
    name: str
    description: str
    path: Path
    file_bytes: int
    declared_bytes: int  # what the central directory claims, unpacked
    real_bytes: int  # what inflating every record would really produce
    entries: int


def _genuine_files() -> dict[str, bytes]:
    # the test suite's genuine package: every bomb is otherwise a valid H5P package, so only the bomb decides
    if str(REPO_DIR) not in sys.path:
        sys.path.insert(0, str(REPO_DIR))
    from media.tests.h5p_packages import CONTENT_JSON, H5P_JSON, LIBRARY, LIBRARY_JSON

    return {
        "h5p.json": json.dumps(H5P_JSON, ensure_ascii=False).encode(),
        "content/content.json": json.dumps(CONTENT_JSON, ensure_ascii=False).encode(),
        f"{LIBRARY}/library.json": json.dumps(LIBRARY_JSON).encode(),
        f"{LIBRARY}/quiz.js": b"H5P.HocVuSoQuiz = function () {};",
        f"{LIBRARY}/quiz.css": b".h5p-hocvuso-quiz { color: #1a1a1a; }",
    }


def _zeros(total: int, chunk: int = MiB) -> Iterator[bytes]:
    block = bytes(chunk)
    for start in range(0, total, chunk):
        yield block if total - start >= chunk else bytes(total - start)


def _add_genuine(builder: ZipBuilder, files: dict[str, bytes]) -> int:
    return sum(builder.add(name, [data]) for name, data in files.items())


def _finish(builder: ZipBuilder, name: str, description: str, real: int) -> BuiltPackage:
    declared = sum(record.declared for record in builder.records)
    entries = len(builder.records)
    return BuiltPackage(name, description, builder.path, builder.close(), declared, real, entries)


def zip_bomb(directory: Path, *, entries: int = 4, total: int = 1024 * MiB) -> BuiltPackage:
    """Deflated zeros, declared honestly: the central directory says 1 GiB and it is true."""
    builder = ZipBuilder(directory / "bomb-honest.h5p")
    real = _add_genuine(builder, _genuine_files())
    for number in range(1, entries + 1):
        real += builder.add(f"content/zeros-{number}.txt", _zeros(total // entries))
    return _finish(builder, "bomb, honest sizes", f"{entries} entries of deflated zeros, 1 GiB declared", real)


def lying_zip_bomb(directory: Path, *, entries: int = 4, total: int = 1024 * MiB, claim: int = 60_000) -> BuiltPackage:
    """The same 1 GiB of zeros, but the central directory and local headers claim 60 kB per entry: below the
    size from which the compression ratio is checked, so only the streaming count can catch it."""
    builder = ZipBuilder(directory / "bomb-lying.h5p")
    real = _add_genuine(builder, _genuine_files())
    for number in range(1, entries + 1):
        real += builder.add(f"content/zeros-{number}.txt", _zeros(total // entries), declared=claim)
    description = f"{entries} x {total // entries // MiB} MiB of zeros, each claiming {claim:,} bytes"
    return _finish(builder, "bomb, lying sizes", description, real)


def overlapping_zip_bomb(directory: Path, *, records: int = 16, each: int = 64 * MiB, claim: int = 60_000):
    """One entry of 64 MiB of zeros and many directory records pointing at the same bytes (a 1 GiB "non-recursive"
    bomb): each record claims 60 kB, so only the overlap check can refuse it before inflation."""
    builder = ZipBuilder(directory / "bomb-overlapping.h5p")
    real = _add_genuine(builder, _genuine_files())
    real += builder.add("content/zeros-1.txt", _zeros(each), declared=claim)
    for number in range(2, records + 1):
        builder.add_record(f"content/zeros-{number}.txt", like="content/zeros-1.txt")
        real += each
    return _finish(builder, "bomb, overlapping", f"{records} records over one 64 MiB entry, 1 GiB real", real)


def _csv_block(rng: random.Random, size: int) -> bytes:
    # attendance lists: the kind of compressible table a ward office attaches, about 5:1 deflated
    wards = ["Phường Bến Nghé", "Phường Đa Kao", "Xã Tân Thông Hội", "Phường 7", "Thị trấn Củ Chi"]
    states = ["hoàn thành", "đang học", "chưa bắt đầu"]
    lines, length = [], 0
    while length < size:
        line = (
            f"{rng.randrange(10**8, 10**9)},Học viên {rng.randrange(100000)},{rng.choice(wards)},"
            f"2026-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d},{rng.choice(states)},{rng.randrange(101)}\n"
        ).encode()
        lines.append(line)
        length += len(line)
    return b"".join(lines)[:size]


def _repeat(block: bytes, total: int) -> Iterator[bytes]:
    # deflate sees 32 KiB back: a block of several MiB repeated compresses no better than the block itself
    for start in range(0, total, len(block)):
        yield block[: total - start]


def large_genuine_package(
    directory: Path,
    *,
    videos: int = 6,
    video_bytes: int = 5 * MiB,
    tables: int = 30,
    table_bytes: int = 8 * MiB,
    images: int = 2900,
    image_bytes: int = 6 * 1024,
    content_json_bytes: int = 1800 * 1024,
) -> BuiltPackage:
    """A course activity an editor might really upload, close to each accepted limit (upload 100 MiB, 300 MiB
    unpacked, 3000 files, 2 MiB of content.json): videos (random bytes, stored), attendance tables (deflated
    about 5:1), thousands of small images, and a content.json near its size limit."""
    rng = random.Random(2026)
    builder = ZipBuilder(directory / "large-genuine.h5p")
    files = _genuine_files()
    # content.json near its limit: many questions, so parsing it is part of the measured peak
    questions, length = [], 0
    while length < content_json_bytes:
        code = f"{rng.randrange(10**6):06d}"
        question = {
            "question": f"Câu {len(questions) + 1}: người lạ gọi điện xin mã OTP {code}. Bạn làm gì?",
            "answers": ["Đọc mã", "Không đọc mã, gọi lại tổng đài chính thức", "Hỏi tên người gọi"],
            "correct": 1,
        }
        questions.append(question)
        length += len(json.dumps(question, ensure_ascii=False).encode())
    files["content/content.json"] = json.dumps({"questions": questions}, ensure_ascii=False).encode()
    real = _add_genuine(builder, files)
    for number in range(1, videos + 1):
        real += builder.add(f"content/videos/bai-{number:02d}.mp4", [rng.randbytes(video_bytes)], method=STORED)
    block = _csv_block(rng, 4 * MiB)
    for number in range(1, tables + 1):
        real += builder.add(f"content/data/diem-danh-{number:02d}.csv", _repeat(block, table_bytes))
    for number in range(1, images + 1):
        data = b"\x89PNG\r\n\x1a\n" + rng.randbytes(image_bytes - 8)
        real += builder.add(f"content/images/anh-{number:04d}.png", [data], method=STORED)
    return _finish(builder, "large genuine", "near every limit: upload, unpacked size, files, JSON", real)


def build_all(directory: Path) -> list[BuiltPackage]:
    return [
        zip_bomb(directory),
        lying_zip_bomb(directory),
        overlapping_zip_bomb(directory),
        large_genuine_package(directory),
    ]
