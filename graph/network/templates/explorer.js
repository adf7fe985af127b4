/* The casckg explorer. Reads the network from the JSON element #casckg-data and draws it with
 * vis-network at the positions computed in Python (physics off). Everything from the sources is
 * put on screen as text: canvas labels, textContent, text nodes; never innerHTML.
 *
 * Readable first: entities without any relation start folded into a count; node labels are
 * drawn by this script after each frame, hubs first, at a fixed screen size, each only where it
 * overlaps no label already drawn, so more names appear as one zooms in and none ever cover
 * each other. Filters change which items two vis DataViews let through (refresh in place). */
(function () {
  "use strict";

  const DATA = JSON.parse(document.getElementById("casckg-data").textContent);
  const NODES = DATA.nodes;
  const EDGES = DATA.edges;
  const FALLBACK = ["en", "fr", "ru"];
  const PALETTE = ["#2563eb", "#ea580c", "#16a34a", "#dc2626", "#7c3aed", "#92400e", "#db2777", "#0d9488",
    "#ca8a04", "#4b5563", "#0891b2", "#65a30d"];
  const INFERRED = -1; // the source filter's key for the reasoner's conclusions
  const LABEL_BUDGET = 400; // node labels drawn at most per frame
  const LABEL_SCAN = 4000; // candidates looked at per frame, hubs first
  const LABEL_MIN_RADIUS = 4; // pixels on screen an entity needs before its name is drawn…
  const HUBS = 20; // …unless it is one of this many most connected
  const LABEL_CHARS = 36; // longer names are cut on the canvas (the panel has them whole)
  const LIST_LIMIT = 200; // relations listed in the panel
  const ARROW = { scaleFactor: 0.5, length: 7.5 }; // vis-network draws this head 7.5 units long at width 1…
  const ARROW_MIN_PIXELS = 3; // …and it is left out while it would be smaller than this on screen
  const EDGE_WIDTH = 1; // canvas units; vis-network strokes an edge at least 0.3 screen pixels wide

  const state = {
    lang: DATA.lang,
    colourBy: "class",
    sizeBy: "degree",
    edgeLabels: false,
    isolated: false, // entities without any relation: folded into a count at first
    year: null, // the time slider: null shows every year
    pinned: new Set(), // entities a search asked for, shown whatever the filters say
    classes: new Set(DATA.classes.map((_, i) => i)),
    relations: new Set(DATA.relations.map((_, i) => i)),
    sources: new Set([INFERRED, ...DATA.sources.map((_, i) => i)]),
    since: "",
    until: "",
    hood: false,
    hops: 1,
    selected: null,
  };

  // --- small helpers ----------------------------------------------------------------------------

  const $ = (id) => document.getElementById(id);

  /* An element with text children only: strings become text nodes, never markup. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
    return node;
  }

  /* A link only for http(s) addresses; anything else (javascript:, data:) stays plain text. */
  function link(url, text) {
    if (typeof url === "string" && /^https?:\/\//i.test(url)) {
      return el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, text || url);
    }
    return el("span", {}, text || String(url));
  }

  function pick(labels, lang) {
    if (!labels) return "";
    for (const l of [lang, ...FALLBACK]) if (labels[l]) return labels[l];
    const keys = Object.keys(labels).sort();
    return keys.length ? labels[keys[0]] : "";
  }

  const tail = (iri) => decodeURIComponent(iri.replace(/[/#]$/, "").split(/[/#]/).pop());
  const nodeLabel = (i) => pick(NODES[i].l, state.lang) || tail(NODES[i].iri);
  const termLabel = (curie) => pick(DATA.terms[curie], state.lang) || tail(curie.replace(/^cas:/, ""));
  const relationLabel = (r) => termLabel(DATA.relations[r].id);
  const className = (c) => pick(DATA.classes[c].labels, state.lang) || DATA.classes[c].id;
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  function when(start, end) {
    if (!start && !end) return "";
    if (start === end) return start;
    return `${start || "…"} – ${end || ""}`.trim();
  }

  function edgeLabel(e) {
    const parts = [relationLabel(e.r)];
    if (e.n) parts.push(String(e.n));
    if (e.via && (e.t0 || e.t1)) parts.push(when(e.t0, e.t1));
    return parts.join(" · ");
  }

  // --- adjacency and measures -------------------------------------------------------------------

  const incident = NODES.map(() => []);
  EDGES.forEach((e, j) => {
    incident[e.f].push(j);
    if (e.t !== e.f) incident[e.t].push(j);
  });
  const maxDegree = Math.max(1, ...NODES.map((n) => n.d || 0));
  const maxBetween = Math.max(1e-9, ...NODES.map((n) => n.b || 0));

  function size(n) {
    const share = state.sizeBy === "betweenness" && DATA.betweenness ? (n.b || 0) / maxBetween : Math.sqrt((n.d || 0) / maxDegree);
    return 8 + 30 * share;
  }

  function colour(n) {
    return state.colourBy === "community" ? PALETTE[(n.m || 0) % PALETTE.length] : DATA.classes[n.c].color;
  }

  // --- the network ------------------------------------------------------------------------------

  function visNode(n, i) {
    const cls = DATA.classes[n.c];
    // No vis label: names are drawn by drawLabels(), which keeps them apart.
    return { id: i, x: n.x, y: n.y, shape: cls.shape, size: size(n), color: colour(n) };
  }

  function visEdge(e, j) {
    return {
      id: j,
      from: e.f,
      to: e.t,
      label: state.edgeLabels ? edgeLabel(e) : undefined,
      dashes: e.i ? [6, 4] : false,
      color: e.i ? { color: "#d97706", highlight: "#b45309" } : { color: "#94a3b8", highlight: "#334155" },
    };
  }

  const nodes = new vis.DataSet(NODES.map(visNode));
  const edges = new vis.DataSet(EDGES.map(visEdge));
  const nodeShown = new Uint8Array(NODES.length).fill(1);
  const edgeShown = new Uint8Array(EDGES.length).fill(1);
  const isolated = incident.map((list) => list.length === 0);
  const nodeView = new vis.DataView(nodes, { filter: (item) => nodeShown[item.id] === 1 });
  const edgeView = new vis.DataView(edges, { filter: (item) => edgeShown[item.id] === 1 });
  const big = EDGES.length > 5000;
  flags(); // the first view's filters, before the first drawing
  const network = new vis.Network($("network"), { nodes: nodeView, edges: edgeView }, {
    physics: false,
    layout: { improvedLayout: false, randomSeed: 0 },
    interaction: { hideEdgesOnDrag: big, hideEdgesOnZoom: big, hover: false, tooltipDelay: 300 },
    nodes: { borderWidth: 1, font: { size: 14, strokeWidth: 3, strokeColor: "#ffffff" } },
    edges: {
      smooth: false,
      width: EDGE_WIDTH,
      selectionWidth: 2,
      arrows: { to: { enabled: !big, scaleFactor: ARROW.scaleFactor } },
      font: { size: 11, align: "middle", color: "#334155", strokeWidth: 3, strokeColor: "#ffffff" },
    },
  });
  network.once("afterDrawing", () => {
    window.casckgFirstDraw = performance.now();
    document.documentElement.dataset.ready = "true";
  });

  /* Arrowheads where they can be seen. Each costs a fill per relation per frame, which is a third
   * of a frame at 30,000 relations; a big network is drawn without them until one zooms in to
   * where a head is a few pixels long (any move: wheel, fit, focus). Small networks keep them. */
  let arrowsShown = !big;
  network.on("afterDrawing", () => {
    const show = !big || network.getScale() * ARROW.length >= ARROW_MIN_PIXELS;
    if (show === arrowsShown) return;
    arrowsShown = show;
    network.setOptions({ edges: { arrows: { to: { enabled: show, scaleFactor: ARROW.scaleFactor } } } });
  });

  /* The overview of a big network strokes its relations as two paths, stated and inferred,
   * instead of one stroke each: vis-network strokes every edge on its own, and at 30,000
   * relations on a software-drawn canvas that is two thirds of a frame (of every filter, every
   * move). Without arrowheads and edge labels the lines are the same either way: vis-network's
   * colours, its dashes and its width (at least 0.3 screen pixels). Selected relations and loops
   * are drawn over them by vis-network, and so is everything in a closer view (arrowheads on) or
   * with edge labels on. This replaces one method of vis-network's renderer (pinned version). */
  const renderer = network.renderer;
  const drawEachEdge = renderer._drawEdges.bind(renderer);
  const EDGE_COLOUR = { stated: visEdge({}, 0).color.color, inferred: visEdge({ i: 1 }, 0).color.color };
  const EDGE_DASHES = visEdge({ i: 1 }, 0).dashes;
  renderer._drawEdges = (ctx) => {
    if (!big || arrowsShown || state.edgeLabels) {
      drawEachEdge(ctx);
      return;
    }
    const body = network.body;
    const own = []; // selected relations and loops: vis-network draws these one by one
    const stated = new Path2D();
    const inferred = new Path2D();
    for (const id of body.edgeIndices) {
      const edge = body.edges[id];
      if (!edge.connected) continue;
      if (edge.selected || edge.fromId === edge.toId) { own.push(edge); continue; }
      const path = EDGES[id].i ? inferred : stated;
      path.moveTo(edge.from.x, edge.from.y);
      path.lineTo(edge.to.x, edge.to.y);
    }
    ctx.save();
    ctx.lineWidth = Math.max(EDGE_WIDTH, 0.3 / body.view.scale);
    ctx.strokeStyle = EDGE_COLOUR.stated;
    ctx.stroke(stated);
    ctx.strokeStyle = EDGE_COLOUR.inferred;
    ctx.lineCap = "round";
    ctx.setLineDash(EDGE_DASHES);
    ctx.stroke(inferred);
    ctx.restore();
    for (const edge of own) edge.draw(ctx);
  };

  // --- node labels ------------------------------------------------------------------------------

  const byDegree = NODES.map((_, i) => i).sort((a, b) => (NODES[b].d || 0) - (NODES[a].d || 0));
  const rank = new Int32Array(NODES.length);
  byDegree.forEach((i, k) => { rank[i] = k; });
  const short = (text) => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1).trimEnd()}…` : text);
  let drawnLabels = []; // [node, left, top, width, height] in CSS pixels of the canvas, last frame

  function drawLabels(ctx) {
    const canvas = ctx.canvas;
    const ratio = canvas.width / (canvas.clientWidth || 1);
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    const scale = network.getScale();
    const view = network.getViewPosition();
    const first = [...network.getSelectedNodes(), ...state.pinned].filter((i) => nodeShown[i]);
    const taken = [];
    const fits = (box) => taken.every((o) => box[1] >= o[1] + o[3] || o[1] >= box[1] + box[3] ||
      box[2] >= o[2] + o[4] || o[2] >= box[2] + box[4]);
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = "left";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    let scanned = 0;
    for (const i of [...first, ...byDegree]) {
      if (taken.length >= LABEL_BUDGET || scanned++ > LABEL_SCAN) break;
      if (!nodeShown[i] || taken.some((t) => t[0] === i)) continue;
      const body = network.body.nodes[i];
      if (!body) continue;
      // a name appears once its entity is big enough on screen, or is one of the hubs
      if (size(NODES[i]) * scale < LABEL_MIN_RADIUS && rank[i] >= HUBS && !first.includes(i)) continue;
      const x = (body.x - view.x) * scale + width / 2;
      const y = (body.y - view.y) * scale + height / 2;
      if (x < 0 || x > width || y < 0 || y > height) continue;
      const text = short(nodeLabel(i));
      const px = first.includes(i) ? 14 : 12 + Math.round(3 * Math.sqrt((NODES[i].d || 0) / maxDegree));
      ctx.font = `${first.includes(i) ? "600 " : ""}${px}px system-ui, sans-serif`;
      const w = ctx.measureText(text).width + 4;
      const h = px * 1.25 + 2;
      const r = size(NODES[i]) * scale + 3;
      // below the entity, else above, right or left of it, else at a corner: the first place that
      // covers no name. A hub (or a chosen entity) may step further out, so that hubs drawn close
      // together in the first view are all named.
      const rings = rank[i] < HUBS || first.includes(i) ? [1, 1.8, 2.6] : [1];
      const places = rings.flatMap((k) => {
        const [o, d] = [r * k, r * k * 0.7];
        return [
          [x - w / 2, y + o], [x - w / 2, y - o - h], [x + o, y - h / 2], [x - o - w, y - h / 2],
          [x + d, y + d], [x - d - w, y + d], [x + d, y - d - h], [x - d - w, y - d - h],
        ];
      });
      const place = places.find(([left, top]) => left >= 0 && left + w <= width && fits([i, left, top, w, h]));
      if (!place) continue;
      taken.push([i, place[0], place[1], w, h]);
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.lineWidth = 3;
      ctx.strokeText(text, place[0] + 2, place[1] + 1);
      ctx.fillStyle = "#1f2937";
      ctx.fillText(text, place[0] + 2, place[1] + 1);
    }
    ctx.restore();
    drawnLabels = taken;
  }

  network.on("afterDrawing", drawLabels);

  // --- filters ----------------------------------------------------------------------------------

  function inTime(start, end) {
    if (state.since && end && end < state.since) return false;
    return !(state.until && start && start > state.until);
  }

  function edgePasses(e) {
    if (!state.relations.has(e.r) || !inTime(e.t0, e.t1)) return false;
    if (e.i) return state.sources.has(INFERRED);
    return (e.s || []).some((s) => state.sources.has(s));
  }

  /* Which entities and relations pass the filters: the flags the two DataViews read. */
  function flags() {
    const passes = EDGES.map(edgePasses);
    const on = NODES.map((n, i) => {
      if (state.pinned.has(i)) return true;
      if (!state.classes.has(n.c) || !inTime(n.t0, n.t1)) return false;
      if (isolated[i] && !state.isolated) return false;
      return (n.s || []).some((s) => state.sources.has(s)) || incident[i].some((j) => passes[j]);
    });
    if (state.hood && state.selected !== null) {
      const depth = new Map([[state.selected, 0]]);
      let frontier = [state.selected];
      for (let hop = 1; hop <= state.hops && frontier.length; hop++) {
        const next = [];
        for (const i of frontier) {
          for (const j of incident[i]) {
            const e = EDGES[j];
            const other = e.f === i ? e.t : e.f;
            if (passes[j] && on[other] && !depth.has(other)) {
              depth.set(other, hop);
              next.push(other);
            }
          }
        }
        frontier = next;
      }
      NODES.forEach((_, i) => { on[i] = depth.has(i); });
    }
    let changed = false;
    on.forEach((value, i) => {
      if (nodeShown[i] !== +value) { nodeShown[i] = +value; changed = true; }
    });
    EDGES.forEach((e, j) => {
      const value = passes[j] && on[e.f] && on[e.t];
      if (edgeShown[j] !== +value) { edgeShown[j] = +value; changed = true; }
    });
    return changed;
  }

  /* One drawing per change of the filters. vis-network draws at once whenever a DataView lets
   * items in or out (physics is off), so two views meant two full drawings inside the click,
   * then a third at the next frame; drawing is held while both refresh, and asked for once. */
  function apply() {
    if (flags()) {
      renderer.allowRedraw = false;
      try {
        nodeView.refresh();
        edgeView.refresh();
      } finally {
        renderer.allowRedraw = true;
      }
      network.body.emitter.emit("_requestRedraw");
    }
    status();
  }

  function count(flags) {
    let n = 0;
    for (const f of flags) n += f;
    return n;
  }

  function status() {
    const n = count(nodeShown);
    const m = count(edgeShown);
    $("status").textContent = `${n} of ${NODES.length} entities · ${m} of ${EDGES.length} relations`;
    $("status").dataset.nodes = n;
    $("status").dataset.edges = m;
  }

  function checkList(container, items, selected, onChange) {
    container.replaceChildren();
    for (const item of items) {
      const box = el("input", { type: "checkbox", "data-key": item.key });
      box.checked = selected.has(item.key);
      box.addEventListener("change", () => {
        if (box.checked) selected.add(item.key); else selected.delete(item.key);
        onChange();
      });
      container.append(el("li", {}, el("label", {}, box, item.symbol || null, el("span", { text: item.text }),
        el("span", { class: "count", text: String(item.count) }))));
    }
  }

  function legend() {
    const alone = isolated.filter(Boolean).length;
    $("isolated-count").textContent = `${alone} ${alone === 1 ? "entity" : "entities"} without any relation`;
    $("isolated").closest("label").hidden = alone === 0;
    const perClass = DATA.classes.map(() => 0);
    NODES.forEach((n) => { perClass[n.c] += 1; });
    checkList($("legend-classes"), DATA.classes.map((c, i) => ({
      key: i, text: className(i), count: perClass[i],
      symbol: el("span", { class: "symbol", style: `color:${c.color}`, text: c.symbol, "aria-hidden": "true" }),
    })).filter((item) => item.count > 0), state.classes, apply);
    const perRelation = DATA.relations.map(() => 0);
    EDGES.forEach((e) => { perRelation[e.r] += 1; });
    checkList($("filter-relations"), DATA.relations.map((r, i) => ({ key: i, text: relationLabel(i), count: perRelation[i] })),
      state.relations, apply);
    const perSource = DATA.sources.map(() => 0);
    let inferred = 0;
    EDGES.forEach((e) => { if (e.i) inferred += 1; (e.s || []).forEach((s) => { perSource[s] += 1; }); });
    const items = DATA.sources.map((s, i) => ({ key: i, text: s.title || tail(s.iri), count: perSource[i] }));
    if (inferred) items.push({ key: INFERRED, text: "inferred by the reasoner", count: inferred });
    checkList($("filter-sources"), items, state.sources, apply);
  }

  // --- search -----------------------------------------------------------------------------------

  const names = []; // [node index, folded name, name]
  NODES.forEach((n, i) => {
    const seen = new Set();
    for (const list of [Object.values(n.l || {}), ...Object.values(n.a || {})]) {
      for (const name of [].concat(list)) {
        if (name && !seen.has(name)) { seen.add(name); names.push([i, fold(name), name]); }
      }
    }
    names.push([i, fold(tail(n.iri)), tail(n.iri)]);
  });

  function search(text) {
    const q = fold(text.trim());
    if (!q) return [];
    const best = new Map();
    for (const [i, folded, name] of names) {
      const rank = folded === q ? 0 : folded.startsWith(q) ? 1 : folded.includes(q) ? 2 : -1;
      if (rank < 0) continue;
      const previous = best.get(i);
      if (!previous || rank < previous.rank) best.set(i, { i, rank, name });
    }
    return [...best.values()].sort((a, b) => a.rank - b.rank || (NODES[b.i].d || 0) - (NODES[a.i].d || 0)).slice(0, 12);
  }

  let hits = [];
  let active = 0;

  function showResults() {
    const list = $("results");
    list.replaceChildren();
    hits.forEach((hit, k) => {
      const label = nodeLabel(hit.i);
      list.append(el("li", { role: "option", "aria-selected": String(k === active), onmousedown: (ev) => { ev.preventDefault(); choose(k); } },
        el("span", { class: "symbol", style: `color:${DATA.classes[NODES[hit.i].c].color}`, text: DATA.classes[NODES[hit.i].c].symbol }),
        label, hit.name !== label ? el("span", { class: "via", text: ` (${hit.name})` }) : null));
    });
    list.hidden = hits.length === 0;
  }

  function choose(k) {
    if (!hits[k]) return;
    $("results").hidden = true;
    focus(hits[k].i);
  }

  $("search").addEventListener("input", (ev) => { hits = search(ev.target.value); active = 0; showResults(); });
  $("search").addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown") { active = Math.min(active + 1, hits.length - 1); showResults(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); showResults(); ev.preventDefault(); }
    else if (ev.key === "Enter") { choose(active); ev.preventDefault(); }
    else if (ev.key === "Escape") { $("results").hidden = true; }
  });
  $("search").addEventListener("blur", () => { $("results").hidden = true; });

  /* Centre an entity and its neighbours, at a scale where they read (never a giant zoom). */
  function focus(i) {
    state.selected = i;
    if (!nodeShown[i]) state.pinned.add(i);
    apply();
    network.selectNodes([i]);
    const around = [i, ...incident[i].map((j) => (EDGES[j].f === i ? EDGES[j].t : EDGES[j].f)).filter((k) => nodeShown[k])];
    network.fit({ nodes: around, animation: false });
    const scale = Math.min(Math.max(network.getScale(), 0.35), 1.0);
    network.moveTo({ position: network.getPosition(i), scale, animation: false });
    showNode(i);
  }

  // --- the detail panel -------------------------------------------------------------------------

  function sourceLine(s) {
    const source = DATA.sources[s];
    if (!source) return el("span", { text: "unknown source" });
    return link(source.url, source.title || tail(source.iri));
  }

  function edgeDetails(j, from) {
    const e = EDGES[j];
    const box = el("div", { class: e.i ? "edge inferred" : "edge", "data-edge": j });
    const other = from === undefined ? null : (e.f === from ? e.t : e.f);
    if (other !== null) {
      const arrow = e.f === from ? "→" : "←";
      box.append(el("div", {}, `${arrow} ${relationLabel(e.r)} `,
        el("button", { class: "link", type: "button", onclick: () => focus(other) }, nodeLabel(other)),
        e.i ? el("span", { class: "badge", text: "inferred" }) : null));
    }
    const facts = [];
    if (e.t0 || e.t1) facts.push(when(e.t0, e.t1));
    if (e.n) facts.push(`${termLabel("cas:personnelCount")}: ${e.n}`);
    if (facts.length) box.append(el("div", { class: "cite", text: facts.join(" · ") }));
    if (e.i) box.append(el("div", { class: "cite", text: "Derived by the reasoner from other statements." }));
    if ((e.s || []).length) {
      box.append(el("div", { class: "cite" }, "Sources: ", ...e.s.flatMap((s, k) => (k ? [", ", sourceLine(s)] : [sourceLine(s)]))));
    }
    if ((e.k || []).length) {
      box.append(el("div", { class: "cite" }, "Cited: ", ...e.k.flatMap((u, k) => (k ? [", ", link(u)] : [link(u)]))));
    }
    for (const [text, s, start, end] of e.v || []) {
      const where = start !== null && end !== null ? ` (characters ${start}–${end})` : "";
      box.append(el("blockquote", { class: "evidence" }, text), el("div", { class: "cite" }, "— ", s >= 0 ? sourceLine(s) : "", where));
    }
    return box;
  }

  function rows(pairs) {
    return el("table", {}, el("tbody", {}, ...pairs.map(([k, v]) => el("tr", {}, el("td", {}, k), el("td", {}, v)))));
  }

  function showNode(i) {
    const n = NODES[i];
    const panel = $("panel");
    panel.replaceChildren();
    panel.dataset.node = n.iri;
    panel.append(el("h2", { text: nodeLabel(i) }));
    const exact = termLabel(n.t);
    const cls = className(n.c);
    panel.append(el("p", { class: "type" }, el("span", { class: "symbol", style: `color:${DATA.classes[n.c].color}`, text: DATA.classes[n.c].symbol }),
      exact.toLowerCase() === cls.toLowerCase() ? cls : `${cls} · ${exact}`));
    panel.append(el("div", { class: "iri" }, link(n.iri)));
    if (!nodeShown[i]) panel.append(el("p", { class: "note", text: "Hidden by the current filters." }));
    const labels = Object.entries(n.l || {}).sort();
    if (labels.length) panel.append(el("h3", { text: "Labels" }), rows(labels));
    const aliases = Object.entries(n.a || {}).sort().map(([lang, list]) => [lang, list.join(" · ")]);
    if (aliases.length) panel.append(el("h3", { text: "Also known as" }), rows(aliases));
    const facts = (n.p || []).map(([p, v]) => [termLabel(p), v]);
    if (n.w) facts.unshift(["Wikidata", link(n.w.replace("http://www.wikidata.org/entity/", "https://www.wikidata.org/wiki/"), n.w.split("/").pop())]);
    facts.push(["degree", String(n.d || 0)]);
    if (n.b !== undefined) facts.push(["betweenness", String(n.b)]);
    facts.push(["community", String(n.m || 0)]);
    panel.append(el("h3", { text: "Properties" }), rows(facts));
    if ((n.s || []).length) panel.append(el("h3", { text: "Sources" }), el("ul", {}, ...n.s.map((s) => el("li", {}, sourceLine(s)))));
    if ((n.q || []).length) panel.append(el("h3", { text: "Cited" }), el("ul", {}, ...n.q.map((u) => el("li", {}, link(u)))));
    const mine = incident[i];
    panel.append(el("h3", { text: `Relations (${mine.length})` }));
    mine.slice(0, LIST_LIMIT).forEach((j) => panel.append(edgeDetails(j, i)));
    if (mine.length > LIST_LIMIT) panel.append(el("p", { class: "hint", text: `… and ${mine.length - LIST_LIMIT} more` }));
  }

  function showEdge(j) {
    const e = EDGES[j];
    const panel = $("panel");
    panel.replaceChildren();
    delete panel.dataset.node;
    panel.dataset.edge = j;
    panel.append(el("h2", {},
      el("button", { class: "link", type: "button", onclick: () => focus(e.f) }, nodeLabel(e.f)),
      ` ${relationLabel(e.r)} `,
      el("button", { class: "link", type: "button", onclick: () => focus(e.t) }, nodeLabel(e.t))));
    panel.append(el("p", { class: "type", text: e.i ? "inferred relation" : "relation stated by a source" }));
    panel.append(edgeDetails(j));
  }

  function showHint() {
    const panel = $("panel");
    delete panel.dataset.node;
    delete panel.dataset.edge;
    panel.replaceChildren(el("p", { class: "hint", text: "Click an entity or a relation to see what the sources say about it." }));
  }

  network.on("click", (params) => {
    if (params.nodes.length) {
      state.selected = params.nodes[0];
      if (state.hood) apply();
      showNode(params.nodes[0]);
    } else if (params.edges.length) showEdge(params.edges[0]);
    else showHint();
  });

  // --- tools ------------------------------------------------------------------------------------

  function relabel() {
    edges.update(EDGES.map((e, j) => ({ id: j, label: state.edgeLabels ? edgeLabel(e) : "" })));
    network.redraw();
    legend();
    if ($("panel").dataset.node) showNode(NODES.findIndex((n) => n.iri === $("panel").dataset.node));
    else if ($("panel").dataset.edge) showEdge(+$("panel").dataset.edge);
    document.documentElement.lang = state.lang;
  }

  function restyle() {
    nodes.update(NODES.map((n, i) => visNode(n, i)));
  }

  for (const lang of DATA.languages) $("lang").append(el("option", { value: lang, text: lang }));
  $("lang").value = state.lang;
  $("lang").addEventListener("change", (ev) => { state.lang = ev.target.value; relabel(); });
  $("colour-by").addEventListener("change", (ev) => { state.colourBy = ev.target.value; restyle(); });
  if (!DATA.betweenness) $("size-by").querySelector('option[value="betweenness"]').disabled = true;
  $("size-by").addEventListener("change", (ev) => { state.sizeBy = ev.target.value; restyle(); });
  $("edge-labels").checked = state.edgeLabels;
  $("edge-labels").addEventListener("change", (ev) => { state.edgeLabels = ev.target.checked; relabel(); });
  // The time slider: one step a year over the graph's years; past the last, every year.
  const years = [...NODES.flatMap((n) => [n.t0, n.t1]), ...EDGES.flatMap((e) => [e.t0, e.t1])]
    .filter((d) => d && /^\d{4}/.test(d)).map((d) => +d.slice(0, 4)).sort((a, b) => a - b);
  const firstYear = years.length ? years[0] : 0;
  const lastYear = years.length ? years[years.length - 1] : 0;
  const ALL = lastYear + 1;
  $("year").min = firstYear;
  $("year").max = ALL;
  $("year").value = ALL;
  $("year").disabled = !years.length;
  $("play").disabled = !years.length;

  function setYear(value) {
    const year = +value >= ALL ? null : +value;
    state.year = year;
    state.since = year === null ? "" : `${year}-01-01`;
    state.until = year === null ? "" : `${year}-12-31`;
    $("year").value = year === null ? ALL : year;
    $("year-label").textContent = year === null ? "all years" : String(year);
    apply();
  }

  let playing = null;
  function stop() {
    clearInterval(playing);
    playing = null;
    $("play").textContent = "▶ play";
    $("play").setAttribute("aria-pressed", "false");
  }
  $("year").addEventListener("input", (ev) => { stop(); setYear(ev.target.value); });
  $("play").addEventListener("click", () => {
    if (playing) { stop(); return; }
    let year = state.year === null || state.year >= lastYear ? firstYear : state.year + 1;
    setYear(year);
    $("play").textContent = "❚❚ pause";
    $("play").setAttribute("aria-pressed", "true");
    playing = setInterval(() => {
      year += 1;
      if (year > lastYear) { stop(); setYear(ALL); return; }
      setYear(year);
    }, 700);
  });
  $("isolated").addEventListener("change", (ev) => { state.isolated = ev.target.checked; apply(); });
  $("hood").addEventListener("change", (ev) => { state.hood = ev.target.checked; apply(); });
  $("hops").addEventListener("change", (ev) => { state.hops = Math.max(1, parseInt(ev.target.value, 10) || 1); apply(); });
  $("reset").addEventListener("click", () => {
    state.classes = new Set(DATA.classes.map((_, i) => i));
    state.relations = new Set(DATA.relations.map((_, i) => i));
    state.sources = new Set([INFERRED, ...DATA.sources.map((_, i) => i)]);
    state.hood = false;
    state.pinned.clear();
    $("hood").checked = false;
    stop();
    legend();
    setYear(ALL);
    network.fit({ animation: false });
  });

  legend();
  status();

  /* For tests and power users: the network and a few questions about what is shown. */
  window.casckg = {
    network,
    data: DATA,
    index: (iri) => NODES.findIndex((n) => n.iri === iri),
    shownNodes: () => count(nodeShown),
    shownEdges: () => count(edgeShown),
    isShown: (i) => nodeShown[i] === 1,
    isEdgeShown: (j) => edgeShown[j] === 1,
    label: (i) => nodeLabel(i),
    /* The node labels as drawn: {node, left, top, width, height} in page pixels (a frame is
     * drawn first, synchronously, so the answer is for the view as it is now). */
    labelBoxes: () => {
      network.redraw();
      const r = document.querySelector("#network canvas").getBoundingClientRect();
      return drawnLabels.map(([i, x, y, w, h]) => ({ node: i, left: r.left + x, top: r.top + y, width: w, height: h }));
    },
    setYear,
    focus,
  };
})();
