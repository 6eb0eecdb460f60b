/** One bar: its label under the axis, its value (any unit) and its full name as people read it (label and value). */
export interface Bar {
  key: string;
  label: string;
  value: number;
  name: string;
}

const BAR = 28;
const GAP = 12;
const HEIGHT = 160;
const LABEL = 20;
/** The chart is laid out for at least a year of bars, so a few months do not stretch into giant bars. */
const MIN_BARS = 12;

/**
 * A bar chart drawn as SVG of our own: a chart library would weigh more than this tab's code, for
 * one chart. Colours are the theme's CSS variables, so it reads in light and dark; each bar is a
 * list item named with its label and value (and a tooltip), so a screen reader hears the figures.
 * Negative bars (a month of refunds) go below the axis.
 */
export function BarChart({ label, bars }: { label: string; bars: readonly Bar[] }) {
  const top = Math.max(0, ...bars.map((bar) => bar.value));
  const bottom = Math.min(0, ...bars.map((bar) => bar.value));
  const span = top - bottom || 1;
  const y = (value: number) => ((top - value) / span) * HEIGHT;
  const width = Math.max(MIN_BARS, bars.length) * (BAR + GAP) + GAP;
  return (
    <svg
      className="bar-chart"
      role="list"
      aria-label={label}
      viewBox={`0 0 ${width} ${HEIGHT + LABEL}`}
      preserveAspectRatio="xMinYMid meet"
      style={{ maxWidth: `${width * 1.5}px` }}
    >
      <line className="bar-axis" x1={0} x2={width} y1={y(0)} y2={y(0)} />
      {bars.map((bar, index) => {
        const x = GAP + index * (BAR + GAP);
        return (
          <g key={bar.key} role="listitem" aria-label={bar.name}>
            <title>{bar.name}</title>
            <rect
              className={bar.value < 0 ? 'bar bar-negative' : 'bar'}
              x={x}
              y={Math.min(y(bar.value), y(0))}
              width={BAR}
              height={Math.max(1, Math.abs(y(bar.value) - y(0)))}
              rx={3}
            />
            <text className="bar-label" x={x + BAR / 2} y={HEIGHT + LABEL - 5} textAnchor="middle" aria-hidden="true">
              {bar.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
