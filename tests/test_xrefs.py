"""Cross-references, glossary terms, the policy-options index and the downloads."""
import csv
import io
import json

import index
import render
import xrefs
from labels import load_labels
from record_pages import render_record
from validation import load_content
from sitebuild import FIXTURES

GOOD = FIXTURES / "good" / "content"


def test_prose_markers_are_found_with_their_offsets():
    assert xrefs.prose_references("See [[first-best]] and [[spp|the SPP]].") == [("first-best", 4), ("spp", 23)]


def test_prose_markers_become_links_titled_in_the_page_language():
    content = load_content(GOOD)
    es = xrefs.with_links(content.get("es", "two-levels"), content)
    assert es["body"].startswith("Complementa a [Encargar un sistema completo](../strategies/first-best.md)")
    assert "[propuestas heterodoxas](../options/heterodox-marijuana.md)" in es["body"]
    en = xrefs.with_links(content.get("en", "two-levels"), content)
    assert "[Commission a full-fledged system](../strategies/first-best.md)" in en["body"]


def test_every_relation_is_listed_back_on_its_target():
    content = load_content(GOOD)
    found = xrefs.backlinks(content)
    assert ("responds_to", "two-levels") in found["no-lesser-crime"]
    assert ("evidence", "no-lesser-crime") in found["mexican-soldiers"]
    assert ("strategy", "heterodox-marijuana") in found["first-best"]
    assert ("mentions", "two-levels") in found["first-best"]
    assert ("footnote", "mexican-soldiers") in found["fn-12"]


def test_target_page_lists_what_points_at_it_in_its_language():
    content = load_content(GOOD)
    labels = load_labels()
    page = render_record(content.get("es", "no-lesser-crime"), content, labels["es"], render.template_environment())
    assert "## Le responden\n\n- [Trabajar al mismo tiempo en dos niveles](../recommendations/two-levels.md)" in page
    page = render_record(content.get("en", "mexican-soldiers"), content, labels["en"], render.template_environment())
    assert "## Evidence for\n\n- [There is no lesser crime](../arguments/no-lesser-crime.md)" in page


def test_glossary_terms_are_defined_as_abbreviations_per_language_where_the_page_uses_them():
    content = load_content(GOOD)
    english, spanish = xrefs.glossary_terms(content, "en"), xrefs.glossary_terms(content, "es")
    assert xrefs.abbreviations(english, "the SPP met") == "*[SPP]: Security and Prosperity Partnership of North America"
    assert xrefs.abbreviations(spanish, "la ASPAN") == "*[ASPAN]: Alianza para la Seguridad y la Prosperidad de América del Norte"
    assert xrefs.abbreviations(english, "no term here") == ""
    page = render_record(content.get("es", "two-levels"), content, load_labels()["es"], render.template_environment())
    assert page.endswith("\n*[ASPAN]: Alianza para la Seguridad y la Prosperidad de América del Norte\n")


def test_a_page_defines_exactly_the_glossary_terms_markdown_marks_on_it():
    import markdown
    terms = xrefs.Glossary({"WMD": "weapons of mass destruction", "WMD-T": "WMD terrorism",
                            "ICE": "Immigration and Customs Enforcement", "ICESI": "Instituto Ciudadano de Estudios"})
    texts = ["WMD-T and **ICE**'s agents", "the ICESI survey", "WMD, then WMD-T", "services", "xWMD-T, WMD", "ICE_", "_ICE ICE", "[ICE](x.md) (WMD)"]
    everything = "\n".join(f"*[{term}]: {expansion}" for term, expansion in terms.items())
    for text in texts:
        shown = markdown.markdown(f"{text}\n\n{everything}", extensions=["abbr"])
        assert markdown.markdown(f"{text}\n\n{xrefs.abbreviations(terms, text)}", extensions=["abbr"]) == shown, text
    assert terms.used_in("WMD-T and **ICE**'s agents") == {"WMD-T", "ICE"}
    assert terms.used_in("the ICESI survey, services") == {"ICESI"}  # not ICE inside ICESI, nor a word in "services"
    assert terms.used_in("xWMD-T, WMD") == {"WMD"}  # inside a word, then on its own
    assert xrefs.Glossary({}).used_in("WMD") == set()


def test_index_lists_each_option_once_with_its_facets():
    content = load_content(GOOD)
    items = index.index_items(content, "es", load_labels()["es"])
    assert [i["record"].id for i in items] == ["two-levels", "first-best", "heterodox-marijuana"]
    first = items[1]
    assert first["values"] == {"kind": ["strategies"], "section": ["section-7"], "collaboration": ["binational"],
                               "pyramid": ["2"], "themes": ["planning-and-evaluation", "institutions"],
                               "actors": ["spp"]}
    assert first["shown"]["actors"] == [("spp", "ASPAN")]
    assert items[0]["editorial"] == {"collaboration", "themes"}


def test_downloads_hold_every_record_with_citation_and_licence():
    content = load_content(GOOD)
    labels = load_labels()
    for lang in ("en", "es"):
        text = index.records_json(content, lang, labels[lang])
        data = json.loads(text)
        assert data["paper"].startswith("González-Aréchiga, Bernardo")
        # one record per line, so that a reader (and a diff) sees one record at a time
        assert [json.loads(line.strip().rstrip(","))["id"] for line in text.splitlines() if '"id": ' in line] == \
            [row["id"] for rows in data["collections"].values() for row in rows]
        assert data["licence"]
        ids = {row["id"] for rows in data["collections"].values() for row in rows}
        assert ids == set(content.records[lang])
        rows = list(csv.DictReader(io.StringIO(index.collection_csv(content, lang, "figures"))))
        assert [r["id"] for r in rows] == ["mexican-soldiers"]
        assert rows[0]["value"] == "7500" and rows[0]["footnote"] == "fn-12"


def test_hand_written_pages_resolve_record_markers_in_their_language():
    content = load_content(GOOD)
    text = "Read [[two-levels]].\n\n[[list:recommendations]]\n\nKey: [[figure:mexican-soldiers]]\n"
    markdown, problems = xrefs.expand_page(text, "es/index.md", content)
    assert problems == []
    assert "Read [Trabajar al mismo tiempo en dos niveles](recommendations/two-levels.md)." in markdown
    assert "1. [Trabajar al mismo tiempo en dos niveles](recommendations/two-levels.md) — Fortalecer" in markdown
    assert ("**7,500 soldados** (2009; Nota 12: AFP en Terra) — "
            "[Soldados mexicanos asignados a la región fronteriza](figures/mexican-soldiers.md)") in markdown


def test_hand_written_page_with_unknown_markers_names_file_line_and_language():
    content = load_content(GOOD)
    _, problems = xrefs.expand_page("Intro\n\n[[border-czar]] and [[figure:spp]]\n[[list:ideas]]\n",
                                    "en/about.md", content)
    assert problems == [
        "docs/en/about.md:3: [en] [[border-czar]] refers to no record",
        "docs/en/about.md:3: [en] [[figure:spp]]: no such figure",
        "docs/en/about.md:4: [en] [[list:ideas]]: no such collection",
    ]
