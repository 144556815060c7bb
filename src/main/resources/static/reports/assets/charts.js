// Draws each <canvas data-chart="key"> of a report page from window.reportCharts[key]
// ({type, labels, series: [{label, values}]}). The tables beside the charts hold the same
// numbers, so a page without JavaScript, or printed, still says everything.
(function () {
  const colours = ['#0b5cad', '#b44d12', '#1c7c54', '#ba2525', '#7b61c9', '#616e7c'];
  if (typeof Chart === 'undefined' || !window.reportCharts) {
    return;
  }
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    const spec = window.reportCharts[canvas.dataset.chart];
    if (!spec) {
      return;
    }
    const round = spec.type === 'doughnut';
    const chart = new Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (series, i) {
          return {
            label: series.label,
            data: series.values,
            borderColor: round ? '#fff' : colours[i % colours.length],
            backgroundColor: round ? colours.slice(0, series.values.length) : colours[i % colours.length],
            spanGaps: false
          };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: round ? {} : {y: {beginAtZero: true, ticks: {precision: 0}}}
      }
    });
    // Tells browser tests the chart is there.
    canvas.dataset.drawn = String(chart.data.datasets.length);
  });
})();
