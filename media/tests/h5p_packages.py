"""Building .h5p packages in tests: a genuine small one, and hostile variants of it."""

import io
import json
import zipfile

LIBRARY = "H5P.HocVuSoQuiz-1.0"
H5P_JSON = {
    "title": "Kiểm tra nhanh: nhận biết lừa đảo",
    "language": "vi",
    "mainLibrary": "H5P.HocVuSoQuiz",
    "embedTypes": ["iframe"],
    "preloadedDependencies": [{"machineName": "H5P.HocVuSoQuiz", "majorVersion": 1, "minorVersion": 0}],
}
CONTENT_JSON = {"question": "Người lạ gọi điện xin mã OTP. Bạn làm gì?", "answers": ["Đọc mã", "Không đọc mã"]}
LIBRARY_JSON = {
    "title": "Câu hỏi học vụ số",
    "machineName": "H5P.HocVuSoQuiz",
    "majorVersion": 1,
    "minorVersion": 0,
    "patchVersion": 0,
    "runnable": 1,
    "preloadedJs": [{"path": "quiz.js"}],
    "preloadedCss": [{"path": "quiz.css"}],
}


def package(*, extra=(), replace=None, drop=(), compression=zipfile.ZIP_DEFLATED) -> bytes:
    """The genuine package, with files added (name, bytes[, ZipInfo tweaks]), replaced, or dropped."""
    files = {
        "h5p.json": json.dumps(H5P_JSON, ensure_ascii=False).encode(),
        "content/content.json": json.dumps(CONTENT_JSON, ensure_ascii=False).encode(),
        f"{LIBRARY}/library.json": json.dumps(LIBRARY_JSON).encode(),
        f"{LIBRARY}/quiz.js": b"H5P.HocVuSoQuiz = function () {};",
        f"{LIBRARY}/quiz.css": b".h5p-hocvuso-quiz { color: #1a1a1a; }",
        "content/images/otp.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    }
    files.update(replace or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in files.items():
            if name not in drop:
                archive.writestr(name, data)
        for item in extra:
            name, data, *tweak = item
            info = zipfile.ZipInfo(name)
            info.compress_type = compression
            if tweak:
                tweak[0](info)
            archive.writestr(info, data)
    return buffer.getvalue()
