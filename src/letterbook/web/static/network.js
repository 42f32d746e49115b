// The correspondence network: a small force layout in plain JavaScript, no library.
// Reads {nodes: [{entry_id, name, letters}], links: [{source, target, letters}]} from the
// URL in the SVG's data-src; every name is set as text (textContent), never as markup.
"use strict";
(function () {
  const svg = document.getElementById("network");
  if (!svg) return;
  const NS = "http://www.w3.org/2000/svg";
  const W = 800, H = 600;

  function layout(nodes, links) {
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(nodes.length, 1);
      n.x = W / 2 + 220 * Math.cos(angle); n.y = H / 2 + 200 * Math.sin(angle); n.vx = 0; n.vy = 0;
    });
    const byId = new Map(nodes.map((n) => [n.entry_id, n]));
    const edges = links.map((l) => ({ s: byId.get(l.source), t: byId.get(l.target), w: l.letters }))
      .filter((e) => e.s && e.t);
    for (let step = 0; step < 300; step++) {
      const cooling = 1 - step / 300;
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          let dx = a.x - b.x, dy = a.y - b.y;
          const d2 = Math.max(dx * dx + dy * dy, 25);
          const f = 24000 / d2;
          const d = Math.sqrt(d2); dx /= d; dy /= d;
          a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
        }
      }
      edges.forEach((e) => {
        const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y;
        const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
        const f = (d - 150) * 0.02 * Math.min(1 + Math.log(e.w), 3);
        e.s.vx += (dx / d) * f; e.s.vy += (dy / d) * f; e.t.vx -= (dx / d) * f; e.t.vy -= (dy / d) * f;
      });
      nodes.forEach((n) => {
        n.vx += (W / 2 - n.x) * 0.01; n.vy += (H / 2 - n.y) * 0.01;
        n.x += Math.max(-20, Math.min(20, n.vx * cooling)); n.y += Math.max(-20, Math.min(20, n.vy * cooling));
        n.x = Math.max(20, Math.min(W - 20, n.x)); n.y = Math.max(20, Math.min(H - 20, n.y));
        n.vx *= 0.5; n.vy *= 0.5;
      });
    }
    return edges;
  }

  function el(name, attrs) {
    const node = document.createElementNS(NS, name);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, String(v)));
    return node;
  }

  function draw(data) {
    const nodes = data.nodes, centre = new URLSearchParams(svg.dataset.src.split("?")[1] || "").get("entry");
    const edges = layout(nodes, data.links);
    const maxLetters = Math.max(1, ...nodes.map((n) => n.letters));
    const lines = edges.map((e) => {
      const line = el("line", { "stroke-width": Math.min(1 + Math.log(e.w) * 1.5, 8) });
      const title = el("title", {}); title.textContent = e.s.name + " – " + e.t.name + ": " + e.w;
      line.appendChild(title); svg.appendChild(line); return { line, e };
    });
    const groups = nodes.map((n) => {
      const link = el("a", { href: "/register/" + n.entry_id.split("/").map(encodeURIComponent).join("/"),
                             "data-entry": n.entry_id, "class": n.entry_id === centre ? "node centre" : "node" });
      const label = n.name + ": " + n.letters + " letters";
      link.setAttribute("aria-label", label);
      const circle = el("circle", { r: 5 + 18 * Math.sqrt(n.letters / maxLetters) });
      const title = el("title", {}); title.textContent = label; circle.appendChild(title);
      const text = el("text", { dx: 8, dy: -8 });
      text.textContent = n.name.length > 32 ? n.name.slice(0, 31) + "…" : n.name;
      link.appendChild(circle); link.appendChild(text); svg.appendChild(link);
      return { link, circle, text, n };
    });
    function place() {
      lines.forEach(({ line, e }) => {
        line.setAttribute("x1", e.s.x); line.setAttribute("y1", e.s.y);
        line.setAttribute("x2", e.t.x); line.setAttribute("y2", e.t.y);
      });
      groups.forEach(({ circle, text, n }) => {
        circle.setAttribute("cx", n.x); circle.setAttribute("cy", n.y);
        text.setAttribute("x", n.x); text.setAttribute("y", n.y);
      });
    }
    place();
    enableDrag(groups, place);
    svg.dataset.ready = "true";
  }

  function enableDrag(groups, place) {
    let dragging = null, moved = false;
    function point(event) {
      const box = svg.getBoundingClientRect();
      return { x: ((event.clientX - box.left) / box.width) * W, y: ((event.clientY - box.top) / box.height) * H };
    }
    groups.forEach((g) => {
      g.link.addEventListener("pointerdown", (event) => { dragging = g; moved = false; svg.setPointerCapture(event.pointerId); });
      g.link.addEventListener("click", (event) => { if (moved) event.preventDefault(); });
    });
    svg.addEventListener("pointermove", (event) => {
      if (!dragging) return;
      const p = point(event);
      if (Math.abs(p.x - dragging.n.x) + Math.abs(p.y - dragging.n.y) > 3) moved = true;
      dragging.n.x = p.x; dragging.n.y = p.y; place();
    });
    svg.addEventListener("pointerup", (event) => {
      const g = dragging; dragging = null;
      if (g && !moved) window.location.assign(g.link.getAttribute("href"));
      svg.releasePointerCapture(event.pointerId);
    });
  }

  fetch(svg.dataset.src, { headers: { Accept: "application/json" } })
    .then((response) => { if (!response.ok) throw new Error(String(response.status)); return response.json(); })
    .then(draw)
    .catch(() => { const p = document.createElement("p"); p.textContent = "The network could not be loaded."; svg.after(p); });
})();
