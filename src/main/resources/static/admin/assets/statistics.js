// The statistics page's charts, drawn with ECharts from the data the page carries (data-charts): no inline
// script, so the Content-Security-Policy stays strict.
document.addEventListener('DOMContentLoaded', function () {
  var holder = document.getElementById('charts');
  if (!holder || !window.echarts) {
    return;
  }
  var charts = JSON.parse(holder.dataset.charts);
  var drawn = [];
  charts.forEach(function (data) {
    var element = holder.querySelector('.chart[data-key="' + data.key + '"]');
    if (!element) {
      return;
    }
    element.style.height = data.kind === 'ranking' ? Math.max(220, 40 + 28 * data.rows.length) + 'px' : '320px';
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(option(data));
    drawn.push(chart);
  });
  window.addEventListener('resize', function () {
    drawn.forEach(function (chart) { chart.resize(); });
  });

  function option(data) {
    var categories = data.rows.map(function (row) { return row[0]; });
    var series = data.columns.slice(1).map(function (name, index) {
      return {
        name: name,
        type: data.kind === 'line' ? 'line' : 'bar',
        stack: data.kind === 'stacked' ? 'total' : undefined,
        connectNulls: false,
        data: data.rows.map(function (row) { return row[index + 1]; })
      };
    });
    if (data.kind === 'ranking') {
      return {
        animation: false,
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: categories,
          axisLabel: { width: 260, overflow: 'truncate' } },
        series: series
      };
    }
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: categories },
      yAxis: data.kind === 'line' ? { type: 'value', min: 0, max: 100 } : { type: 'value', minInterval: 1 },
      series: series
    };
  }
});
