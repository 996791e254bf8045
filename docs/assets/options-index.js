// Filters for the policy-options index. Without JavaScript the page lists every option;
// with it, the hidden filter form appears and its state lives in the URL (?themes=weapons&q=...).
(function () {
  "use strict";

  function fold(text) {
    // Lower case without accents, so "migracion" finds "migración".
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setUp() {
    var form = document.getElementById("options-filters");
    var list = document.getElementById("options-list");
    var count = document.getElementById("options-count");
    if (!form || !list || !count || form.dataset.ready) {
      return;
    }
    form.dataset.ready = "true";
    var items = Array.prototype.slice.call(list.children);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var search = form.querySelector("input[name=q]");
    items.forEach(function (item) {
      item.dataset.search = fold(item.textContent);
    });

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      search.value = params.get("q") || "";
      selects.forEach(function (select) {
        var value = params.get(select.name);
        var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
        select.value = value && known ? value : select.options[0].value;
      });
    }

    function writeUrl() {
      var params = new URLSearchParams();
      if (search.value.trim()) params.set("q", search.value.trim());
      selects.forEach(function (select) {
        if (select.value && !(select.name === "sort" && select.value === "paper")) {
          params.set(select.name, select.value);
        }
      });
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      window.history.replaceState(null, "", url);
    }

    function matches(item) {
      var words = fold(search.value).split(/\s+/).filter(Boolean);
      if (!words.every(function (w) { return item.dataset.search.indexOf(w) !== -1; })) return false;
      return selects.every(function (select) {
        if (select.name === "sort" || !select.value) return true;
        return (item.dataset[select.name] || "").split(" ").indexOf(select.value) !== -1;
      });
    }

    function sortKey(item, by) {
      if (by === "title") return fold(item.dataset.title);
      if (by === "kind") return item.dataset.kind + " " + String(1000 + Number(item.dataset.position));
      return String(1000 + Number(item.dataset.position));
    }

    function apply() {
      var by = form.querySelector("select[name=sort]").value;
      var shown = 0;
      items.slice().sort(function (a, b) {
        var ka = sortKey(a, by), kb = sortKey(b, by);
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      }).forEach(function (item) {
        var visible = matches(item);
        item.hidden = !visible;
        if (visible) shown += 1;
        list.appendChild(item);
      });
      var total = items.length;
      var template = shown === total ? count.dataset.all : count.dataset.some;
      count.textContent = template.replace("{n}", shown).replace("{total}", total);
    }

    form.addEventListener("input", function () { apply(); writeUrl(); });
    form.addEventListener("change", function () { apply(); writeUrl(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(); writeUrl(); }, 0);
    });
    window.addEventListener("popstate", function () { readUrl(); apply(); });
    form.hidden = false;
    readUrl();
    apply();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
