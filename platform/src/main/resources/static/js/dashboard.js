/*
 * Draws the dashboard's tables as charts with ECharts, and again whenever htmx replaces
 * them after a change of the event. The tables stay on the page: they are the figures
 * for whoever reads rather than looks, and the one source of the charts.
 */
(function () {
	'use strict';

	var charts = [];

	function number(cell) {
		var value = Number(cell.textContent.trim());
		return isNaN(value) ? 0 : value;
	}

	/* Categories from the first column, one series per other column. */
	function read(table) {
		var names = Array.prototype.slice.call(table.tHead.rows[0].cells, 1).map(function (cell) {
			return cell.textContent.trim();
		});
		var rows = Array.prototype.slice.call(table.tBodies[0].rows);
		return {
			categories: rows.map(function (row) { return row.cells[0].textContent.trim(); }),
			series: names.map(function (name, column) {
				return { name: name, values: rows.map(function (row) { return number(row.cells[column + 1]); }) };
			})
		};
	}

	function option(kind, figures, colors) {
		var base = { animation: false, color: colors, tooltip: { trigger: kind === 'pie' ? 'item' : 'axis' } };
		if (kind === 'pie') {
			base.series = [{
				type: 'pie', radius: ['35%', '65%'],
				data: figures.categories.map(function (name, index) {
					// Each category keeps its colour when others are left out.
					return {
						name: name, value: figures.series[0].values[index],
						itemStyle: colors ? { color: colors[index % colors.length] } : undefined
					};
				}).filter(function (slice) { return slice.value > 0; })
			}];
			base.legend = { bottom: 0, type: 'scroll' };
			return base;
		}
		var horizontal = kind === 'stacked';
		// Bars across the page list their categories from the top, in the table's order.
		var categories = { type: 'category', data: figures.categories, inverse: horizontal, axisLabel: { hideOverlap: true } };
		var values = { type: 'value', minInterval: 1 };
		base.grid = { left: 8, right: 16, top: 16, bottom: figures.series.length > 1 ? 56 : 8, containLabel: true };
		base.xAxis = horizontal ? values : categories;
		base.yAxis = horizontal ? categories : values;
		base.series = figures.series.map(function (series) {
			return {
				// A line needs a few points to read as one: bars until then.
				name: series.name, data: series.values,
				type: kind === 'line' && figures.categories.length > 2 ? 'line' : 'bar',
				stack: horizontal ? 'all' : undefined, colorBy: figures.series.length > 1 ? 'series' : 'data'
			};
		});
		if (figures.series.length > 1) {
			base.legend = { bottom: 0, type: 'scroll' };
		}
		return base;
	}

	function draw() {
		charts.forEach(function (chart) { chart.dispose(); });
		charts = [];
		if (typeof echarts === 'undefined') {
			return;
		}
		document.querySelectorAll('table[data-chart]').forEach(function (table) {
			var anchor = table.closest('details') || table.closest('.table-scroll') || table;
			var element = document.createElement('div');
			element.className = 'chart';
			element.id = 'chart-' + table.id;
			element.setAttribute('aria-hidden', 'true');
			anchor.parentNode.insertBefore(element, anchor);
			var colors = (table.dataset.colors || '').split(',').filter(Boolean);
			var chart = echarts.init(element);
			chart.setOption(option(table.dataset.chart, read(table), colors.length ? colors : undefined));
			charts.push(chart);
		});
	}

	draw();
	document.body.addEventListener('htmx:afterSettle', function () {
		if (document.getElementById('dashboard-content') && !document.querySelector('#dashboard-content .chart')) {
			draw();
		}
	});
	window.addEventListener('resize', function () {
		charts.forEach(function (chart) { chart.resize(); });
	});
}());
