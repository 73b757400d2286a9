"""Draws the toolbar icons (a speech bubble holding a code) at every size, as PNG, without libraries."""
import struct, zlib, math, os

def png(path, size, pixels):
    raw = b''.join(b'\x00' + bytes(sum((pixels[y][x] for x in range(size)), ())) for y in range(size))
    def chunk(t, d):
        c = struct.pack('>I', len(d)) + t + d
        return c + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0))
    data += chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
    open(path, 'wb').write(data)

def inside_round_rect(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r); cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def shade(size):
    s = 4  # supersampling
    bg = (26, 127, 55); fg = (255, 255, 255)
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            cov_bg = cov_fg = 0
            for sy in range(s):
                for sx in range(s):
                    x = (px + (sx + .5) / s) / size; y = (py + (sy + .5) / s) / size
                    if inside_round_rect(x, y, .04, .04, .96, .96, .22):
                        cov_bg += 1
                        bubble = inside_round_rect(x, y, .17, .22, .83, .68, .12) or (
                            .28 <= x <= .44 and .66 <= y <= .84 and (y - .66) <= (.44 - x) * 1.1)
                        dots = any((x - cx) ** 2 + (y - .45) ** 2 <= .055 ** 2 for cx in (.33, .5, .67))
                        if bubble and not dots: cov_fg += 1
            a = cov_bg / (s * s); f = cov_fg / max(cov_bg, 1)
            c = tuple(round(bg[i] * (1 - f) + fg[i] * f) for i in range(3))
            row.append(c + (round(a * 255),))
        rows.append(row)
    return rows

out = os.path.join(os.path.dirname(__file__), '..', 'public', 'icon')
for size in (16, 32, 48, 96, 128):
    png(os.path.join(out, f'{size}.png'), size, shade(size))
