"""Build concern 6: pictures drawn from the records at build time.

Each picture is plain HTML (real text, so it is its own text alternative), styled by
docs/assets/site.css, localized through the records and hooks/labels.yml, and shown on
its collection's page: the pyramid of needs, the agencies table, the key figures.
"""
from __future__ import annotations

from render import format_number

PICTURES = {"needs": "pyramid.html.j2", "agencies": "agencies.html.j2", "figures": "key-figures.html.j2"}


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


DATA = {"needs": pyramid, "agencies": agencies, "figures": key_figures}


def picture(content, lang: str, name: str, labels: dict, env) -> str:
    """The picture shown on a collection's page, as HTML, or '' for collections without one."""
    if name not in PICTURES:
        return ""
    html = env.get_template(PICTURES[name]).render(labels=labels, words=labels["pictures"],
                                                    **DATA[name](content, lang))
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())  # one raw HTML block
