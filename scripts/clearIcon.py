#!/usr/bin/env python3
"""Renders the 清除标记 button icon (assets/clear-16/32/80.png) from the shapes of assets/clear.svg.

Standard library only (zlib + struct): no image package is needed to rebuild the icons. 4x4 supersampling.
Run: python3 scripts/clearIcon.py
"""
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.path.join(HERE, "..", "assets")


def hexrgb(h):
    return tuple(int(h[i:i + 2], 16) for i in (1, 3, 5))


def in_round_rect(x, y, x0, y0, w, h, r):
    if not (x0 <= x <= x0 + w and y0 <= y <= y0 + h):
        return False
    cx = min(max(x, x0 + r), x0 + w - r)
    cy = min(max(y, y0 + r), y0 + h - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def near_segment(x, y, ax, ay, bx, by, half):
    """Inside a band of half-width `half` around segment AB, with square ends."""
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    t = (x - ax) * ux + (y - ay) * uy
    d = abs(-(x - ax) * uy + (y - ay) * ux)
    return 0 <= t <= length and d <= half


# Shapes in the 80x80 design space, painted in order (same as assets/clear.svg).
def colour_at(x, y):
    c = None
    if in_round_rect(x, y, 4, 4, 72, 72, 10):
        c = "#107C41"
    if 14 <= x <= 66 and 16 <= y <= 64:
        c = "#FFFFFF"
        if abs(y - 32) <= 1.5 or abs(y - 48) <= 1.5 or abs(x - 36) <= 1.5:
            c = "#9FD3B5"
    # The eraser: a blue sleeve and a pink rubber, across the sheet.
    if near_segment(x, y, 20, 60, 36, 44, 9):
        c = "#2F5FB3"
    if near_segment(x, y, 36, 44, 60, 20, 9):
        c = "#F29CAD"
    if near_segment(x, y, 36, 44, 60, 20, 9) and not near_segment(x, y, 36, 44, 60, 20, 6.5):
        c = "#B4415A"
    return c


def render(size):
    ss = 4
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(ss):
                for sx in range(ss):
                    x = (px + (sx + 0.5) / ss) * 80 / size
                    y = (py + (sy + 0.5) / ss) * 80 / size
                    c = colour_at(x, y)
                    if c:
                        r, g, b = hexrgb(c)
                        acc[0] += r
                        acc[1] += g
                        acc[2] += b
                        acc[3] += 255
            n = ss * ss
            a = acc[3] // n
            if a:
                row += bytes([acc[0] * 255 // acc[3], acc[1] * 255 // acc[3], acc[2] * 255 // acc[3], a])
            else:
                row += bytes([0, 0, 0, 0])
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(os.path.join(ASSETS, "clear-%d.png" % size), "wb") as f:
        f.write(png)


if __name__ == "__main__":
    for s in (16, 32, 80):
        render(s)
