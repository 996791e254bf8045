"""Build concern 6: pictures drawn from the records at build time.

Each picture is plain HTML (real text, so it is its own text alternative), styled by
docs/assets/site.css, localized through the records and hooks/labels.yml, and shown on
its collection's page: the pyramid of needs, the agencies table, the key figures.
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


def wrap(text: str, width: int = 33, lines: int = 3) -> list[str]:
    """Break a title into at most `lines` lines of about `width` characters (SVG text does not wrap)."""
    out, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    out.append(current)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return out


def argument_map(content, lang: str) -> dict:
    """Arguments on the left, the strategies and recommendations that answer them on the right."""
    proposals = [r for name in MAP_SOURCES for r in content.collection(lang, name) if r["responds_to"]]
    cited = {a for p in proposals for a in p["responds_to"]}
    # what they answer: arguments first, then concepts and questions, each in the paper's order
    answered = [r for name in ("arguments", "concepts", "questions")
                for r in content.collection(lang, name) if r.id in cited]
    left, right = _column(answered, x=5), _column(proposals, x=405)
    edges = [(left[a], right[p.id]) for p in proposals for a in p["responds_to"] if a in left]
    height = max([n["y"] + n["height"] for n in [*left.values(), *right.values()]] or [0]) + 10
    return {"nodes": [*left.values(), *right.values()], "edges": edges, "height": height,
            "proposals": [(p, [content.get(lang, a) for a in p["responds_to"]]) for p in proposals]}


def _column(records: list, x: int) -> dict:
    nodes, y = {}, 10
    for record in records:
        lines = wrap(record["title"])
        height = 12 + 16 * len(lines)
        nodes[record.id] = {"record": record, "x": x, "y": y, "width": 290, "height": height, "lines": lines}
        y += height + 10
    return nodes


DATA = {"needs": pyramid, "agencies": agencies, "figures": key_figures, "arguments": argument_map}


def picture(content, lang: str, name: str, labels: dict, env) -> str:
    """The picture shown on a collection's page, as HTML, or '' for collections without one."""
    if name not in PICTURES:
        return ""
    html = env.get_template(PICTURES[name]).render(labels=labels, words=labels["pictures"],
                                                    **DATA[name](content, lang))
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())  # one raw HTML block
