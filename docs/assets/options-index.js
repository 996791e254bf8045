// The policy-options index (hooks/index.py). Without JavaScript the page lists every option and the
// full CSV link stays. With it: filters in the folding panel, live facet counts, a message at zero
// results, a "download this view" CSV, and the state in the URL (?themes=weapons&q=...), carried onto
// the language switch (both languages use the same facet value ids). The panel is closed at load and
// nothing above the list changes size when this runs, so the page does not jump.
(function () {
  "use strict";

  function fold(text) {
    // Lower case without accents, so "migracion" finds "migración".
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? values[key] : whole;
    });
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function setUp() {
    var form = byId("options-filters");
    var list = byId("options-list");
    var count = byId("options-count");
    if (!form || !list || !count || form.dataset.ready) {
      return;
    }
    form.dataset.ready = "true";
    var items = Array.prototype.slice.call(list.children);
    var search = form.elements.q;
    var sort = form.elements.sort;
    var facets = Array.prototype.filter.call(form.querySelectorAll("select"), function (s) { return s !== sort; });
    var names = facets.map(function (s) { return s.name; });
    var download = byId("options-download");
    var empty = byId("options-empty");
    var active = byId("options-active");
    var languages = Array.prototype.slice.call(document.querySelectorAll("a.md-select__link[hreflang]"));
    var changed = [];  // filter names, the most recently changed last
    var shownItems = items;
    var order = "paper";

    // Each item's facet values, read once.
    var values = items.map(function (item) {
      var v = {};
      names.forEach(function (name) {
        v[name] = (item.dataset[name] || "").split(" ").filter(Boolean);
      });
      return v;
    });
    var texts = null;  // folded text of each item, made at the first search

    function words() {
      return fold(search.value).split(/\s+/).filter(Boolean);
    }

    // Which filters an item fails: "q" and facet names.
    function failures(n, query) {
      var failed = [];
      if (query.length) {
        texts = texts || items.map(function (item) { return fold(item.textContent); });
        if (!query.every(function (w) { return texts[n].indexOf(w) !== -1; })) failed.push("q");
      }
      facets.forEach(function (select) {
        if (select.value && values[n][select.name].indexOf(select.value) === -1) failed.push(select.name);
      });
      return failed;
    }

    function describe(name) {
      if (name === "q") {
        return fill(form.dataset.filterText, {facet: form.dataset.searchLabel, value: search.value.trim()});
      }
      var select = form.elements[name];
      var label = form.querySelector("label[for=" + select.id + "]").textContent;
      return fill(form.dataset.filterText, {facet: label, value: select.selectedOptions[0].dataset.label});
    }

    function activeNames() {
      var on = (search.value.trim() ? ["q"] : []).concat(
        names.filter(function (name) { return form.elements[name].value; }));
      // The most recently changed first.
      return on.sort(function (a, b) { return changed.indexOf(b) - changed.indexOf(a); });
    }

    function query() {
      var params = new URLSearchParams();
      if (search.value.trim()) params.set("q", search.value.trim());
      facets.forEach(function (select) {
        if (select.value) params.set(select.name, select.value);
      });
      if (sort.value !== "paper") params.set("sort", sort.value);
      var text = params.toString();
      return text ? "?" + text : "";
    }

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      search.value = params.get("q") || "";
      facets.concat([sort]).forEach(function (select) {
        var value = params.get(select.name);
        var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
        select.value = value && known ? value : select.options[0].value;
      });
      changed = activeNames();
    }

    function writeUrl() {
      var search = query();
      window.history.replaceState(null, "", window.location.pathname + search + window.location.hash);
      languages.forEach(function (link) {
        link.dataset.base = link.dataset.base || link.getAttribute("href").split("?")[0];
        link.setAttribute("href", link.dataset.base + search);
      });
    }

    function sortKey(item, by) {
      var position = String(1000 + Number(item.dataset.position));
      if (by === "title") return fold(item.dataset.title);
      if (by === "kind") return item.dataset.kind + " " + position;
      return position;
    }

    function reorder() {
      if (sort.value === order) return;
      order = sort.value;
      items.slice().sort(function (a, b) {
        var ka = sortKey(a, order), kb = sortKey(b, order);
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      }).forEach(function (item) { list.appendChild(item); });
    }

    function showEmpty(on, failedAlone, without) {
      if (!on) {
        empty.hidden = true;
        return;
      }
      var data = empty.dataset;
      var text = byId("options-empty-text");
      var actions = byId("options-empty-actions");
      var alone = on.filter(function (name) { return failedAlone[name] === items.length; });
      text.textContent = [data.empty].concat(alone.map(function (name) {
        return fill(data.alone, {filter: describe(name)});
      })).join(" ");
      var key = on.map(function (name) { return describe(name) + without[name]; }).join("|");
      if (!empty.hidden && empty.dataset.key === key) return;
      empty.dataset.key = key;
      actions.textContent = "";
      function action(label, clear) {
        var li = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.textContent = label;
        button.addEventListener("click", function () {
          clear.forEach(function (name) {
            if (name === "q") search.value = "";
            else form.elements[name].value = "";
          });
          update();
          count.focus();
        });
        li.appendChild(button);
        actions.appendChild(li);
      }
      on.forEach(function (name, n) {
        action(fill(n === 0 ? data.last : data.remove, {filter: describe(name), n: without[name]}), [name]);
      });
      if (on.length > 1) action(fill(data.clear, {n: items.length}), on);
      empty.hidden = false;
    }

    function apply() {
      var query = words();
      var counts = {};
      var without = {};  // results if that filter alone were removed
      var failedAlone = {};  // how many items each filter excludes on its own
      names.forEach(function (name) { counts[name] = {}; });
      shownItems = [];
      items.forEach(function (item, n) {
        var failed = failures(n, query);
        item.hidden = failed.length > 0;
        if (!failed.length) shownItems.push(item);
        failed.forEach(function (name) { failedAlone[name] = (failedAlone[name] || 0) + 1; });
        // An option's count: how many results it would give with the other filters as they are.
        names.forEach(function (name) {
          var others = failed.filter(function (f) { return f !== name; });
          if (others.length) return;
          values[n][name].forEach(function (value) {
            counts[name][value] = (counts[name][value] || 0) + 1;
          });
        });
        if (failed.length === 1) without[failed[0]] = (without[failed[0]] || 0) + 1;
      });
      facets.forEach(function (select) {
        Array.prototype.forEach.call(select.options, function (option) {
          if (!option.value) return;
          var n = counts[select.name][option.value] || 0;
          var text = option.dataset.label + " (" + n + ")";
          if (option.textContent !== text) option.textContent = text;
          option.disabled = n === 0 && !option.selected;
        });
      });
      var on = activeNames();
      var shown = shownItems.length;
      var total = items.length;
      on.forEach(function (name) { without[name] = (without[name] || 0) + shown; });
      count.textContent = fill(shown === total ? count.dataset.all : count.dataset.some, {n: shown, total: total});
      // The summary of the open panel says how many results there are, for a phone where they are out of view.
      active.textContent = on.length ? fill(active.dataset.text, {n: on.length}) + " · " + count.textContent : "";
      var filtered = shown !== total || order !== "paper";
      download.textContent = filtered ? fill(download.dataset.view, {n: shown}) : download.dataset.all;
      showEmpty(shown === 0 && on.length ? on : null, failedAlone, without);
    }

    function update() {
      reorder();
      apply();
      writeUrl();
    }

    function noteChange(event) {
      var name = event.target.name;
      if (!name || name === "sort") return;
      changed = changed.filter(function (n) { return n !== name; }).concat([name]);
    }

    // "Download this view": the full CSV's header and the lines of the options shown, in their order.
    var csv = null;
    download.addEventListener("click", function (event) {
      if (shownItems.length === items.length && order === "paper") return;  // the file as published
      event.preventDefault();
      var ids = shownItems.slice().sort(function (a, b) {
        return Array.prototype.indexOf.call(list.children, a) - Array.prototype.indexOf.call(list.children, b);
      }).map(function (item) { return item.id; });
      csv = csv || fetch(download.href).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      });
      csv.then(function (text) {
        var lines = text.replace(/^\ufeff/, "").split("\n");
        var byRecord = {};
        lines.slice(1).forEach(function (line) { byRecord[line.split(",")[0]] = line; });
        var body = ids.map(function (id) { return byRecord[id]; }).filter(Boolean);
        var blob = new Blob(["\ufeff" + [lines[0]].concat(body).join("\n") + "\n"], {type: "text/csv;charset=utf-8"});
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = download.getAttribute("download");
        document.body.appendChild(link);
        link.click();
        link.remove();
        window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
      }, function () {
        csv = null;
        window.location.href = download.href;
      });
    });

    form.addEventListener("input", function (event) { noteChange(event); update(); });
    form.addEventListener("change", function (event) {
      // The search box has had its "input" events; its "change" on blur would redraw the buttons being clicked.
      if (event.target === search) return;
      noteChange(event);
      update();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      changed = [];
      window.setTimeout(update, 0);
    });
    // Material's own handler would send a link with a query to the other language's home page.
    languages.forEach(function (link) {
      link.addEventListener("click", function (event) { event.stopPropagation(); });
    });
    window.addEventListener("popstate", function () { readUrl(); update(); });

    form.hidden = false;
    byId("options-nojs").hidden = true;
    count.tabIndex = -1;
    readUrl();
    if (window.location.search) {
      update();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
