"""Pure rules of study evidence: merging watched video segments and bounding what a heartbeat may add.

Kept free of Django so they can be reasoned about (and property-tested) on their own.
"""

# the player offers at most double speed; at normal speed that also absorbs the jitter between the browser's
# timers and the server's clock. No fixed allowance per heartbeat: it would add up over many quick heartbeats.
MAX_PLAYBACK_RATE = 2.0
WATCHED_SHARE = 0.9  # a video counts as watched when 90 % of it was really played
MAX_VIDEO_SECONDS = 6 * 3600
MAX_SEGMENTS_PER_HEARTBEAT = 50

Segment = tuple[float, float]


def merge_segments(segments) -> list[list[float]]:
    """Sorted, non-overlapping intervals covering the same time as `segments`."""
    merged: list[list[float]] = []
    for start, end in sorted((float(a), float(b)) for a, b in segments if float(b) > float(a)):
        if merged and start <= merged[-1][1] + 0.5:  # half a second of jitter between timeupdate events
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def covered_seconds(segments) -> float:
    return sum(end - start for start, end in merge_segments(segments))


def clean_segments(raw, *, duration: float) -> list[Segment]:
    """The well-formed segments of a heartbeat, clipped to the video: anything else is dropped, not trusted."""
    cleaned: list[Segment] = []
    if not isinstance(raw, list):
        return cleaned
    for item in raw[:MAX_SEGMENTS_PER_HEARTBEAT]:
        if not (isinstance(item, list | tuple) and len(item) == 2):
            continue
        try:
            start, end = float(item[0]), float(item[1])
        except (TypeError, ValueError):
            continue
        if start != start or end != end:  # NaN
            continue
        start, end = max(0.0, start), min(duration, end)
        if end > start:
            cleaned.append((start, end))
    return cleaned


def plausible_playback(known, added, *, wall_seconds: float) -> bool:
    """A heartbeat cannot add more newly watched video than could play in the real time since the last one:
    seeking ahead or a script posting "watched everything" adds nothing. Segments already known add nothing
    either, so a heartbeat re-sent after a lost answer is harmless."""
    newly_covered = covered_seconds([*known, *added]) - covered_seconds(known)
    return newly_covered <= wall_seconds * MAX_PLAYBACK_RATE


def reading_credit(*, reported_total: float, already_counted: float, wall_seconds: float) -> float:
    """Seconds of study time to add for one heartbeat: what the page says it was in view since the last counted
    heartbeat of the same page view, never more than the real time that passed on the server's clock. What is not
    credited now stays claimed and is credited by a later heartbeat once real time allows. Time spent offline
    counts once the page reconnects (the real time passed too), so a slow connection loses nothing."""
    claimed = max(0.0, reported_total - already_counted)
    return max(0.0, min(claimed, wall_seconds))


def is_watched(entry: dict | None) -> bool:
    """`entry`: {"duration": seconds, "segments": merged intervals}, as kept in LessonProgress.video_watched."""
    if not entry or not entry.get("duration"):
        return False
    return covered_seconds(entry["segments"]) >= WATCHED_SHARE * entry["duration"]
