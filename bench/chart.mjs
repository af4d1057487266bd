// The bench's results as an SVG chart (hand-written, no chart library): for each database, req/s and p99
// latency per scenario for the app, its floor (GET /api/health on the same server), bare node and raw pg
// (and the baseline, when the run had one). Goal marks sit on the app's bars on PostgreSQL.
// Usage: node bench/chart.mjs bench/results/<time>.json > chart.svg (bench/run.mjs writes one per run).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SERIES = [
  { key: "baseline", label: "baseline (before)", color: "#a5b4fc", value: (r, m) => r.baseline?.[m] },
  { key: "app", label: "app", color: "#2563eb", value: (r, m) => r.app?.[m] },
  { key: "floor", label: "floor (GET /api/health)", color: "#f59e0b", value: (r, m) => r.floor?.[m] },
  { key: "bare", label: "bare node:http + pg", color: "#10b981", value: (r, m) => r.bare?.[m] },
  { key: "raw", label: "raw pg", color: "#6b7280", value: (r, m) => (m === "reqPerSec" ? r.raw?.opsPerSec : r.raw?.[m]) },
];
const METRICS = [
  { key: "reqPerSec", title: "requests per second (higher is better)", digits: 0 },
  { key: "p99", title: "p99 latency, ms (lower is better)", digits: 0 },
];

const esc = (text) => String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const num = (n, digits = 0) =>
  n === undefined || n === null ? "" : n >= 100 || Number.isInteger(n) ? n.toFixed(0) : n.toFixed(digits);

/** A round top for the axis and its step: 1, 2 or 5 × 10^n, about five ticks. */
function axis(max) {
  if (!(max > 0)) return { top: 1, step: 0.2 };
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return { top: Math.ceil(max / step) * step, step };
}

const shortName = (scenario) => scenario.replace("ZITADEL auth", "ZITADEL");

export function chartSvg(result) {
  const rows = result.rows;
  const databases = [...new Set(rows.map((r) => r.database))];
  const series = SERIES.filter((s) => rows.some((r) => s.value(r, "reqPerSec") !== undefined));
  const scenarios = [...new Set(rows.map((r) => r.scenario))];

  const width = 1040;
  const margin = { left: 56, right: 16 };
  const gap = 48; // between the databases' panels
  const panelWidth = (width - margin.left - margin.right - gap * (databases.length - 1)) / databases.length;
  const plotHeight = 190;
  const panelHeight = plotHeight + 96; // title above, scenario names and ratios below
  const top = 92;
  const height = top + METRICS.length * panelHeight + 40;
  const groupWidth = panelWidth / scenarios.length;
  const barWidth = Math.min(22, (groupWidth - 18) / series.length);

  const out = [];
  const add = (s) => out.push(s);
  add(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="11">`);
  add(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  const m = result.machine ?? {};
  const started = result.startedAt ? new Date(result.startedAt).toISOString().slice(0, 16).replace("T", " ") : "";
  add(`<text x="${margin.left}" y="24" font-size="16" font-weight="600" fill="#111827">Profile API under load (npm run bench) — ${esc(started)} UTC</text>`);
  const settings = result.settings ?? {};
  add(
    `<text x="${margin.left}" y="42" fill="#374151">${esc(
      `${m.cores ?? "?"} cores · ${m.cpu ?? "unknown CPU"} · servers on Node ${m.serverNode ?? m.node ?? "?"}` +
        (m.postgres ? ` · PostgreSQL ${m.postgres.split(" ")[0]}` : "") +
        (m.pglite ? ` · PGlite (PostgreSQL ${m.pglite.split(" ")[0]})` : "") +
        ` · ${settings.connections ?? "?"} connections, ${settings.seconds ?? "?"} s per scenario` +
        (m.loadAverageAtStart ? ` · load at start ${m.loadAverageAtStart[0]}` : ""),
    )}</text>`,
  );
  // Legend.
  let lx = margin.left;
  for (const s of series) {
    add(`<rect x="${lx}" y="54" width="12" height="12" fill="${s.color}"/>`);
    add(`<text x="${lx + 16}" y="64" fill="#111827">${esc(s.label)}</text>`);
    lx += 30 + s.label.length * 5.6;
  }
  add(`<line x1="${lx}" y1="60" x2="${lx + 14}" y2="60" stroke="#111827" stroke-width="2" stroke-dasharray="3 2"/>`);
  add(`<text x="${lx + 18}" y="64" fill="#111827">goal: app ≥ ${settings.floorGoals?.GET ?? 0.7} × floor (GET), ${settings.floorGoals?.PUT ?? 0.5} × (PUT)</text>`);

  METRICS.forEach((metric, mi) => {
    databases.forEach((database, di) => {
      const x0 = margin.left + di * (panelWidth + gap);
      const y0 = top + mi * panelHeight + 22; // top of the plot area
      const ofDb = rows.filter((r) => r.database === database);
      const values = ofDb.flatMap((r) => series.map((s) => s.value(r, metric.key))).filter((v) => v !== undefined && v !== null);
      const { top: yTop, step } = axis(Math.max(...values) * 1.12);
      const y = (v) => y0 + plotHeight - (v / yTop) * plotHeight;
      add(`<text x="${x0}" y="${y0 - 10}" font-size="13" font-weight="600" fill="#111827">${esc(database)} — ${esc(metric.title)}</text>`);
      for (let t = 0; t <= yTop + step / 2; t += step) {
        add(`<line x1="${x0}" y1="${y(t)}" x2="${x0 + panelWidth}" y2="${y(t)}" stroke="${t === 0 ? "#9ca3af" : "#e5e7eb"}"/>`);
        add(`<text x="${x0 - 6}" y="${y(t) + 4}" text-anchor="end" fill="#6b7280">${num(t, step < 1 ? 1 : 0)}</text>`);
      }
      scenarios.forEach((scenario, si) => {
        const r = ofDb.find((row) => row.scenario === scenario);
        if (!r) return;
        const gx = x0 + si * groupWidth + (groupWidth - barWidth * series.length) / 2;
        series.forEach((s, k) => {
          const v = s.value(r, metric.key);
          if (v === undefined || v === null) return;
          const bx = gx + k * barWidth;
          add(`<rect x="${bx + 1}" y="${y(v)}" width="${barWidth - 2}" height="${y(0) - y(v)}" fill="${s.color}"><title>${esc(`${s.label}: ${num(v, 1)}`)}</title></rect>`);
          const lxv = bx + barWidth / 2 + 3;
          add(`<text transform="translate(${lxv} ${y(v) - 3}) rotate(-90)" fill="#374151" font-size="10">${num(v, 1)}</text>`);
          // The floor goal on the app's bar (req/s on PostgreSQL): where the app should reach.
          if (s.key === "app" && metric.key === "reqPerSec" && database === "PostgreSQL" && r.floor && r.floorGoal) {
            const gy = y(r.floor.reqPerSec * r.floorGoal);
            add(`<line x1="${bx - 2}" y1="${gy}" x2="${bx + barWidth + 2}" y2="${gy}" stroke="#111827" stroke-width="2" stroke-dasharray="3 2"><title>goal: ${r.floorGoal} × floor = ${num(r.floor.reqPerSec * r.floorGoal)} req/s</title></line>`);
          }
        });
        const cx = x0 + si * groupWidth + groupWidth / 2;
        add(`<text x="${cx}" y="${y0 + plotHeight + 16}" text-anchor="middle" fill="#111827" font-weight="600">${esc(shortName(scenario))}</text>`);
        if (metric.key === "reqPerSec") {
          const ratios = [
            r.appVsFloor !== undefined && `${r.appVsFloor.toFixed(2)}× floor`,
            r.appVsBare !== undefined && `${r.appVsBare.toFixed(2)}× bare`,
            r.appVsBaseline !== undefined && `${r.appVsBaseline.toFixed(2)}× before`,
          ].filter(Boolean);
          ratios.forEach((text, i) =>
            add(`<text x="${cx}" y="${y0 + plotHeight + 30 + i * 13}" text-anchor="middle" fill="#374151">app ${esc(text)}</text>`),
          );
        }
      });
    });
  });
  const notes = [
    "Same machine, same run; every request uses another user's API token. app = next start (route handlers, Prisma);",
    "floor = a constant JSON route on the same server (no database, no auth); bare = bench/bare-server.mjs; raw = bench/ops.mjs' SQL without HTTP.",
  ];
  notes.forEach((note, i) => add(`<text x="${margin.left}" y="${height - 30 + i * 14}" fill="#6b7280">${esc(note)}</text>`));
  add("</svg>");
  return `${out.join("\n")}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: node bench/chart.mjs <results.json> > chart.svg");
    process.exit(2);
  }
  process.stdout.write(chartSvg(JSON.parse(fs.readFileSync(file, "utf8"))));
}
