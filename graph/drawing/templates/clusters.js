// Large graphs start with each hub's leaves (entities related to it alone) gathered in one cluster
// beside it, so the layout works on far fewer nodes; clicking a cluster opens it around its place.
(function () {
  "use strict";
  var eg = window.endorsegraph, network = eg.network;
  var gathered = {{ clusters|tojson }};
  var SPACING = 28;                        // canvas pixels between opened leaves, sunflower-packed

  gathered.forEach(function (cluster) {
    var members = {}, id = "cluster:" + cluster.hub;
    cluster.members.forEach(function (member) { members[member] = true; });
    network.cluster({
      joinCondition: function (node) { return members[node.id] === true; },
      clusterNodeProperties: {id: id, label: cluster.label, title: eg.tooltip(cluster.tooltip), shape: "dot",
                              size: Math.min(40, 10 + 2 * Math.sqrt(cluster.members.length)), borderWidth: 2,
                              color: {background: "#eaeef2", border: "#8c959f"}, font: {size: 15}}
    }, false);                            // refresh once, after the last cluster
  });
  if (gathered.length) network.body.emitter.emit("_dataChanged");

  // Open a cluster, its members laid out in a sunflower on the far side of where it stood from its
  // hub, so that they do not cover the hub; physics stays off.
  function open(clusterId) {
    var hubId = clusterId.slice("cluster:".length), hub = network.getPositions([hubId])[hubId];
    network.openCluster(clusterId, {releaseFunction: function (at, positions) {
      var ids = Object.keys(positions), placed = {}, angle = Math.PI * (3 - Math.sqrt(5));
      var outer = SPACING * Math.sqrt(ids.length + 1), dx = at.x - hub.x, dy = at.y - hub.y;
      var away = Math.hypot(dx, dy) || 1, centre = {x: hub.x + dx / away * (away + outer),
                                                     y: hub.y + dy / away * (away + outer)};
      ids.forEach(function (id, index) {
        var radius = SPACING * Math.sqrt(index + 1);
        placed[id] = {x: centre.x + radius * Math.cos(index * angle), y: centre.y + radius * Math.sin(index * angle)};
      });
      return placed;
    }});
  }

  // Open whatever cluster holds an entity, so that it can be focused and selected.
  function reveal(nodeId) {
    var path = network.findNode(nodeId);
    path.slice(0, -1).forEach(function (id) { if (network.isCluster(id)) open(id); });
  }

  network.on("click", function (event) {
    if (event.nodes.length && network.isCluster(event.nodes[0])) open(event.nodes[0]);
  });

  eg.reveal = reveal;
})();
