// The inspector: clicking an entity or a relation opens a side panel with its evidence.
// Every piece of untrusted text goes in as textContent; a link only ever points to http(s).
(function () {
  "use strict";
  var eg = window.endorsegraph, network = eg.network;
  var panel = document.getElementById("inspector"), body = document.getElementById("inspector-body");
  var nodeById = {}, edgeById = {}, edgesOf = {};      // from the data: a cluster hides no relation here
  eg.nodeItems.forEach(function (node) { nodeById[node.id] = node; edgesOf[node.id] = []; });
  eg.edgeItems.forEach(function (edge) {
    edgeById[edge.id] = edge;
    edgesOf[edge.from].push(edge.id);
    if (edge.to !== edge.from) edgesOf[edge.to].push(edge.id);
  });

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  }

  function jump(label, onClick) {
    var button = element("button", "jump", label);
    button.type = "button";
    button.addEventListener("click", onClick);
    return button;
  }

  function open(kind, id) {
    body.textContent = "";
    panel.setAttribute("data-kind", kind);
    panel.setAttribute("data-id", id);
    panel.hidden = false;
  }

  function inspectNode(id) {
    var info = nodeById[id].info;
    eg.reveal(id);
    open("entity", id);
    eg.neighbourhood(id);
    network.selectNodes([id]);
    eg.labelEdges();
    body.appendChild(element("h2", "panel-title", info.name));
    body.appendChild(element("p", "panel-facts", info.facts));
    if (info.aliases.length) body.appendChild(element("p", "panel-aliases", "Also called: " + info.aliases.join(", ")));
    body.appendChild(element("p", "panel-support", info.support));
    var list = element("ul", "panel-relations");
    edgesOf[id].forEach(function (edgeId) {
      var item = element("li"), claims = element("ol", "claims");
      item.appendChild(jump(edgeById[edgeId].info.title, function () { inspectEdge(edgeId); }));
      item.appendChild(element("span", "panel-meta", " " + edgeById[edgeId].info.support));
      edgeById[edgeId].info.claims.forEach(function (claim) { claims.appendChild(claimItem(claim)); });
      item.appendChild(claims);
      list.appendChild(item);
    });
    if (list.children.length) {
      body.appendChild(element("h3", null, "Relations drawn"));
      body.appendChild(list);
    }
  }

  function inspectEdge(id) {
    var edge = edgeById[id];
    if (edge === undefined) return;                          // an edge to a cluster: nothing to inspect
    var info = edge.info;
    open("relation", id);
    eg.emphasize([edge.from, edge.to], [id]);
    network.setSelection({nodes: [], edges: [id]});
    eg.labelEdges();
    body.appendChild(element("h2", "panel-title", info.title));
    if (info.properties) body.appendChild(element("p", "panel-facts", info.properties));
    body.appendChild(element("p", "panel-support", info.support));
    var ends = element("p", "panel-ends");
    ends.appendChild(jump(nodeById[edge.from].info.name, function () { inspectNode(edge.from); }));
    ends.appendChild(element("span", "panel-meta", " → "));
    ends.appendChild(jump(nodeById[edge.to].info.name, function () { inspectNode(edge.to); }));
    body.appendChild(ends);
    var list = element("ol", "claims");
    info.claims.forEach(function (claim) { list.appendChild(claimItem(claim)); });
    body.appendChild(list);
  }

  function claimItem(claim) {
    var item = element("li", "claim"), quote = element("blockquote", "sentence");
    claim.parts.forEach(function (part) {
      quote.appendChild(part[1] ? element("mark", part[1], part[0]) : document.createTextNode(part[0]));
    });
    if (!claim.parts.length) quote.appendChild(element("span", "panel-meta", "(a record, without a sentence)"));
    item.appendChild(quote);
    var source = element("div", "claim-source");
    if (claim.url && /^https?:\/\//i.test(claim.url)) {
      var link = element("a", null, claim.title);
      link.href = claim.url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      source.appendChild(link);
    } else {
      source.appendChild(element("span", "claim-title", claim.title));
    }
    if (claim.date) source.appendChild(element("span", "claim-date", " · " + claim.date));
    item.appendChild(source);
    item.appendChild(element("div", "claim-where", claim.where));
    return item;
  }

  function close() {
    panel.hidden = true;
    panel.removeAttribute("data-kind");
    panel.removeAttribute("data-id");
    network.unselectAll();
    eg.labelEdges();
    eg.emphasize(null);
  }

  network.on("click", function (event) {
    if (event.nodes.length && network.isCluster(event.nodes[0])) return;      // clusters.js opens it
    if (event.nodes.length) inspectNode(event.nodes[0]);
    else if (event.edges.length) inspectEdge(event.edges[0]);
    else close();
  });
  document.getElementById("inspector-close").addEventListener("click", close);

  eg.inspectNode = inspectNode;
})();
