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
    spreadLabels();
    fitToWindow();
    status.remove();
    document.body.setAttribute("data-layout", "done");
    window.addEventListener("resize", function () {
      clearTimeout(fitToWindow.pending);
      fitToWindow.pending = setTimeout(fitToWindow, 150);
    });
  });

  // Each node's box in canvas coordinates, shape and label together, as last drawn at its position.
  var context = network.canvas.getContext();
  function boxes() {
    var drawn = network.body.nodes;
    return network.body.nodeIndices.map(function (id) {        // what is drawn: entities and clusters
      drawn[id].updateBoundingBox(context);
      var box = drawn[id].shape.boundingBox;
      return {id: id, x: drawn[id].x, y: drawn[id].y, left: box.left - drawn[id].x, right: box.right - drawn[id].x,
              top: box.top - drawn[id].y, bottom: box.bottom - drawn[id].y};
    });
  }

  // Push apart any two nodes whose boxes (label included) overlap, along the axis that needs the
  // smaller move, until none do; larger graphs keep the layout and rely on zooming.
  var SPREAD_UP_TO = 400, GAP = 6, ROUNDS = 300;
  function spreadLabels() {
    if (nodes.length > SPREAD_UP_TO) return;
    var all = boxes();
    for (var round = 0; round < ROUNDS; round++) {
      var moved = false;
      for (var i = 0; i < all.length; i++) {
        for (var j = i + 1; j < all.length; j++) {
          moved = separate(all[i], all[j]) || moved;
        }
      }
      if (!moved) break;
    }
    place(all.map(function (box) { return {id: box.id, x: box.x, y: box.y}; }));
  }

  function separate(a, b) {
    var dx = Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x + a.left, b.x + b.left) + GAP;
    var dy = Math.min(a.y + a.bottom, b.y + b.bottom) - Math.max(a.y + a.top, b.y + b.top) + GAP;
    if (dx <= 0 || dy <= 0) return false;
    if (dx < dy) {
      var east = a.x + (a.left + a.right) / 2 <= b.x + (b.left + b.right) / 2 ? 1 : -1;
      a.x -= east * dx / 2; b.x += east * dx / 2;
    } else {
      var south = a.y + (a.top + a.bottom) / 2 <= b.y + (b.top + b.bottom) / 2 ? 1 : -1;
      a.y -= south * dy / 2; b.y += south * dy / 2;
    }
    return true;
  }

  // Fit the whole drawing, labels included, inside the container with a margin.
  var MARGIN = 0.92, MOST_ZOOM = 1.6;
  function fitToWindow() {
    boxes();
    network.fit({animation: false, maxZoomLevel: MOST_ZOOM});
    network.moveTo({scale: network.getScale() * MARGIN, animation: false});
    labelHubs();
  }

  // In a large drawing most labels are too small to draw until one zooms in; the biggest entities'
  // labels, and the clusters', are made large enough to read at the fitted zoom.
  var HUB_LABELS = 25, READABLE_PX = 13;
  var hubs = nodeItems.slice().sort(function (a, b) { return b.size - a.size; }).slice(0, HUB_LABELS);
  function labelHubs() {
    if (nodes.length <= SPREAD_UP_TO) return;
    var size = READABLE_PX / network.getScale();
    hubs.forEach(function (hub) {
      var grow = Math.max(1, size / hub.font.size);
      hub.font = Object.assign({}, hub.font, {size: hub.font.size * grow});
      hub.widthConstraint = {maximum: hub.widthConstraint.maximum * grow};
    });
    nodes.update(hubs.map(function (hub) {
      return {id: hub.id, font: hub.font, widthConstraint: hub.widthConstraint};
    }));
    network.body.nodeIndices.forEach(function (id) {
      if (network.isCluster(id)) network.body.nodes[id].setOptions({font: {size: size}});
    });
  }

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
    place(ids.map(function (id) {
      var dx = positions[id].x - mx, dy = positions[id].y - my;
      return {id: id, x: mx + cos * dx - sin * dy, y: my + sin * dx + cos * dy};
    }));
  }

  // Move drawn nodes: entities in one DataSet update (one redraw), clusters (not in it) one by one.
  function place(moves) {
    nodes.update(moves.filter(function (move) { return !network.isCluster(move.id); }));
    moves.forEach(function (move) { if (network.isCluster(move.id)) network.moveNode(move.id, move.x, move.y); });
  }

  // Full strength for the given nodes and edges (all when nodeIds is null), the rest faded, labels too.
  var FADED = 0.15, font = options.nodes.font;
  var fadedFont = {color: translucent(font.color, FADED), strokeColor: translucent(font.strokeColor, FADED)};
  var fullFont = {color: font.color, strokeColor: font.strokeColor};
  function translucent(hex, alpha) {
    var value = parseInt(hex.slice(1), 16);
    return "rgba(" + (value >> 16) + "," + ((value >> 8) & 255) + "," + (value & 255) + "," + alpha + ")";
  }
  function emphasize(nodeIds, edgeIds) {
    var near = {}, touching = {};
    (nodeIds || []).forEach(function (id) { near[id] = true; });
    (edgeIds || []).forEach(function (id) { touching[id] = true; });
    nodes.update(nodeItems.map(function (node) {
      var shown = nodeIds === null || near[node.id];
      return {id: node.id, opacity: shown ? 1 : FADED,
              font: Object.assign({}, node.font, shown ? fullFont : fadedFont)};
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

  // Edge labels show only on the edges under the pointer (or around the entity under it) and the selected ones.
  var hovered = [], labelled = {}, wordsOf = {};
  edgeItems.forEach(function (edge) { wordsOf[edge.id] = edge.words; });
  function labelEdges() {
    var wanted = {}, changes = [];
    network.getSelectedEdges().concat(hovered).forEach(function (id) { if (id in wordsOf) wanted[id] = true; });
    Object.keys(labelled).forEach(function (id) {
      if (!wanted[id]) { changes.push({id: id, label: ""}); delete labelled[id]; }
    });
    Object.keys(wanted).forEach(function (id) {
      if (!labelled[id]) { changes.push({id: id, label: wordsOf[id]}); labelled[id] = true; }
    });
    if (changes.length) edges.update(changes);
  }
  network.on("hoverEdge", function (event) { hovered = [event.edge]; labelEdges(); });
  network.on("hoverNode", function (event) {
    hovered = network.isCluster(event.node) ? [] : network.getConnectedEdges(event.node);
    labelEdges();
  });
  network.on("blurEdge", function () { hovered = []; labelEdges(); });
  network.on("blurNode", function () { hovered = []; labelEdges(); });
  network.on("select", labelEdges);

  window.endorsegraph = {nodes: nodes, edges: edges, network: network, nodeItems: nodeItems,
                         edgeItems: edgeItems, emphasize: emphasize, neighbourhood: neighbourhood,
                         labelEdges: labelEdges, tooltip: tooltip};
})();
