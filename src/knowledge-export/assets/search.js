/* global window, document, MiniSearch */
/*
 * Client-side search of the exported knowledge (MiniSearch, bundled next to this file).
 * German-friendly: umlauts are folded (ä = ae) and every long word is also indexed by its
 * endings, so with prefix search a part of a compound is found wherever it sits:
 * "vergabe" finds "Vergaberecht" and "Unterschwellenvergabe".
 */
(function () {
  "use strict";
  var MIN_PART = 4;

  function fold(text) {
    return text
      .toLowerCase()
      .replace(/ä/g, "ae")
      .replace(/ö/g, "oe")
      .replace(/ü/g, "ue")
      .replace(/ß/g, "ss")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
  }

  function words(text) {
    return fold(text)
      .split(/[^a-z0-9]+/)
      .filter(function (w) {
        return w.length > 0;
      });
  }

  function withEndings(text) {
    var terms = [];
    words(text).forEach(function (w) {
      terms.push(w);
      for (var i = 3; i + MIN_PART <= w.length; i++) terms.push(w.slice(i));
    });
    return terms;
  }

  var docs = window.COPBOT_KNOWLEDGE || [];
  var index = new MiniSearch({
    fields: ["title", "text", "topics"],
    storeFields: ["title", "href", "topics", "date"],
    tokenize: withEndings,
    processTerm: function (term) {
      return term;
    },
    searchOptions: {
      tokenize: words,
      processTerm: function (term) {
        return term;
      },
      prefix: true,
      combineWith: "AND",
      boost: { title: 2, topics: 2 },
    },
  });
  index.addAll(docs);

  var input = document.getElementById("search");
  var list = document.getElementById("results");
  var none = document.getElementById("no-hits");

  function render() {
    var query = input.value.trim();
    list.textContent = "";
    none.hidden = true;
    if (query === "") return;
    var hits = index.search(query);
    none.hidden = hits.length > 0;
    hits.slice(0, 50).forEach(function (hit) {
      var item = document.createElement("li");
      var a = document.createElement("a");
      a.href = hit.href;
      a.textContent = hit.title;
      item.appendChild(a);
      if (hit.topics) {
        var small = document.createElement("small");
        small.textContent = " · " + hit.topics + " · " + hit.date;
        item.appendChild(small);
      }
      list.appendChild(item);
    });
  }

  input.addEventListener("input", render);
  render();
})();
