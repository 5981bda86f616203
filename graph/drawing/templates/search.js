// The search box: find an entity by its name or any alias (any case), centre it and inspect it.
(function () {
  "use strict";
  var eg = window.endorsegraph;
  var finder = document.getElementById("find"), names = document.getElementById("names");
  var answer = document.getElementById("find-answer");
  var entries = [];                                 // [text as offered, lower case, node id]
  eg.nodeItems.forEach(function (node) {
    [node.info.name].concat(node.info.aliases).forEach(function (text) {
      entries.push([text, text.toLowerCase(), node.id]);
    });
  });
  entries.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
  entries.forEach(function (entry) {
    var option = document.createElement("option");
    option.value = entry[0];
    var name = eg.nodes.get(entry[2]).info.name;
    if (name !== entry[0]) option.label = entry[0] + " → " + name;
    names.appendChild(option);
  });

  // The entity a query names: an exact name or alias, else the only one containing the query.
  function find(query) {
    var wanted = query.trim().toLowerCase(), ids = {};
    if (!wanted) return [];
    entries.forEach(function (entry) { if (entry[1] === wanted) ids[entry[2]] = true; });
    if (!Object.keys(ids).length) {
      entries.forEach(function (entry) { if (entry[1].indexOf(wanted) !== -1) ids[entry[2]] = true; });
    }
    return Object.keys(ids);
  }

  function go() {
    var found = find(finder.value);
    answer.textContent = "";
    if (found.length === 1) {
      eg.inspectNode(found[0]);                        // opens the cluster it may be in
      eg.network.focus(found[0], {scale: Math.max(1, eg.network.getScale()), animation: {duration: 400}});
    } else if (finder.value.trim()) {
      answer.textContent = found.length ? found.length + " entities match; type more of the name"
                                        : "No entity drawn is called that";
    }
  }
  finder.addEventListener("change", go);
  finder.addEventListener("keydown", function (event) { if (event.key === "Enter") go(); });

})();
