#!/usr/bin/env python3
"""Generates config/grids.geojson, the fictional demo county's boundaries
(临江市; not any real county's): a jittered lattice of ~3 km cells, each
cell given to a village (the map below), every grid's outline traced from
its cells, each lattice edge bent the same way for both grids it divides
(so neighbours share their edge exactly and the townships tile the county).
城关镇东门村 has a hole: an enclave of 化工园片区 (a MultiPolygon).
Run from the repository root: python3 tools/make_grids_geojson.py"""
import json, random

MAP = """
..ddeiiijj..
.dddeiihhjj.
dddeebihhhjj
fddebbaaahjj
fffebaaaaaj.
ffgebaahaak.
.ggecaaaakkk
.ggecccakkll
.ggmcccnnlll
..mmmnnnn.l.
""".strip("\n").split("\n")
VILLAGE = dict(a="T01-V01", b="T01-V02", c="T01-V03", d="T02-V01", e="T02-V02",
               f="T02-V03", g="T02-V04", h="T03-V01", i="T03-V02", j="T03-V03",
               k="T04-V01", l="T04-V02", m="T04-V03", n="T04-V04")
LON0, LAT0, DX, DY = 119.86, 31.12, 0.032, 0.026
rng = random.Random(12)
NR, NC = len(MAP), len(MAP[0])
V = {}
for i in range(NR + 1):
    for j in range(NC + 1):
        V[(i, j)] = (LON0 + DX * (j + rng.uniform(-0.28, 0.28)),
                     LAT0 - DY * (i + rng.uniform(-0.28, 0.28)))

def bend(a, b):
    """The points inside lattice edge a→b, the same for b→a reversed."""
    key = (min(a, b), max(a, b))
    r = random.Random(key[0][0] * 1000003 + key[0][1] * 1009 + key[1][0] * 31 + key[1][1])
    (x0, y0), (x1, y1) = V[key[0]], V[key[1]]
    nx, ny = -(y1 - y0), x1 - x0
    pts = []
    for t in (0.3, 0.55, 0.8):
        k = r.uniform(-0.11, 0.11)
        pts.append((x0 + (x1 - x0) * t + nx * k, y0 + (y1 - y0) * t + ny * k))
    return pts if key[0] == a else pts[::-1]

def cells(keys):
    return {(r, c) for r in range(NR) for c in range(NC) if MAP[r][c] in keys}

def rings(S):
    out = {}
    for (r, c) in S:
        tl, tr, br, bl = (r, c), (r, c + 1), (r + 1, c + 1), (r + 1, c)
        for (a, b, n) in ((bl, br, (r + 1, c)), (br, tr, (r, c + 1)),
                          (tr, tl, (r - 1, c)), (tl, bl, (r, c - 1))):
            if n not in S:
                assert a not in out, ("vertex touched twice", a)
                out[a] = b
    res = []
    while out:
        start = next(iter(sorted(out)))
        ring, a = [], start
        while True:
            b = out.pop(a)
            ring.append(V[a]); ring.extend(bend(a, b))
            a = b
            if a == start:
                break
        ring = [(round(x, 6), round(y, 6)) for x, y in ring]
        ring.append(ring[0])
        res.append(ring)
    return res

def area(r):
    return sum(r[k][0] * r[k + 1][1] - r[k + 1][0] * r[k][1] for k in range(len(r) - 1)) / 2

def inside(p, ring):
    x, y = p; c = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            c = not c
    return c

def geometry(S):
    rs = rings(S)
    outers = [r for r in rs if area(r) > 0]
    holes = [r for r in rs if area(r) < 0]
    polys = [[o] for o in outers]
    for h in holes:
        for p in polys:
            if inside(h[0], p[0]):
                p.append(h); break
        else:
            raise SystemExit("a hole outside every ring")
    if len(polys) == 1:
        return {"type": "Polygon", "coordinates": polys[0]}
    return {"type": "MultiPolygon", "coordinates": polys}

features = [("C00", "临江市本级", "".join(VILLAGE))]
for t, name in (("T01", "城关镇"), ("T02", "河西街道"), ("T03", "临江经济开发区"), ("T04", "石桥镇")):
    features.append((t, name, "".join(k for k, v in VILLAGE.items() if v.startswith(t))))
names = {}
for line in open("config/grids.toml", encoding="utf-8"):
    if line.startswith("id = "): cur = line.split('"')[1]
    if line.startswith("name = "): names[cur] = line.split('"')[1]
for k, v in VILLAGE.items():
    features.append((v, names[v], k))

def dump(geom):
    def ring(r):
        return "[" + ",".join(f"[{x},{y}]" for x, y in r) + "]"
    if geom["type"] == "Polygon":
        body = "[\n" + ",\n".join("        " + ring(r) for r in geom["coordinates"]) + "\n      ]"
    else:
        body = "[\n" + ",\n".join("        [\n" + ",\n".join("          " + ring(r) for r in p) + "\n        ]"
                                    for p in geom["coordinates"]) + "\n      ]"
    return '{"type": "%s", "coordinates": %s}' % (geom["type"], body)

parts = []
for gid, name, keys in features:
    g = geometry(cells(keys))
    parts.append('    {"type": "Feature", "properties": {"grid": "%s", "name": "%s"},\n     "geometry": %s}'
                 % (gid, name, dump(g)))
text = '{"type": "FeatureCollection",\n "features": [\n' + ",\n".join(parts) + "\n ]\n}\n"
json.loads(text)
open("config/grids.geojson", "w", encoding="utf-8").write(text)
print(len(text), "bytes")
