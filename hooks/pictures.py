"""Build concern 6: pictures drawn from the records at build time.

Each picture is plain HTML (real text, so it is its own text alternative), styled by
docs/assets/site.css, localized through the records and hooks/labels.yml, and shown on
its collection's page: the pyramid of needs, the agencies table, the key figures; and the argument map
(an SVG drawing and the same map as a list, styled by docs/assets/argument-map.css) on the arguments' page.
"""
from __future__ import annotations

from markdown_text import format_number

PICTURES = {"needs": "pyramid.html.j2", "agencies": "agencies.html.j2", "figures": "key-figures.html.j2",
            "arguments": "argument-map.html.j2"}
MAP_SOURCES = ("strategies", "recommendations")  # what the argument map shows the arguments leading to


def pyramid(content, lang: str) -> dict:
    tiers = {}
    for need in content.collection(lang, "needs"):
        tiers.setdefault(need["tier"], []).append(need)
    return {"tiers": sorted(tiers.items()), "count": len(content.collection(lang, "needs"))}


def agencies(content, lang: str) -> dict:
    rows = content.collection(lang, "agencies")
    return {"countries": [(country, [a for a in rows if a["country"] == country]) for country in ("us", "mx")]}


def key_figures(content, lang: str) -> dict:
    cards = []
    for figure in content.collection(lang, "figures"):
        if figure["crisis_sign"]:
            source = content.get(lang, figure["footnote"]) if figure["footnote"] else None
            cards.append({"figure": figure, "value": format_number(figure["value"], not figure["no_separator"]), "source": source})
    return {"cards": cards}


def wrap(text: str, width: int = 33, lines: int | None = None) -> list[str]:
    """Break a title into lines of about `width` characters (SVG text does not wrap).

    With `lines`, at most that many lines, the last one cut with an ellipsis; without, every word is kept.
    """
    out, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    out.append(current)
    if lines and len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return out


# The argument map's geometry, in SVG user units: the drawing is scaled to its column (about 688 px wide on
# a desktop), so a unit is about a pixel there and the 14-unit text stays at 13 px or more down to a
# 640 px column; below that the page shows the list instead (docs/assets/argument-map.css).
MAP_WIDTH = 688
MAP_BOX = 296           # width of a box in either column
MAP_CHARS = 37          # characters per line of a box (about 7.2 units a character at 14 units)
MAP_LINE = 18           # line height
MAP_PAD = 9             # space above the first line and below the last
MAP_GAP = 8             # space between two boxes
MAP_HEAD = 30           # room for a column's label, or a group's heading inside a column
MAP_SWEEPS = 4          # barycentric sweeps (left to right, then right to left) when ordering the columns


def crossings(left: list[str], right: list[str], edges: list[tuple[str, str]]) -> int:
    """How many pairs of lines cross when the columns are in these orders (lines sharing an end do not)."""
    li, ri = {k: i for i, k in enumerate(left)}, {k: i for i, k in enumerate(right)}
    pos = [(li[a], ri[b]) for a, b in edges]
    return sum(1 for i, (a1, b1) in enumerate(pos) for a2, b2 in pos[i + 1:] if (a1 - a2) * (b1 - b2) < 0)


def _barycentric(groups: list[list[str]], other: list[str], partners: dict) -> list[list[str]]:
    """Each group sorted by the mean position of its members' partners in the other column (ties keep their order)."""
    at = {k: i for i, k in enumerate(other)}

    def weight(item):
        index, key = item
        places = [at[p] for p in partners.get(key, ()) if p in at]
        return (sum(places) / len(places) if places else index, index)
    out = []
    for group in groups:
        start = sum(len(g) for g in out)
        out.append([key for _, key in sorted(enumerate(group, start), key=weight)])
    return out


def order_columns(left: list[list[str]], right: list[list[str]], edges: list[tuple[str, str]],
                  sweeps: int = MAP_SWEEPS) -> tuple[list[list[str]], list[list[str]]]:
    """Reorder the boxes inside each group of each column to cut the crossings of the lines between them.

    A few sweeps of the barycentric heuristic, keeping the best orders seen (the paper's order first, so the
    result never has more crossings than it); deterministic, since ties keep their current order.
    """
    forward, backward = {}, {}
    for a, b in edges:
        forward.setdefault(a, []).append(b)
        backward.setdefault(b, []).append(a)

    def flat(groups):
        return [k for g in groups for k in g]
    best = (crossings(flat(left), flat(right), edges), left, right)
    for _ in range(sweeps):
        right = _barycentric(right, flat(left), backward)
        left = _barycentric(left, flat(right), forward)
        count = crossings(flat(left), flat(right), edges)
        if count < best[0]:
            best = (count, left, right)
    return best[1], best[2]


def _node(record, x: int) -> dict:
    lines = wrap(record["title"], MAP_CHARS)
    return {"record": record, "id": record.id, "kind": record.collection, "x": x, "y": 0, "width": MAP_BOX,
            "height": 2 * MAP_PAD + MAP_LINE * (len(lines) - 1) + 14, "lines": lines,
            "edges": [], "partners": []}


def _column(groups: list[list[dict]], top: int, headed: bool) -> int:
    """Stack a column's boxes from `top`, each group under room for its heading when `headed`; returns the bottom."""
    y = top
    for group in groups:
        y += MAP_HEAD if headed else 0
        for node in group:
            node["y"] = y
            y += node["height"] + MAP_GAP
    return y - MAP_GAP


def _align(groups: list[list[dict]], top: int, bottom: int, headed: bool, want: dict) -> None:
    """Move each box of a column towards the height it wants (its partners' middle), in order, without overlap,
    no lower than `bottom` unless the column needs more room, and the whole column up to `top`."""
    nodes = [n for g in groups for n in g]
    first = {g[0]["id"] for g in groups}
    head = MAP_HEAD if headed else 0
    y = top
    for node in nodes:                      # downwards: as near as wanted, below the one before
        y += head if node["id"] in first else 0
        node["y"] = max(y, round(want.get(node["id"], y + node["height"] / 2) - node["height"] / 2))
        y = node["y"] + node["height"] + MAP_GAP
    limit = max(bottom, y - MAP_GAP)
    for node in reversed(nodes):            # upwards: nothing below the bottom
        node["y"] = min(node["y"], limit - node["height"])
        limit = node["y"] - MAP_GAP - (head if node["id"] in first else 0)
    slack = nodes[0]["y"] - top - head if nodes else 0
    for node in nodes:                      # and no empty space under the column's label
        node["y"] -= slack


def _headings(groups: list[list[dict]]) -> list[dict]:
    """A heading above each group of a column (a kind of record), once its boxes are placed."""
    return [{"y": g[0]["y"] - 12, "x": g[0]["x"], "collection": g[0]["kind"]} for g in groups]


def _edge(a: dict, b: dict, ay: float, by: float) -> str:
    x1, x2 = a["x"] + a["width"], b["x"]
    bend = (x2 - x1) / 2
    return f"M {x1} {ay:g} C {x1 + bend} {ay:g}, {x2 - bend} {by:g}, {x2} {by:g}"


def argument_map(content, lang: str) -> dict:
    """What the paper argues on the left, the strategies and recommendations that answer it on the right.

    The boxes are ordered to cut the crossings of their lines; each box carries its own lines and the outlines
    of its partners, shown when it is hovered or focused (CSS only). `proposals` is the same map as a list,
    in the paper's order, for phones and for reading.
    """
    proposals = [r for name in MAP_SOURCES for r in content.collection(lang, name) if r["responds_to"]]
    cited = {a for p in proposals for a in p["responds_to"]}
    # what they answer: arguments first, then concepts and questions, each in the paper's order
    answered = [g for g in ([r for r in content.collection(lang, name) if r.id in cited]
                            for name in ("arguments", "concepts", "questions")) if g]
    asked = [g for g in ([p for p in proposals if p.collection == name] for name in MAP_SOURCES) if g]
    shown = {r.id for g in answered for r in g}
    edge_ids = [(a, p.id) for p in proposals for a in p["responds_to"] if a in shown]
    left_ids, right_ids = order_columns([[r.id for r in g] for g in answered],
                                        [[r.id for r in g] for g in asked], edge_ids)
    by_id = {r.id: r for g in [*answered, *asked] for r in g}
    left = [[_node(by_id[k], 1) for k in g] for g in left_ids]
    right = [[_node(by_id[k], MAP_WIDTH - 1 - MAP_BOX) for k in g] for g in right_ids]
    nodes = {n["id"]: n for g in [*left, *right] for n in g}
    if not nodes:  # nothing answers anything: no map (the template shows none)
        return {"nodes": [], "proposals": []}

    top = MAP_HEAD + 6                       # under the columns' labels
    left_headed, right_headed = len(left) > 1, len(right) > 1
    left_bottom = _column(left, top, left_headed)
    partners = {}
    for a, b in edge_ids:
        partners.setdefault(a, []).append(b)
        partners.setdefault(b, []).append(a)

    def middle(key):
        return nodes[key]["y"] + nodes[key]["height"] / 2
    want = {k: sum(middle(p) for p in partners[k]) / len(partners[k]) for k in partners if k in nodes}
    _align(right, top, left_bottom, right_headed, want)
    height = max(n["y"] + n["height"] for n in nodes.values()) + 2

    # where each line meets a box: spread along its side, in the order of the boxes at the other end
    ports = {}
    for key, others in partners.items():
        node = nodes[key]
        ranked = sorted(others, key=lambda o: (middle(o), o))
        for i, other in enumerate(ranked):
            ports[key, other] = node["y"] + node["height"] * (i + 1) / (len(ranked) + 1)
    edges = []
    for a, b in edge_ids:
        edge = {"d": _edge(nodes[a], nodes[b], round(ports[a, b], 1), round(ports[b, a], 1)),
                "left": a, "right": b}
        edges.append(edge)
        for one, other in ((a, b), (b, a)):
            nodes[one]["edges"].append(edge)
            nodes[one]["partners"].append(nodes[other])
    return {"nodes": list(nodes.values()), "edges": edges, "height": height, "width": MAP_WIDTH,
            "labels_y": MAP_HEAD - 10, "right_x": MAP_WIDTH - 1 - MAP_BOX,
            "headings": (_headings(left) if left_headed else []) + (_headings(right) if right_headed else []),
            "proposals": [(p, [content.get(lang, a) for a in p["responds_to"]]) for p in proposals]}


DATA = {"needs": pyramid, "agencies": agencies, "figures": key_figures, "arguments": argument_map}


def picture(content, lang: str, name: str, labels: dict, env) -> str:
    """The picture shown on a collection's page, as HTML, or '' for collections without one."""
    if name not in PICTURES:
        return ""
    html = env.get_template(PICTURES[name]).render(labels=labels, words=labels["pictures"],
                                                    **DATA[name](content, lang))
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())  # one raw HTML block
