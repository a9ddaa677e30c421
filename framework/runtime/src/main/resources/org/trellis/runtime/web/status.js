// The Trellis status page: reads the JSON API, draws tables and uPlot charts, and refreshes
// whenever the server says the journal changed (server-sent events on /api/events).
"use strict";

const $ = (s) => document.querySelector(s);
let selected = null;
let updates = 0;
let charts = [];

async function get(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  if (!r.ok) throw new Error(path + ": HTTP " + r.status);
  return r.json();
}

const iso = (ms) => (ms == null ? "" : new Date(ms).toISOString().replace(".000Z", "Z"));
const num = (v, d = 2) => (v == null || Number.isNaN(v) ? "n/a" : Number(v).toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }));
const pct = (v) => (v == null ? "n/a" : num(v * 100, 2) + "%");
const signed = (v) => ({ text: num(v), cls: v > 0 ? "num pos" : v < 0 ? "num neg" : "num" });

/** Fills a table: columns are [header, row => text or {text, cls}]. */
function table(id, columns, rows, empty) {
  const el = $(id);
  const head = "<tr>" + columns.map(([h]) => "<th>" + h + "</th>").join("") + "</tr>";
  if (!rows.length) {
    el.innerHTML = head + '<tr><td class="empty" colspan="' + columns.length + '">' + empty + "</td></tr>";
    return;
  }
  const body = rows.map((r) => "<tr>" + columns.map(([, f]) => {
    const v = f(r);
    const cell = typeof v === "object" && v !== null ? v : { text: v, cls: typeof v === "number" ? "num" : "" };
    return '<td class="' + (cell.cls || "") + '">' + escapeHtml(String(cell.text)) + "</td>";
  }).join("") + "</tr>").join("");
  el.innerHTML = head + body;
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

function lineChart(el, title, xs, series, height) {
  const opts = {
    title, width: Math.max(320, el.clientWidth || 1100), height,
    scales: { x: { time: true } },
    series: [{}].concat(series.map((s) => ({ label: s.label, stroke: s.color, width: 1.5, fill: s.fill }))),
    axes: [{}, { size: 70 }],
  };
  const chart = new uPlot(opts, [xs].concat(series.map((s) => s.values)), el);
  charts.push(chart);
}

async function drawEquity() {
  charts.forEach((c) => c.destroy());
  charts = [];
  $("#equity-chart").innerHTML = "";
  $("#drawdown-chart").innerHTML = "";
  if (selected == null) return;
  const points = await get("/api/equity?session=" + selected);
  if (!points.length) {
    $("#equity-chart").innerHTML = '<p class="muted">No equity recorded yet.</p>';
    return;
  }
  const xs = points.map((p) => p.time / 1000);
  const eq = points.map((p) => p.equity);
  let peak = -Infinity;
  const dd = eq.map((e) => { peak = Math.max(peak, e); return peak > 0 ? (e / peak - 1) * 100 : 0; });
  lineChart($("#equity-chart"), "Equity", xs, [{ label: "equity", color: "#2563eb", values: eq }], 260);
  lineChart($("#drawdown-chart"), "Drawdown (%)", xs, [{ label: "drawdown %", color: "#b91c1c", fill: "rgba(185,28,28,0.12)", values: dd }], 160);
}

function drawModels(updatesRows) {
  const host = $("#models");
  if (!updatesRows.length) {
    host.innerHTML = '<p class="muted">No model training updates journaled.</p>';
    return;
  }
  host.innerHTML = "";
  const byModel = {};
  updatesRows.forEach((u) => (byModel[u.session + " " + u.model] = byModel[u.session + " " + u.model] || []).push(u));
  const colors = ["#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#0891b2"];
  Object.entries(byModel).forEach(([name, rows]) => {
    const metrics = rows.map((r) => JSON.parse(r.metrics));
    const keys = Object.keys(metrics[0]).filter((k) => typeof metrics[0][k] === "number");
    const div = document.createElement("div");
    div.className = "chart";
    host.appendChild(div);
    const opts = {
      title: "Session " + name, width: Math.max(320, host.clientWidth || 1100), height: 200,
      scales: { x: { time: false } },
      series: [{ label: "step" }].concat(keys.map((k, i) => ({ label: k, stroke: colors[i % colors.length], width: 1.5 }))),
    };
    charts.push(new uPlot(opts, [rows.map((r) => r.step)].concat(keys.map((k) => metrics.map((m) => m[k]))), div));
  });
}

async function refresh() {
  const [sessions, positions, trades, health, stats, guards, models, plugins, controls] = await Promise.all([
    get("/api/sessions"), get("/api/positions"), get("/api/trades?limit=50"), get("/api/health"), get("/api/stats"),
    get("/api/guards"), get("/api/models"), get("/api/plugins"), get("/api/controls")]);
  $("#kill").hidden = !controls.killSwitch;
  table("#sessions", [["ID", (s) => s.id], ["Strategy", (s) => s.name], ["Mode", (s) => s.mode], ["Status", (s) => s.status],
    ["Started", (s) => iso(s.startedAt)], ["Trades", (s) => s.trades], ["Win rate", (s) => ({ text: pct(s.winRate), cls: "num" })],
    ["PnL", (s) => signed(s.pnl)], ["Equity", (s) => ({ text: num(s.equity), cls: "num" })]], sessions, "No sessions journaled yet.");
  table("#positions", [["Session", (p) => p.session], ["Strategy", (p) => p.strategy], ["Instrument", (p) => p.instrument],
    ["Side", (p) => p.side], ["Shares", (p) => ({ text: num(p.shares, 6), cls: "num" })], ["Entry", (p) => ({ text: num(p.entryPrice), cls: "num" })],
    ["Since", (p) => iso(p.entryTime)], ["Mark", (p) => ({ text: num(p.mark), cls: "num" })], ["PnL", (p) => signed(p.unrealizedPnl)],
    ["Return", (p) => ({ text: pct(p.unrealizedReturn), cls: p.unrealizedReturn >= 0 ? "num pos" : "num neg" })],
    ["As of", (p) => iso(p.asOf)]], positions, "No open positions.");
  table("#trades", [["Session", (t) => t.session], ["Instrument", (t) => t.instrument], ["Side", (t) => t.side],
    ["Entry", (t) => iso(t.entryTime)], ["Exit", (t) => iso(t.exitTime)], ["PnL", (t) => signed(t.pnl)],
    ["Exit reason", (t) => t.exitReason + (t.forced ? " (forced)" : "")]], trades.slice().reverse(), "No trades yet.");
  table("#instruments", [["Session", (r) => r.session], ["Instrument", (r) => r.instrument], ["Trades", (r) => r.trades],
    ["Win rate", (r) => ({ text: pct(r.winRate), cls: "num" })], ["PnL", (r) => signed(r.pnl)], ["Fees", (r) => ({ text: num(r.fees), cls: "num" })]],
    stats.instruments, "No trades yet.");
  table("#health", [["Time", (h) => iso(h.time)], ["Instrument", (h) => h.instrument || "(all)"], ["Level", (h) => h.level],
    ["Action", (h) => h.action || ""], ["Message", (h) => h.message || ""]], health.slice(-50).reverse(), "No health events.");
  table("#guards", [["Session", (g) => g.session], ["Guard", (g) => g.guard], ["State", (g) => g.state], ["Updated", (g) => iso(g.updatedAt)]],
    guards, "No guard state journaled.");
  table("#plugins", [["Kind", (p) => p.kind], ["Name", (p) => p.name], ["Plugin", (p) => p.plugin + " " + p.version], ["Status", (p) => p.status]],
    plugins, "No plugins.");
  const pick = $("#session-pick");
  if (selected == null || !sessions.some((s) => s.id === selected)) selected = sessions.length ? sessions[0].id : null;
  pick.innerHTML = sessions.map((s) => '<option value="' + s.id + '"' + (s.id === selected ? " selected" : "") + ">"
    + s.id + " " + escapeHtml(s.name) + " (" + s.status + ")</option>").join("");
  await drawEquity();
  drawModels(models);
  document.body.dataset.refreshed = String(Date.now());
}

$("#session-pick").addEventListener("change", (e) => { selected = Number(e.target.value); drawEquity(); });

function listen() {
  const events = new EventSource("/api/events");
  events.addEventListener("hello", () => { $("#live").textContent = "live"; $("#live").className = "pill ok"; });
  events.addEventListener("update", () => {
    updates += 1;
    document.body.dataset.updates = String(updates);
    $("#updates").textContent = String(updates);
    refresh().catch(showError);
  });
  events.onerror = () => { $("#live").textContent = "reconnecting"; $("#live").className = "pill down"; };
}

function showError(e) {
  $("#live").textContent = "error: " + e.message;
  $("#live").className = "pill down";
}

refresh().catch(showError);
listen();
