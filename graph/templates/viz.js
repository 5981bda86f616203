// The drawing: vis-network over the page's data, laid out once, then still.
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
    alignWithContainer();
    status.remove();
    document.body.setAttribute("data-layout", "done");
  });

  // Turn the settled layout so that its long axis lies along the container's long side.
  function alignWithContainer() {
    var positions = network.getPositions(), ids = Object.keys(positions);
    if (ids.length < 3) return;
    var mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;
    ids.forEach(function (id) { mx += positions[id].x / ids.length; my += positions[id].y / ids.length; });
    ids.forEach(function (id) {
      var dx = positions[id].x - mx, dy = positions[id].y - my;
      sxx += dx * dx; syy += dy * dy; sxy += dx * dy;
    });
    var wide = container.clientWidth >= container.clientHeight;
    var turn = (wide ? 0 : Math.PI / 2) - 0.5 * Math.atan2(2 * sxy, sxx - syy);
    var cos = Math.cos(turn), sin = Math.sin(turn);
    nodes.update(ids.map(function (id) {      // one update: one redraw
      var dx = positions[id].x - mx, dy = positions[id].y - my;
      return {id: id, x: mx + cos * dx - sin * dy, y: my + sin * dx + cos * dy};
    }));
    network.fit();
  }

  // Full strength for the given nodes and edges (all when nodeIds is null), the rest faded.
  var FADED = 0.15;
  function emphasize(nodeIds, edgeIds) {
    var near = {}, touching = {};
    (nodeIds || []).forEach(function (id) { near[id] = true; });
    (edgeIds || []).forEach(function (id) { touching[id] = true; });
    nodes.update(nodeItems.map(function (node) {
      return {id: node.id, opacity: nodeIds === null || near[node.id] ? 1 : FADED};
    }));
    edges.update(edgeItems.map(function (edge) {
      var shown = nodeIds === null || touching[edge.id];
      return {id: edge.id, color: Object.assign({}, edge.color, {opacity: shown ? 1 : FADED})};
    }));
  }

  // An entity with its neighbours, or a relation with its two ends; null: everything.
  function neighbourhood(nodeId) {
    return emphasize([nodeId].concat(network.getConnectedNodes(nodeId)), network.getConnectedEdges(nodeId));
  }

  window.endorsegraph = {nodes: nodes, edges: edges, network: network, nodeItems: nodeItems,
                         edgeItems: edgeItems, emphasize: emphasize, neighbourhood: neighbourhood};
})();
