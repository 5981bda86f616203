// Filters in the page: entity and relation types (the legend's boxes), a date ("as of"), the
// neighbours of the selection; and saving the drawing as a PNG picture.
(function () {
  "use strict";
  var eg = window.endorsegraph, network = eg.network;
  var slider = document.getElementById("as-of"), sliderText = document.getElementById("as-of-date");
  var neighboursButton = document.getElementById("neighbours");
  var dates = [], seen = {};
  eg.edgeItems.forEach(function (edge) {
    if (edge.day && !seen[edge.day]) { seen[edge.day] = true; dates.push(edge.day); }
  });
  dates.sort();
  var state = {kinds: {}, relations: {}, asOf: null, around: null};   // kinds and relations switched off

  // Hide what the filters leave out: an edge of a type switched off, dated after "as of", or with an
  // end hidden; an entity of a kind switched off, outside the neighbourhood, or left with no edge.
  function apply() {
    var kept = {}, near = null, filtering = state.asOf !== null || Object.keys(state.relations).length > 0;
    if (state.around !== null) {
      near = {};
      near[state.around] = true;
      network.getConnectedNodes(state.around).forEach(function (id) { near[id] = true; });
    }
    eg.nodeItems.forEach(function (node) { kept[node.id] = !state.kinds[node.kind] && (!near || near[node.id]); });
    var edgeChanges = [], touched = {};
    eg.edgeItems.forEach(function (edge) {
      var shown = !state.relations[edge.relation] && kept[edge.from] && kept[edge.to]
        && (state.asOf === null || (edge.day !== null && edge.day <= state.asOf));
      if (shown) { touched[edge.from] = true; touched[edge.to] = true; }
      edgeChanges.push({id: edge.id, hidden: !shown});
    });
    eg.edges.update(edgeChanges);
    eg.nodes.update(eg.nodeItems.map(function (node) {
      return {id: node.id, hidden: !kept[node.id] || (filtering && !touched[node.id])};
    }));
  }

  document.querySelectorAll("input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) delete state.kinds[box.getAttribute("data-kind")];
      else state.kinds[box.getAttribute("data-kind")] = true;
      apply();
    });
  });
  document.querySelectorAll("input[data-relation]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) delete state.relations[box.getAttribute("data-relation")];
      else state.relations[box.getAttribute("data-relation")] = true;
      apply();
    });
  });

  if (slider) {
    slider.addEventListener("input", function () {
      var last = Number(slider.value) === dates.length - 1;
      state.asOf = last ? null : dates[Number(slider.value)];
      sliderText.textContent = last ? "all dates" : "as of " + state.asOf + " (undated relations hidden)";
      apply();
    });
  }

  function selectedEntity() {
    var selected = network.getSelectedNodes();
    return selected.length === 1 ? selected[0] : null;
  }
  neighboursButton.addEventListener("click", function () {
    state.around = state.around === null ? selectedEntity() : null;   // nothing selected: nothing to do
    neighboursButton.setAttribute("aria-pressed", String(state.around !== null));
    neighboursButton.textContent = state.around === null ? "Only neighbours of selection" : "Show all";
    apply();
  });

  // The canvas as drawn, on white, as a PNG data: address (what "Save PNG" downloads).
  function picture() {
    var drawn = document.querySelector("#network canvas"), copy = document.createElement("canvas");
    copy.width = drawn.width;
    copy.height = drawn.height;
    var context = copy.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, copy.width, copy.height);
    context.drawImage(drawn, 0, 0);
    return copy.toDataURL("image/png");
  }
  document.getElementById("save-png").addEventListener("click", function () {
    var link = document.createElement("a");
    link.href = picture();
    link.download = (document.title || "graph").replace(/[^\w.-]+/g, "-") + ".png";
    link.click();
  });

  eg.picture = picture;
  eg.filter = function (changes) { Object.assign(state, changes); apply(); };
})();
