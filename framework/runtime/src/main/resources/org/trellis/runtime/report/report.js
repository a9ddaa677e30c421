(function () {
  "use strict";
  // Crosshair over the time charts: one vertical line at the same time in every chart, with the
  // value of each chart's main line read back from the drawing (to the precision the pixels allow).
  var charts = Array.prototype.slice.call(document.querySelectorAll("svg.chart[data-t0]"));
  var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function when(t) {
    var d = new Date(Math.round(t / 60000) * 60000);
    return d.getUTCDate() + " " + months[d.getUTCMonth()] + " " + d.getUTCFullYear() + " " +
      two(d.getUTCHours()) + ":" + two(d.getUTCMinutes()) + " UTC";
  }
  function show(t) {
    charts.forEach(function (c) {
      var d = c.dataset, h = c.hover;
      if (t === null || !h.xs.length) { h.g.style.display = "none"; return; }
      var x = +d.x0 + (t - d.t0) / (d.t1 - d.t0) * (d.x1 - d.x0);
      var lo = 0, hi = h.xs.length - 1;
      while (lo < hi) { var m = (lo + hi) >> 1; if (h.xs[m] < x) { lo = m + 1; } else { hi = m; } }
      if (lo > 0 && x - h.xs[lo - 1] < h.xs[lo] - x) { lo--; }
      var scale = d.scale === "pct" ? 100 : 1;
      var v = (+d.v0 + (d.y0 - h.ys[lo]) / (d.y0 - d.y1) * (d.v1 - d.v0)) * scale;
      var res = Math.abs(d.v1 - d.v0) * scale / (d.y0 - d.y1) / 10;
      var digits = Math.max(0, Math.min(8, Math.ceil(-Math.log10(res))));
      var value = v.toLocaleString("en-US", {minimumFractionDigits: digits, maximumFractionDigits: digits});
      h.text.textContent = when(t) + "  \u00b7  " + value + (scale === 100 ? "%" : "");
      h.line.setAttribute("x1", x); h.line.setAttribute("x2", x);
      h.dot.setAttribute("cx", h.xs[lo]); h.dot.setAttribute("cy", h.ys[lo]);
      h.g.style.display = "";
      var w = h.text.getComputedTextLength() + 12;
      var left = x + w + 8 > +d.x1 ? x - w - 6 : x + 6;
      h.rect.setAttribute("x", left); h.rect.setAttribute("width", w); h.text.setAttribute("x", left + 6);
    });
  }
  charts.forEach(function (c) {
    var d = c.dataset, series = c.querySelector(".series"), xs = [], ys = [];
    if (series) {
      series.getAttribute("points").split(" ").forEach(function (p) {
        var a = p.split(","); xs.push(+a[0]); ys.push(+a[1]);
      });
    }
    var ns = "http://www.w3.org/2000/svg", g = document.createElementNS(ns, "g");
    g.setAttribute("class", "hover"); g.style.display = "none"; g.style.pointerEvents = "none";
    var line = document.createElementNS(ns, "line"), rect = document.createElementNS(ns, "rect"), text = document.createElementNS(ns, "text");
    var dot = document.createElementNS(ns, "circle");
    dot.setAttribute("r", 3);
    line.setAttribute("y1", d.y1); line.setAttribute("y2", d.y0);
    rect.setAttribute("y", +d.y1 + 2); rect.setAttribute("height", 18); rect.setAttribute("rx", 3);
    text.setAttribute("y", +d.y1 + 15);
    g.appendChild(line); g.appendChild(dot); g.appendChild(rect); g.appendChild(text); c.appendChild(g);
    c.hover = {g: g, line: line, dot: dot, rect: rect, text: text, xs: xs, ys: ys};
    c.addEventListener("mousemove", function (e) {
      var r = c.getBoundingClientRect(), x = (e.clientX - r.left) * c.viewBox.baseVal.width / r.width;
      if (x < +d.x0 || x > +d.x1) { show(null); return; }
      show(+d.t0 + (x - d.x0) / (d.x1 - d.x0) * (d.t1 - d.t0));
    });
    c.addEventListener("mouseleave", function () { show(null); });
  });
})();
