"""The visible text of every page passes hunspell against the reviewed project word lists.

A new unknown word fails: fix its spelling, or, if it is a proper name or term used correctly,
add it to tests/spelling/en.txt or es.txt (one word a line) in the same pull request.
"""
from sitecheck import html_pages, page_language
from spelling.checker import misspelled, visible_words


def test_every_page_is_spelled_correctly(built):
    site, _, _ = built
    words = {"en": set(), "es": set()}
    where = {}
    for page in html_pages(site):
        if page.relative_to(site).parts[0] in ("assets", "search"):
            continue
        for lang, found in visible_words(page.read_text(encoding="utf-8"), page_language(site, page)).items():
            words.setdefault(lang, set()).update(found)
            for word in found:
                where.setdefault((lang, word), str(page.relative_to(site)))
    unknown = sorted((lang, word, where.get((lang, word), "?"))
                     for lang in ("en", "es") for word in misspelled(words[lang], lang))
    assert unknown == [], "\n".join(f"[{lang}] {word}  (e.g. {page})" for lang, word, page in unknown)


def test_checker_flags_a_misspelling_and_reads_lang_attributes():
    words = visible_words('<p>The coordinaton of <i lang="es">migración</i> policy</p><script>varx</script>', "en")
    assert words == {"en": {"The", "coordinaton", "of", "policy"}, "es": {"migración"}}
    assert misspelled(words["en"], "en") == {"coordinaton"}
    assert misspelled({"migración", "coordinacion"}, "es") == {"coordinacion"}
