// The part of Apache ECharts the dashboard draws with (bundled by web/bouw.mjs into
// dist/echarts.js): bar, line and scatter series on a grid, with tooltip, legend and mark
// lines, drawn as SVG. A chart type or component not registered here is silently not drawn,
// so a page that starts using one adds it here.
import { use, init } from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

export { init };
