// Draws the charts of the «Результаты» screens with Chart.js (served from our own
// static files). Data comes from a <script type="application/json"> block, so no
// inline script is needed (the admin's CSP forbids them).
(function () {
  "use strict";
  const source = document.getElementById("results-chart-data");
  if (!source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const number = new Intl.NumberFormat("ru-RU");
  const palette = ["#2e5aac", "#d2691e", "#2a8c55", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d"];
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  const ticks = { callback: (value) => number.format(value) };

  function bar(id, labels, values, label, color) {
    const canvas = document.getElementById(id);
    if (!canvas) return;
    new Chart(canvas, {
      type: "bar",
      data: { labels, datasets: [{ label, data: values, backgroundColor: color }] },
      options: {
        animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks } },
      },
    });
  }

  bar("results-by-day", data.days, data.views_by_day, data.labels && data.labels.views, palette[0]);
  bar("results-by-hour", data.hours, data.views_by_hour, data.labels && data.labels.avg_views, palette[1]);

  // Removed comments by reason, one bar a reason (its words on the axis, long
  // enough to read), stacked by network when there are several.
  const reasons = document.getElementById("results-reasons");
  if (reasons && data.moderation) {
    const m = data.moderation;
    reasons.parentElement.style.height = 3 + 2.25 * m.reasons.length + "rem";
    new Chart(reasons, {
      type: "bar",
      data: {
        labels: m.reasons,
        datasets: m.datasets.map((set, i) => ({
          label: set.label,
          data: set.data,
          backgroundColor: palette[i % palette.length],
          maxBarThickness: 28,
        })),
      },
      options: {
        indexAxis: "y",
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: m.datasets.length > 1 } },
        scales: {
          x: { stacked: true, beginAtZero: true, ticks: { precision: 0, ...ticks } },
          y: { stacked: true },
        },
      },
    });
  }

  const piece = document.getElementById("results-piece");
  if (piece) {
    new Chart(piece, {
      type: "line",
      data: {
        datasets: data.lines.map((line, i) => ({
          label: line.label,
          data: line.points,
          borderColor: palette[i % palette.length],
          backgroundColor: palette[i % palette.length],
          tension: 0.25,
        })),
      },
      options: {
        animation: false,
        parsing: true,
        scales: {
          x: { type: "linear", title: { display: true, text: data.labels.x } },
          y: { beginAtZero: true, title: { display: true, text: data.labels.y }, ticks },
        },
      },
    });
  }

  const audience = document.getElementById("results-audience");
  if (audience) {
    new Chart(audience, {
      type: "line",
      data: {
        labels: data.points.map((p) => p.x),
        datasets: [{ label: data.labels.y, data: data.points.map((p) => p.y),
                     borderColor: palette[0], backgroundColor: palette[0], tension: 0.2 }],
      },
      options: { animation: false, plugins: { legend: { display: false } },
                 scales: { y: { ticks } } },
    });
  }
})();
