"""Validates one .h5p file and reports the memory and time it cost. Started by lesson_page.py, once per package
and in a fresh process each time, so one package's peak cannot hide in another's; not run by hand.

    validation_memory.py PACKAGE [--tracemalloc]

The answer is one JSON object on stdout. Peak RSS is the kernel's high-water mark, reset (through
/proc/self/clear_refs) once Django is set up, so it is the peak of the validation alone on top of the baseline.
tracemalloc, when asked for, costs memory and time itself: lesson_page.py runs it in a second process.
"""

import gc
import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import django

ADDRESS_SPACE_ABOVE_BASELINE = 2 * 1024**3  # a broken check fails with MemoryError instead of taking the machine


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"{field} is not in /proc/self/status")


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # Linux >= 4.0: VmHWM (ru_maxrss) back to the current RSS
    except OSError:
        return False
    return _status_kib("VmHWM") <= _status_kib("VmRSS") + 64


def main() -> None:
    package = Path(sys.argv[1])
    with_tracemalloc = "--tracemalloc" in sys.argv[2:]
    django.setup()

    from django.core.files import File
    from django.utils import translation

    from media.h5p.validation import PackageRefused, validate_h5p

    gc.collect()
    setup_peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    address_space = _status_kib("VmSize") * 1024 + ADDRESS_SPACE_ABOVE_BASELINE
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    peak_was_reset = _reset_peak()
    # the high-water mark just reset is the RSS of this moment: the peak can only be at or above it
    baseline_kib = _status_kib("VmHWM" if peak_was_reset else "VmRSS")
    if with_tracemalloc:
        tracemalloc.start()

    verdict = {"accepted": False, "code": None, "message_en": None, "message_vi": None, "error": None}
    started = time.perf_counter()
    try:
        with package.open("rb") as handle:
            described = validate_h5p(File(handle, name=package.name))
        verdict.update(accepted=True, title=described.title, entries=described.entry_count)
    except PackageRefused as refusal:
        verdict["code"] = refusal.code
        for language in ("en", "vi"):
            with translation.override(language):
                verdict[f"message_{language}"] = refusal.messages[0]
    except MemoryError:
        verdict["error"] = "MemoryError"
    seconds = time.perf_counter() - started

    traced_peak = tracemalloc.get_traced_memory()[1] if with_tracemalloc else None
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    json.dump(
        {
            **verdict,
            "seconds": seconds,
            "setup_peak_rss_bytes": setup_peak_kib * 1024,
            "baseline_rss_bytes": baseline_kib * 1024,
            "peak_rss_bytes": peak_kib * 1024,
            "peak_was_reset": peak_was_reset,
            "tracemalloc_peak_bytes": traced_peak,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
