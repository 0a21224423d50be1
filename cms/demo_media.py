"""Pictures and documents for the demo column, drawn and written in code: flat illustrations with a Vietnamese
title (1200x675), phone-screen mock-ups for the guides' steps (540x960), and small one-page PDF files.

Nothing here touches the database except `ensure_image` and `ensure_document`, which look the file up by its
title first, so running the demo again never adds a copy.
"""

import random
import textwrap
import unicodedata
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF")
LANDSCAPE = (1200, 675)
PORTRAIT = (540, 960)

# (background, text, accent, paper, detail): every pair used for text has a contrast of at least 4.5:1
PALETTES = {
    "red": ("#a3161a", "#ffffff", "#ffbf47", "#fff8ee", "#5c0b0e"),
    "blue": ("#0b4f9c", "#ffffff", "#ffbf47", "#f2f7fd", "#082f5c"),
    "green": ("#1d6b34", "#ffffff", "#ffe08a", "#f3fbf5", "#0f3d1d"),
    "teal": ("#0f5f66", "#ffffff", "#ffd166", "#effafa", "#073a3f"),
    "purple": ("#5b2a86", "#ffffff", "#ffbf47", "#f8f3fc", "#341650"),
    "cream": ("#fff4e0", "#1a1a1a", "#a3161a", "#ffffff", "#5c3b00"),
    "sky": ("#e6f0fb", "#102a43", "#0b4f9c", "#ffffff", "#243b53"),
    "slate": ("#243b53", "#ffffff", "#ffbf47", "#f0f4f8", "#102a43"),
}
KICKER = "BÌNH DÂN HỌC VỤ SỐ"
PLACE = "Phường Ba Đình"


# --- fonts and text -------------------------------------------------------------------------------------------


def font(size: int, *, bold: bool = False) -> ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        try:
            return ImageFont.truetype(f"{folder}/{name}", size)
        except OSError:
            continue
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1: a fixed bitmap font
        return ImageFont.load_default()


def wrap(draw: ImageDraw.ImageDraw, text: str, face, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=face) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def _mix(colour: str, other: str, amount: float) -> tuple[int, int, int]:
    """`colour` moved `amount` (0 to 1) of the way towards `other`."""
    first = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    second = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return tuple(round(a + (b - a) * amount) for a, b in zip(first, second, strict=True))


# --- motifs: simple shapes drawn around a centre (cx, cy) with half-size s ---------------------------------------


def _star(cx: float, cy: float, radius: float) -> list[tuple[float, float]]:
    import math

    points = []
    for index in range(10):
        r = radius if index % 2 == 0 else radius * 0.4
        angle = -math.pi / 2 + index * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return points


def _qr_modules(draw, left, top, size, seed: int, dark, light) -> None:
    """A QR-looking square: three finder patterns and a fixed pseudo-random pattern (not a readable code)."""
    count = 21
    cell = size / count
    draw.rectangle((left, top, left + size, top + size), fill=light)
    rng = random.Random(seed)  # noqa: S311 - a drawing, not a secret
    finders = ((0, 0), (count - 7, 0), (0, count - 7))
    for row in range(count):
        for col in range(count):
            if any(fr <= row < fr + 8 and fc <= col < fc + 8 for fr, fc in finders):
                continue
            if rng.random() < 0.48:
                x, y = left + col * cell, top + row * cell
                draw.rectangle((x, y, x + cell, y + cell), fill=dark)
    for fr, fc in finders:
        x, y = left + fc * cell, top + fr * cell
        draw.rectangle((x, y, x + 7 * cell, y + 7 * cell), fill=dark)
        draw.rectangle((x + cell, y + cell, x + 6 * cell, y + 6 * cell), fill=light)
        draw.rectangle((x + 2 * cell, y + 2 * cell, x + 5 * cell, y + 5 * cell), fill=dark)


def _figure(draw, cx, cy, s, fill) -> None:
    draw.ellipse((cx - 0.32 * s, cy - 0.95 * s, cx + 0.32 * s, cy - 0.31 * s), fill=fill)
    draw.rounded_rectangle((cx - 0.55 * s, cy - 0.2 * s, cx + 0.55 * s, cy + 0.95 * s), radius=0.45 * s, fill=fill)


def motif_phone(draw, cx, cy, s, pal) -> None:
    bg, _text, accent, paper, detail = pal
    draw.rounded_rectangle((cx - 0.56 * s, cy - s, cx + 0.56 * s, cy + s), radius=0.14 * s, fill=detail)
    draw.rounded_rectangle((cx - 0.48 * s, cy - 0.86 * s, cx + 0.48 * s, cy + 0.82 * s), radius=0.06 * s, fill=paper)
    draw.rounded_rectangle((cx - 0.12 * s, cy - 0.95 * s, cx + 0.12 * s, cy - 0.91 * s), radius=4, fill=paper)
    colours = (bg, accent, _mix(bg, "#ffffff", 0.45))
    for row in range(3):
        for col in range(3):
            x = cx - 0.36 * s + col * 0.27 * s
            y = cy - 0.7 * s + row * 0.3 * s
            draw.rounded_rectangle((x, y, x + 0.2 * s, y + 0.2 * s), radius=0.05 * s, fill=colours[(row + col) % 3])
    draw.rounded_rectangle((cx - 0.36 * s, cy + 0.25 * s, cx + 0.36 * s, cy + 0.38 * s), radius=8, fill=accent)
    for index in range(3):
        y = cy + 0.48 * s + index * 0.1 * s
        draw.rounded_rectangle(
            (cx - 0.36 * s, y, cx + (0.36 - index * 0.15) * s, y + 0.04 * s),
            radius=4,
            fill=_mix(detail, "#ffffff", 0.7),
        )


def motif_qr(draw, cx, cy, s, pal) -> None:
    _bg, _text, accent, paper, detail = pal
    draw.rounded_rectangle((cx - s, cy - s, cx + s, cy + s), radius=0.12 * s, fill=paper)
    _qr_modules(draw, cx - 0.78 * s, cy - 0.78 * s, 1.56 * s, seed=7, dark=detail, light=paper)
    width = max(6, int(0.06 * s))
    for dx, dy in ((-1, -1), (1, -1), (-1, 1), (1, 1)):
        x, y = cx + dx * 1.12 * s, cy + dy * 1.12 * s
        draw.line((x, y, x - dx * 0.3 * s, y), fill=accent, width=width)
        draw.line((x, y, x, y - dy * 0.3 * s), fill=accent, width=width)


def _shield_points(cx, cy, s):
    return [
        (cx, cy - s),
        (cx + 0.82 * s, cy - 0.7 * s),
        (cx + 0.78 * s, cy + 0.1 * s),
        (cx + 0.45 * s, cy + 0.65 * s),
        (cx, cy + s),
        (cx - 0.45 * s, cy + 0.65 * s),
        (cx - 0.78 * s, cy + 0.1 * s),
        (cx - 0.82 * s, cy - 0.7 * s),
    ]


def motif_shield(draw, cx, cy, s, pal) -> None:
    bg, _text, accent, paper, _detail = pal
    draw.polygon(_shield_points(cx, cy, s), fill=paper)
    draw.polygon(_shield_points(cx, cy + 0.02 * s, 0.78 * s), fill=accent)
    width = max(8, int(0.13 * s))
    draw.line(
        (cx - 0.35 * s, cy, cx - 0.08 * s, cy + 0.28 * s, cx + 0.4 * s, cy - 0.3 * s),
        fill=bg,
        width=width,
        joint="curve",
    )


def motif_warning(draw, cx, cy, s, pal) -> None:
    _bg, _text, accent, paper, detail = pal
    draw.regular_polygon((cx, cy + 0.15 * s, 1.05 * s), 3, fill=paper)
    draw.regular_polygon((cx, cy + 0.2 * s, 0.82 * s), 3, fill=accent)
    draw.rounded_rectangle((cx - 0.07 * s, cy - 0.3 * s, cx + 0.07 * s, cy + 0.35 * s), radius=6, fill=detail)
    draw.ellipse((cx - 0.08 * s, cy + 0.45 * s, cx + 0.08 * s, cy + 0.61 * s), fill=detail)


def motif_calendar(draw, cx, cy, s, pal, label: str = "10/10") -> None:
    _bg, _text, accent, paper, detail = pal
    draw.rounded_rectangle((cx - s, cy - 0.85 * s, cx + s, cy + s), radius=0.12 * s, fill=paper)
    draw.rounded_rectangle((cx - s, cy - 0.85 * s, cx + s, cy - 0.4 * s), radius=0.12 * s, fill=accent)
    draw.rectangle((cx - s, cy - 0.55 * s, cx + s, cy - 0.4 * s), fill=accent)
    for dx in (-0.5, 0.5):
        draw.rounded_rectangle(
            (cx + dx * s - 0.07 * s, cy - s, cx + dx * s + 0.07 * s, cy - 0.65 * s), radius=8, fill=detail
        )
    face = font(int(0.62 * s), bold=True)
    while draw.textlength(label, font=face) > 1.7 * s and face.size > 12:
        face = font(face.size - 4, bold=True)
    draw.text((cx, cy + 0.32 * s), label, font=face, fill=detail, anchor="mm")


def motif_chart(draw, cx, cy, s, pal) -> None:
    bg, _text, accent, paper, detail = pal
    draw.rounded_rectangle((cx - s, cy - s, cx + s, cy + s), radius=0.12 * s, fill=paper)
    base = cy + 0.7 * s
    heights = (0.45, 0.7, 0.95, 1.3)
    for index, height in enumerate(heights):
        left = cx - 0.75 * s + index * 0.4 * s
        draw.rounded_rectangle(
            (left, base - height * s, left + 0.28 * s, base),
            radius=6,
            fill=bg if index % 2 else _mix(bg, "#ffffff", 0.35),
        )
    points = [(cx - 0.61 * s + i * 0.4 * s, base - (h + 0.15) * s) for i, h in enumerate(heights)]
    draw.line(points, fill=accent, width=max(5, int(0.05 * s)), joint="curve")
    for x, y in points:
        draw.ellipse((x - 0.07 * s, y - 0.07 * s, x + 0.07 * s, y + 0.07 * s), fill=accent, outline=detail, width=3)
    draw.line((cx - 0.8 * s, base, cx + 0.8 * s, base), fill=detail, width=4)


def motif_people(draw, cx, cy, s, pal) -> None:
    bg, _text, accent, paper, _detail = pal
    _figure(draw, cx - 0.62 * s, cy + 0.15 * s, 0.62 * s, _mix(bg, "#ffffff", 0.45))
    _figure(draw, cx + 0.62 * s, cy + 0.15 * s, 0.62 * s, accent)
    _figure(draw, cx, cy + 0.05 * s, 0.8 * s, paper)


def motif_person(draw, cx, cy, s, pal) -> None:
    _bg, _text, accent, paper, detail = pal
    _figure(draw, cx - 0.15 * s, cy + 0.05 * s, 0.9 * s, paper)
    draw.rounded_rectangle((cx + 0.15 * s, cy - 0.05 * s, cx + 0.55 * s, cy + 0.65 * s), radius=0.06 * s, fill=detail)
    draw.rounded_rectangle((cx + 0.19 * s, cy + 0.02 * s, cx + 0.51 * s, cy + 0.55 * s), radius=0.03 * s, fill=accent)
    draw.ellipse((cx + 0.55 * s, cy - 0.75 * s, cx + 0.95 * s, cy - 0.35 * s), fill=accent)
    draw.text((cx + 0.75 * s, cy - 0.55 * s), "✓", font=font(int(0.3 * s), bold=True), fill=detail, anchor="mm")


def motif_house(draw, cx, cy, s, pal) -> None:
    bg, _text, accent, paper, detail = pal
    draw.polygon([(cx - 1.0 * s, cy - 0.2 * s), (cx, cy - 0.85 * s), (cx + 1.0 * s, cy - 0.2 * s)], fill=accent)
    draw.rectangle((cx - 0.82 * s, cy - 0.2 * s, cx + 0.82 * s, cy + 0.9 * s), fill=paper)
    draw.rectangle((cx - 0.18 * s, cy + 0.3 * s, cx + 0.18 * s, cy + 0.9 * s), fill=bg)
    for dx in (-0.55, 0.37):
        draw.rectangle((cx + dx * s, cy + 0.0 * s, cx + (dx + 0.18) * s, cy + 0.22 * s), fill=detail)
    draw.line((cx, cy - 0.85 * s, cx, cy - 1.3 * s), fill=paper, width=5)
    draw.rectangle((cx, cy - 1.3 * s, cx + 0.45 * s, cy - 1.02 * s), fill="#da251d")
    draw.polygon(_star(cx + 0.225 * s, cy - 1.16 * s, 0.1 * s), fill="#ffff00")
    draw.rectangle((cx - 1.1 * s, cy + 0.9 * s, cx + 1.1 * s, cy + 0.98 * s), fill=detail)


def motif_megaphone(draw, cx, cy, s, pal) -> None:
    _bg, _text, accent, paper, detail = pal
    draw.polygon(
        [
            (cx - 0.7 * s, cy - 0.2 * s),
            (cx + 0.35 * s, cy - 0.75 * s),
            (cx + 0.35 * s, cy + 0.75 * s),
            (cx - 0.7 * s, cy + 0.2 * s),
        ],
        fill=paper,
    )
    draw.rounded_rectangle((cx - 0.95 * s, cy - 0.25 * s, cx - 0.6 * s, cy + 0.25 * s), radius=8, fill=accent)
    draw.rounded_rectangle((cx - 0.55 * s, cy + 0.15 * s, cx - 0.3 * s, cy + 0.7 * s), radius=8, fill=detail)
    width = max(6, int(0.06 * s))
    for index, radius in enumerate((0.35, 0.6, 0.85)):
        box = (cx + 0.35 * s - radius * s, cy - radius * s, cx + 0.35 * s + radius * s, cy + radius * s)
        draw.arc(box, start=-40, end=40, fill=accent if index != 1 else paper, width=width)


def motif_badge(draw, cx, cy, s, pal) -> None:
    bg, _text, accent, paper, _detail = pal
    draw.polygon(
        [
            (cx - 0.45 * s, cy + 0.3 * s),
            (cx - 0.7 * s, cy + s),
            (cx - 0.45 * s, cy + 0.85 * s),
            (cx - 0.25 * s, cy + 1.0 * s),
            (cx - 0.05 * s, cy + 0.4 * s),
        ],
        fill=_mix(bg, "#ffffff", 0.4),
    )
    draw.polygon(
        [
            (cx + 0.45 * s, cy + 0.3 * s),
            (cx + 0.7 * s, cy + s),
            (cx + 0.45 * s, cy + 0.85 * s),
            (cx + 0.25 * s, cy + 1.0 * s),
            (cx + 0.05 * s, cy + 0.4 * s),
        ],
        fill=_mix(bg, "#ffffff", 0.4),
    )
    draw.ellipse((cx - 0.72 * s, cy - 0.9 * s, cx + 0.72 * s, cy + 0.54 * s), fill=accent)
    draw.ellipse((cx - 0.56 * s, cy - 0.74 * s, cx + 0.56 * s, cy + 0.38 * s), fill=paper)
    draw.polygon(_star(cx, cy - 0.16 * s, 0.42 * s), fill=bg)


def motif_idcard(draw, cx, cy, s, pal) -> None:
    bg, _text, _accent, paper, detail = pal
    draw.rounded_rectangle((cx - 1.05 * s, cy - 0.68 * s, cx + 1.05 * s, cy + 0.68 * s), radius=0.1 * s, fill=paper)
    draw.rounded_rectangle((cx - 1.05 * s, cy - 0.68 * s, cx + 1.05 * s, cy - 0.42 * s), radius=0.1 * s, fill=bg)
    draw.rectangle((cx - 1.05 * s, cy - 0.5 * s, cx + 1.05 * s, cy - 0.42 * s), fill=bg)
    tint = _mix(bg, "#ffffff", 0.55)
    draw.rounded_rectangle((cx - 0.9 * s, cy - 0.28 * s, cx - 0.35 * s, cy + 0.5 * s), radius=8, fill=tint)
    _figure(draw, cx - 0.625 * s, cy + 0.2 * s, 0.28 * s, paper)
    for index, length in enumerate((1.0, 0.8, 0.9, 0.6)):
        y = cy - 0.24 * s + index * 0.2 * s
        draw.rounded_rectangle(
            (cx - 0.2 * s, y, cx + (length - 0.2) * s, y + 0.07 * s), radius=4, fill=_mix(detail, "#ffffff", 0.65)
        )
    draw.rounded_rectangle((cx + 0.55 * s, cy + 0.3 * s, cx + 0.85 * s, cy + 0.52 * s), radius=6, fill="#d4a017")
    draw.ellipse((cx + 0.7 * s, cy - 1.0 * s, cx + 1.2 * s, cy - 0.5 * s), fill="#1d6b34", outline=paper, width=5)
    draw.line(
        (cx + 0.82 * s, cy - 0.75 * s, cx + 0.93 * s, cy - 0.63 * s, cx + 1.08 * s, cy - 0.85 * s),
        fill=paper,
        width=max(5, int(0.05 * s)),
        joint="curve",
    )


def motif_book(draw, cx, cy, s, pal) -> None:
    bg, _text, accent, paper, detail = pal
    draw.polygon(
        [(cx, cy - 0.55 * s), (cx - 1.0 * s, cy - 0.75 * s), (cx - 1.0 * s, cy + 0.6 * s), (cx, cy + 0.8 * s)],
        fill=paper,
    )
    draw.polygon(
        [(cx, cy - 0.55 * s), (cx + 1.0 * s, cy - 0.75 * s), (cx + 1.0 * s, cy + 0.6 * s), (cx, cy + 0.8 * s)],
        fill=_mix(paper, bg, 0.12),
    )
    draw.line((cx, cy - 0.55 * s, cx, cy + 0.8 * s), fill=accent, width=6)
    for index in range(5):
        offset = index * 0.22 * s
        draw.line(
            (cx - 0.85 * s, cy - 0.5 * s + offset, cx - 0.15 * s, cy - 0.38 * s + offset),
            fill=_mix(detail, "#ffffff", 0.6),
            width=4,
        )
        draw.line(
            (cx + 0.15 * s, cy - 0.38 * s + offset, cx + 0.85 * s, cy - 0.5 * s + offset),
            fill=_mix(detail, "#ffffff", 0.6),
            width=4,
        )
    draw.polygon(_star(cx + 0.75 * s, cy - 0.95 * s, 0.25 * s), fill=accent)


def motif_market(draw, cx, cy, s, pal) -> None:
    _bg, _text, accent, paper, detail = pal
    top, stripes = cy - 0.85 * s, 6
    width = 2.0 * s / stripes
    for index in range(stripes):
        left = cx - s + index * width
        colour = accent if index % 2 == 0 else paper
        draw.rectangle((left, top, left + width, top + 0.4 * s), fill=colour)
        draw.pieslice((left, top + 0.4 * s - width / 2, left + width, top + 0.4 * s + width / 2), 0, 180, fill=colour)
    draw.rectangle((cx - 0.92 * s, top + 0.4 * s, cx - 0.85 * s, cy + 0.9 * s), fill=paper)
    draw.rectangle((cx + 0.85 * s, top + 0.4 * s, cx + 0.92 * s, cy + 0.9 * s), fill=paper)
    draw.rounded_rectangle((cx - s, cy + 0.35 * s, cx + s, cy + 0.9 * s), radius=8, fill=paper)
    for index, colour in enumerate(("#2e8b57", "#e4572e", "#f3a712", "#2e8b57")):
        x = cx - 0.75 * s + index * 0.32 * s
        draw.ellipse((x, cy + 0.12 * s, x + 0.3 * s, cy + 0.42 * s), fill=colour)
    draw.rounded_rectangle((cx + 0.35 * s, cy - 0.35 * s, cx + 0.85 * s, cy + 0.2 * s), radius=6, fill=detail)
    _qr_modules(draw, cx + 0.4 * s, cy - 0.3 * s, 0.4 * s, seed=3, dark=detail, light="#ffffff")


MOTIFS = {
    "phone": motif_phone,
    "qr": motif_qr,
    "shield": motif_shield,
    "warning": motif_warning,
    "calendar": motif_calendar,
    "chart": motif_chart,
    "people": motif_people,
    "person": motif_person,
    "house": motif_house,
    "megaphone": motif_megaphone,
    "badge": motif_badge,
    "idcard": motif_idcard,
    "book": motif_book,
    "market": motif_market,
}


def illustration(title: str, motif: str, palette: str, *, label: str = "") -> bytes:
    """A 1200x675 PNG: the column's name, a short title on the left, a simple drawing on the right."""
    pal = PALETTES[palette]
    bg, text, accent, _paper, _detail = pal
    height = LANDSCAPE[1]
    image = Image.new("RGB", LANDSCAPE, bg)
    draw = ImageDraw.Draw(image)
    toward = "#ffffff" if text == "#ffffff" else "#000000"
    draw.ellipse((760, -180, 1380, 440), fill=_mix(bg, toward, 0.1))
    draw.ellipse((640, 420, 1000, 780), fill=_mix(bg, toward, 0.06))
    for index in range(6):
        x = 1120 - index * 34
        draw.ellipse((x, 610, x + 10, 620), fill=_mix(bg, toward, 0.3))

    draw.text((72, 78), KICKER, font=font(26, bold=True), fill=accent if text == "#ffffff" else "#7d0f12")
    draw.rectangle((72, 122, 160, 130), fill=accent)
    size = 60
    while True:
        face = font(size, bold=True)
        lines = wrap(draw, title, face, 560)
        if len(lines) <= 4 or size <= 36:
            break
        size -= 4
    y = 170
    for line in lines:
        draw.text((72, y), line, font=face, fill=text)
        y += int(size * 1.22)
    draw.text((72, height - 84), PLACE, font=font(26), fill=_mix(text, bg, 0.15))

    kwargs = {"label": label} if motif == "calendar" and label else {}
    MOTIFS[motif](draw, 900, 350, 175, pal, **kwargs)
    return _png(image)


# --- phone screens for the guides' steps --------------------------------------------------------------------------


def screen(app: str, widgets: list[tuple], palette: str = "blue") -> bytes:
    """A 540x960 PNG of a phone showing one simplified app screen. `widgets` are drawn top to bottom:
    ("title", text), ("text", text), ("input", label, value), ("button", label), ("qr",), ("scan",),
    ("otp", filled), ("bubble", sender, text), ("call", caller, note), ("success", text), ("warning", text),
    ("search", text), ("app", name, publisher), ("tiles", [labels])."""
    bg, on_bg, accent, _paper, _detail = PALETTES[palette]
    image = Image.new("RGB", PORTRAIT, _mix(bg, "#ffffff", 0.82))
    draw = ImageDraw.Draw(image)
    frame = (34, 28, 506, 932)
    draw.rounded_rectangle(frame, radius=56, fill="#1c2230")
    left, top, right, bottom = 50, 44, 490, 916
    draw.rounded_rectangle((left, top, right, bottom), radius=44, fill="#ffffff")
    draw.text((left + 34, top + 22), "08:30", font=font(20, bold=True), fill="#1a1a1a")
    draw.rounded_rectangle((right - 76, top + 26, right - 36, top + 44), radius=4, outline="#1a1a1a", width=2)
    draw.rectangle((right - 72, top + 30, right - 48, top + 40), fill="#1a1a1a")
    draw.rounded_rectangle((230, top + 18, 310, top + 46), radius=14, fill="#1c2230")
    draw.rectangle((left, top + 62, right, top + 142), fill=bg)
    draw.text(((left + right) / 2, top + 102), app, font=font(30, bold=True), fill=on_bg, anchor="mm")

    x0, x1, y = left + 28, right - 28, top + 170
    grey, ink = "#5f6b7a", "#1a1a1a"
    for kind, *args in widgets:
        if kind == "title":
            for line in wrap(draw, args[0], font(28, bold=True), x1 - x0):
                draw.text((x0, y), line, font=font(28, bold=True), fill=ink)
                y += 38
            y += 14
        elif kind == "text":
            for line in wrap(draw, args[0], font(22), x1 - x0):
                draw.text((x0, y), line, font=font(22), fill=grey)
                y += 31
            y += 16
        elif kind == "input":
            draw.text((x0, y), args[0], font=font(20), fill=grey)
            draw.rounded_rectangle((x0, y + 30, x1, y + 92), radius=12, outline="#9aa5b1", width=2)
            draw.text((x0 + 18, y + 61), args[1], font=font(24), fill=ink, anchor="lm")
            y += 114
        elif kind == "button":
            draw.rounded_rectangle((x0, y, x1, y + 70), radius=35, fill=bg)
            draw.text(((x0 + x1) / 2, y + 35), args[0], font=font(26, bold=True), fill=on_bg, anchor="mm")
            y += 92
        elif kind == "qr":
            side = 220
            _qr_modules(draw, (x0 + x1 - side) / 2, y, side, seed=11, dark="#1a1a1a", light="#ffffff")
            y += side + 24
        elif kind == "scan":
            draw.rounded_rectangle((x0, y, x1, y + 330), radius=18, fill="#2b3340")
            side = 200
            qx, qy = (x0 + x1 - side) / 2, y + 65
            _qr_modules(draw, qx, qy, side, seed=5, dark="#1a1a1a", light="#ffffff")
            for dx, dy in ((0, 0), (1, 0), (0, 1), (1, 1)):
                cx, cy = qx - 22 + dx * (side + 44), qy - 22 + dy * (side + 44)
                sx, sy = (1 if dx == 0 else -1), (1 if dy == 0 else -1)
                draw.line((cx, cy, cx + sx * 46, cy), fill=accent, width=7)
                draw.line((cx, cy, cx, cy + sy * 46), fill=accent, width=7)
            y += 354
        elif kind == "otp":
            filled = args[0]
            gap = (x1 - x0) / 6
            for index in range(6):
                cx = x0 + gap * (index + 0.5)
                box = (cx - 16, y, cx + 16, y + 32)
                if index < filled:
                    draw.ellipse(box, fill=bg)
                else:
                    draw.ellipse(box, outline="#9aa5b1", width=3)
            y += 60
        elif kind == "bubble":
            draw.text((x0, y), args[0], font=font(20, bold=True), fill=grey)
            lines = wrap(draw, args[1], font(22), x1 - x0 - 40)
            box_bottom = y + 34 + len(lines) * 31 + 24
            draw.rounded_rectangle((x0, y + 32, x1, box_bottom), radius=22, fill="#eceff3")
            for index, line in enumerate(lines):
                draw.text((x0 + 20, y + 46 + index * 31), line, font=font(22), fill=ink)
            y = box_bottom + 20
        elif kind == "call":
            cx = (x0 + x1) / 2
            draw.ellipse((cx - 70, y, cx + 70, y + 140), fill=_mix(bg, "#ffffff", 0.6))
            draw.text((cx, y + 70), "?", font=font(70, bold=True), fill="#ffffff", anchor="mm")
            draw.text((cx, y + 180), args[0], font=font(30, bold=True), fill=ink, anchor="mm")
            draw.text((cx, y + 222), args[1], font=font(22), fill=grey, anchor="mm")
            y += 270
            for offset, colour, sign in ((-110, "#c62828", "✕"), (110, "#1d6b34", "✆")):
                draw.ellipse((cx + offset - 46, y, cx + offset + 46, y + 92), fill=colour)
                draw.text((cx + offset, y + 46), sign, font=font(40, bold=True), fill="#ffffff", anchor="mm")
            y += 120
        elif kind == "success":
            cx = (x0 + x1) / 2
            draw.ellipse((cx - 70, y, cx + 70, y + 140), fill="#1d6b34")
            draw.line((cx - 34, y + 72, cx - 8, y + 98, cx + 38, y + 46), fill="#ffffff", width=12, joint="curve")
            y += 164
            for line in wrap(draw, args[0], font(28, bold=True), x1 - x0):
                draw.text((cx, y), line, font=font(28, bold=True), fill=ink, anchor="ma")
                y += 38
            y += 16
        elif kind == "warning":
            lines = wrap(draw, args[0], font(22, bold=True), x1 - x0 - 80)
            box_bottom = y + 28 + len(lines) * 31
            draw.rounded_rectangle((x0, y, x1, box_bottom), radius=14, fill="#fff4cc", outline="#b7791f", width=2)
            draw.text(
                (x0 + 34, y + 14 + len(lines) * 31 / 2), "!", font=font(34, bold=True), fill="#8a5a00", anchor="mm"
            )
            for index, line in enumerate(lines):
                draw.text((x0 + 62, y + 14 + index * 31), line, font=font(22, bold=True), fill="#5c3b00")
            y = box_bottom + 22
        elif kind == "search":
            draw.rounded_rectangle((x0, y, x1, y + 64), radius=32, fill="#eceff3")
            draw.ellipse((x0 + 22, y + 18, x0 + 46, y + 42), outline=grey, width=3)
            draw.line((x0 + 43, y + 39, x0 + 54, y + 50), fill=grey, width=4)
            draw.text((x0 + 70, y + 32), args[0], font=font(24), fill=ink, anchor="lm")
            y += 90
        elif kind == "app":
            draw.rounded_rectangle((x0, y, x0 + 96, y + 96), radius=22, fill="#c62828")
            draw.polygon(_star(x0 + 48, y + 48, 30), fill="#ffd700")
            draw.text((x0 + 116, y + 12), args[0], font=font(28, bold=True), fill=ink)
            for index, line in enumerate(wrap(draw, args[1], font(19), x1 - x0 - 116)[:2]):
                draw.text((x0 + 116, y + 50 + index * 24), line, font=font(19), fill=grey)
            y += 120
        elif kind == "tiles":
            labels = args[0]
            columns, gap = 3, 14
            tile = (x1 - x0 - gap * (columns - 1)) / columns
            for index, label in enumerate(labels):
                row, col = divmod(index, columns)
                tx, ty = x0 + col * (tile + gap), y + row * (tile + gap)
                highlighted = index == 0
                draw.rounded_rectangle((tx, ty, tx + tile, ty + tile), radius=16, fill=bg if highlighted else "#eef2f6")
                colour = on_bg if highlighted else ink
                for line_index, line in enumerate(wrap(draw, label, font(19, bold=True), tile - 16)):
                    draw.text(
                        (tx + tile / 2, ty + tile / 2 - 12 + line_index * 24),
                        line,
                        font=font(19, bold=True),
                        fill=colour,
                        anchor="mm",
                    )
            y += ((len(labels) + columns - 1) // columns) * (tile + gap) + 10
    return _png(image)


def _png(image: Image.Image) -> bytes:
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


# --- documents -------------------------------------------------------------------------------------------------

# typographic quotes, dashes, ellipsis, bullet and multiplication sign, and the letter đ
_ASCII = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
        "\u2022": "-",
        "\u00d7": "x",
        "đ": "d",
        "Đ": "D",
    }
)


def ascii_text(text: str) -> str:
    """Vietnamese without diacritics ("không dấu"), as the PDF's standard fonts carry no Vietnamese letters."""
    decomposed = unicodedata.normalize("NFD", text.translate(_ASCII))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return stripped.encode("ascii", "replace").decode("ascii")


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def simple_pdf(title: str, paragraphs: list[str]) -> bytes:
    """A valid one-page A4 PDF: the title in bold, then the paragraphs, in Helvetica. The document's metadata keep
    the Vietnamese title with its diacritics (UTF-16), the page text is written without them."""
    lines: list[tuple[str, str, int]] = []
    for line in textwrap.wrap(ascii_text(title), 60):
        lines.append(("F2", line, 16))
    lines.append(("F1", "", 11))
    for paragraph in paragraphs:
        for line in textwrap.wrap(ascii_text(paragraph), 92) or [""]:
            lines.append(("F1", line, 11))
        lines.append(("F1", "", 11))
    if len(lines) > 46:
        raise ValueError(f"“{title}” does not fit on one page")

    content, y = [], 786
    for face, line, size in lines:
        if line:
            content.append(f"BT /{face} {size} Tf 56 {y} Td {_pdf_string(line)} Tj ET")
        y -= 22 if size > 11 else 16
    stream = "\n".join(content).encode("ascii")
    title_hex = "FEFF" + title.encode("utf-16-be").hex().upper()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (vi-VN) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> "
        b"/Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        f"<< /Title <{title_hex}> /Producer (hocvuso demo) >>".encode("ascii"),
    ]
    out = BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


# --- storing them ------------------------------------------------------------------------------------------------


def ensure_image(title: str, description: str, filename: str, render) -> tuple[object, bool]:
    """The image with this title, made with `render()` (PNG bytes) only if there is none yet."""
    model = get_image_model()
    image = model.objects.filter(title=title).first()
    if image is not None:
        return image, False
    image = model(title=title, description=description)
    image.file = ImageFile(BytesIO(render()), name=filename)
    image._set_image_file_metadata()
    image.save()
    return image, True


def ensure_document(title: str, filename: str, render) -> tuple[object, bool]:
    model = get_document_model()
    document = model.objects.filter(title=title).first()
    if document is not None:
        return document, False
    document = model(title=title)
    document.file = ContentFile(render(), name=filename)
    document._set_document_file_metadata()
    document.save()
    return document, True
