// The track page's chart of latest scenario results: one stacked bar per scenario, read from
// the counts table above it, so that the page needs no inline script (the Content-Security-Policy
// allows none) and the chart shows exactly what the table says.
document.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('results-chart');
  const rows = document.querySelectorAll('#scenario-counts tr.scenario-count');
  if (!element || rows.length === 0 || typeof echarts === 'undefined') {
    return;
  }
  const outcomes = element.dataset.outcomes.split(',');
  const headers = Array.from(document.querySelectorAll('#scenario-counts thead th')).slice(2)
    .map((header) => header.textContent);
  const scenarios = Array.from(rows).map((row) => row.dataset.scenario);
  const colors = { PASS: '#2e7d32', FAIL: '#c62828', PARTIAL: '#f9a825', NOTE: '#546e7a' };
  const series = outcomes.map((outcome, index) => ({
    name: headers[index] || outcome,
    type: 'bar',
    stack: 'results',
    itemStyle: { color: colors[outcome] },
    data: Array.from(rows).map((row) => Number(row.querySelectorAll('td.count')[index].textContent))
  }));
  element.style.height = Math.max(180, 60 * scenarios.length + 80) + 'px';
  const chart = echarts.init(element);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 100, right: 20, top: 40, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: scenarios },
    series: series
  });
  element.dataset.rendered = 'true';
  window.addEventListener('resize', () => chart.resize());
});
