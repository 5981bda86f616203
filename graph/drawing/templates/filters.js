// Filters in the page: entity and relation types (the legend's boxes), a date ("as of"), the
// neighbours of the selection; and saving the drawing as a PNG or SVG picture.
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
  function download(address, suffix) {
    var link = document.createElement("a");
    link.href = address;
    link.download = (document.title || "graph").replace(/[^\w.-]+/g, "-") + suffix;
    link.click();
  }
  document.getElementById("save-png").addEventListener("click", function () { download(picture(), ".png"); });
  document.getElementById("save-svg").addEventListener("click", function () {
    download("data:image/svg+xml;charset=utf-8," + encodeURIComponent(drawing()), ".svg");
  });

  // What is drawn, as SVG in canvas coordinates: edges as lines, entities as circles or squares in
  // their colours, labels as text (the serializer escapes it). Shapes are simplified.
  var SVG = "http://www.w3.org/2000/svg";
  function drawing() {
    var body = network.body, svg = document.createElementNS(SVG, "svg"), left = Infinity, top = Infinity,
        right = -Infinity, bottom = -Infinity;
    function add(tag, attributes, text) {
      var made = document.createElementNS(SVG, tag);
      Object.keys(attributes).forEach(function (name) { made.setAttribute(name, attributes[name]); });
      if (text) made.textContent = text;
      svg.appendChild(made);
    }
    body.edgeIndices.forEach(function (id) {
      var edge = body.edges[id];
      if (edge.options.hidden || !edge.from || !edge.to) return;
      add("line", {x1: edge.from.x, y1: edge.from.y, x2: edge.to.x, y2: edge.to.y, stroke: edge.options.color.color,
                   "stroke-width": edge.options.width, "stroke-dasharray": edge.options.dashes ? "8 6" : "none"});
    });
    body.nodeIndices.forEach(function (id) {
      var node = body.nodes[id], size = node.options.size, color = node.options.color;
      if (node.options.hidden) return;
      left = Math.min(left, node.x - 150); right = Math.max(right, node.x + 150);
      top = Math.min(top, node.y - size); bottom = Math.max(bottom, node.y + size + 40);
      var paint = {fill: color.background, stroke: color.border, "stroke-width": node.options.borderWidth};
      if (node.options.shape === "square") {
        add("rect", Object.assign({x: node.x - size, y: node.y - size, width: 2 * size, height: 2 * size}, paint));
      } else {
        add("circle", Object.assign({cx: node.x, cy: node.y, r: size}, paint));
      }
      add("text", {x: node.x, y: node.y + size + node.options.font.size, "text-anchor": "middle",
                   "font-family": "sans-serif", "font-size": node.options.font.size, fill: "#1f2328"},
          String(node.options.label || ""));
    });
    svg.setAttribute("viewBox", [left, top, right - left, bottom - top].join(" "));
    return new XMLSerializer().serializeToString(svg);
  }

  eg.drawing = drawing;
})();
