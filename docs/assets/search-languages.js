// Search: offers the other language's site when a query finds nothing here.
//
// Each site searches its own language only. When Material's search says it found nothing ("No matching
// documents", "No se encontraron documentos": its own words, from the page's configuration), a link under
// that line leads to the other language's home page with the query (?q=coordinador), where Material's
// search opens with it. The address and the link's words come from the page's configuration too
// (`other_language`, written by hooks/search.py from hooks/labels.yml). Without JavaScript there is no
// search, so nothing is lost.
(function () {
  "use strict";

  var configElement = document.getElementById("__config");
  var results = document.querySelector(".md-search-result");
  var input = document.querySelector("input.md-search__input");
  if (!configElement || !results || !input) return;

  var config;
  try {
    config = JSON.parse(configElement.textContent);
  } catch (error) {
    return;
  }
  var other = config.other_language;
  var nothingFound = config.translations && config.translations["search.result.none"];
  var meta = results.querySelector(".md-search-result__meta");
  if (!other || !nothingFound || !meta) return;

  // Styled as Material's line above the results ("No matching documents"), just below it.
  var offer = document.createElement("div");
  offer.className = "md-search-result__meta md-typeset search-languages";
  var link = document.createElement("a");
  link.hreflang = other.lang;
  offer.appendChild(link);

  function update() {
    var query = input.value.trim();
    var shown = query !== "" && meta.textContent.trim() === nothingFound;
    if (shown) {
      link.href = other.home + "?q=" + encodeURIComponent(query);
      link.textContent = other.label.replace("{query}", query);
    }
    if (shown && !offer.isConnected) meta.insertAdjacentElement("afterend", offer);
    if (!shown && offer.isConnected) offer.remove();
  }

  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
  input.addEventListener("input", update);
  update();
})();
