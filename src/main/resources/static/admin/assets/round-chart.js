// The round dashboard's chart: one bar per department, stacked by status, from the data the page carries
// (data-chart), so that no inline script is needed under the Content-Security-Policy.
document.addEventListener('DOMContentLoaded', function () {
  var element = document.getElementById('round-chart');
  if (!element || !window.echarts) {
    return;
  }
  var data = JSON.parse(element.dataset.chart);
  var colors = ['#b0b7c3', '#3b82f6', '#ef4444', '#16a34a'];
  var chart = window.echarts.init(element);
  chart.setOption({
    animation: false,
    color: colors,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: data.departments, inverse: true },
    series: data.series.map(function (s) {
      return { name: s.name, type: 'bar', stack: 'status', data: s.data, label: { show: false } };
    })
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
