(function () {
  "use strict";
  var nodeItems = {{ nodes|tojson }};
  var edgeItems = {{ edges|tojson }};
  var options = {{ options|tojson }};

  // Untrusted text becomes DOM text nodes, never markup.
  function tooltip(rows) {
    var box = document.createElement("div");
    rows.forEach(function (row) {
      var line = document.createElement("div");
      line.className = "tip-" + row[0];
      line.textContent = row[1];
      box.appendChild(line);
    });
    return box;
  }
  nodeItems.concat(edgeItems).forEach(function (item) {
    item.title = tooltip(item.tooltip);
    delete item.tooltip;
  });

  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var container = document.getElementById("network");
  var status = document.getElementById("status");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);

  network.on("stabilizationProgress", function (progress) {
    status.textContent = "Laying out… " + Math.round(100 * progress.iterations / progress.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: {enabled: false}});
    status.remove();
    document.body.setAttribute("data-layout", "done");
  });

  // Clicking an entity fades everything not directly connected to it.
  var FADED = 0.15;
  function fade(selected) {
    var near = {}, touching = {};
    if (selected !== null) {
      near[selected] = true;
      network.getConnectedNodes(selected).forEach(function (id) { near[id] = true; });
      network.getConnectedEdges(selected).forEach(function (id) { touching[id] = true; });
    }
    nodes.update(nodeItems.map(function (node) {
      return {id: node.id, opacity: selected === null || near[node.id] ? 1 : FADED};
    }));
    edges.update(edgeItems.map(function (edge) {
      var shown = selected === null || touching[edge.id];
      return {id: edge.id, color: Object.assign({}, edge.color, {opacity: shown ? 1 : FADED})};
    }));
  }
  network.on("click", function (event) {
    fade(event.nodes.length ? event.nodes[0] : null);
  });

  window.endorsegraph = {nodes: nodes, edges: edges, network: network};
})();
