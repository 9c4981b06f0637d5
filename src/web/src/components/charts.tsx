/** Small SVG charts: no chart library, no inline styles, colours from the stylesheet (series-N). */

export interface Series {
  readonly name: string;
  readonly values: readonly number[];
}

export interface ChartData {
  readonly labels: readonly string[];
  readonly series: readonly Series[];
}

const W = 640;
const H = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 44 };

function maxOf(data: ChartData): number {
  return Math.max(1, ...data.series.flatMap((series) => series.values));
}

function Legend({ names }: { names: readonly string[] }) {
  if (names.length < 2) return null;
  return (
    <ul class="legend">
      {names.map((name, i) => (
        <li key={name}>
          <span class={`swatch series-${i % 8}`} aria-hidden="true" />
          {name}
        </li>
      ))}
    </ul>
  );
}

function Axes({ max, labels }: { max: number; labels: readonly string[] }) {
  const ticks = [0, 0.5, 1].map((f) => Math.round(max * f));
  const every = Math.max(1, Math.ceil(labels.length / 6));
  const x = (i: number) => PAD.left + ((W - PAD.left - PAD.right) * (i + 0.5)) / Math.max(1, labels.length);
  return (
    <g class="axes">
      {ticks.map((tick) => {
        const y = H - PAD.bottom - ((H - PAD.top - PAD.bottom) * tick) / max;
        return (
          <g key={tick}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} class="grid" />
            <text x={PAD.left - 6} y={y + 4} text-anchor="end">
              {tick}
            </text>
          </g>
        );
      })}
      {labels.map((label, i) =>
        i % every === 0 ? (
          <text key={`${label}-${i}`} x={x(i)} y={H - 8} text-anchor="middle">
            {label.length > 16 ? `${label.slice(0, 15)}…` : label}
          </text>
        ) : null,
      )}
    </g>
  );
}

/** A table alternative for screen readers, so the chart is not just a picture. */
function DataTable({ data, title }: { data: ChartData; title: string }) {
  return (
    <table class="visually-hidden">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th>label</th>
          {data.series.map((series) => (
            <th key={series.name}>{series.name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.labels.map((label, i) => (
          <tr key={`${label}-${i}`}>
            <td>{label}</td>
            {data.series.map((series) => (
              <td key={series.name}>{series.values[i] ?? 0}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LineChart({ data, title }: { data: ChartData; title: string }) {
  const max = maxOf(data);
  const n = Math.max(1, data.labels.length);
  const x = (i: number) => PAD.left + ((W - PAD.left - PAD.right) * (i + 0.5)) / n;
  const y = (v: number) => H - PAD.bottom - ((H - PAD.top - PAD.bottom) * v) / max;
  return (
    <figure class="chart" data-chart="timechart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <Axes max={max} labels={data.labels} />
        {data.series.map((series, s) => (
          <polyline
            key={series.name}
            class={`line series-${s % 8}`}
            points={series.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
          />
        ))}
      </svg>
      <Legend names={data.series.map((series) => series.name)} />
      <DataTable data={data} title={title} />
    </figure>
  );
}

export function BarChart({ data, title }: { data: ChartData; title: string }) {
  const max = maxOf(data);
  const n = Math.max(1, data.labels.length);
  const slot = (W - PAD.left - PAD.right) / n;
  const barWidth = Math.max(2, (slot * 0.8) / Math.max(1, data.series.length));
  return (
    <figure class="chart" data-chart="barchart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <Axes max={max} labels={data.labels} />
        {data.series.map((series, s) =>
          series.values.map((v, i) => {
            const height = ((H - PAD.top - PAD.bottom) * v) / max;
            return (
              <rect
                key={`${series.name}-${i}`}
                class={`bar series-${s % 8}`}
                x={PAD.left + slot * i + slot * 0.1 + barWidth * s}
                y={H - PAD.bottom - height}
                width={barWidth}
                height={height}
              >
                <title>{`${data.labels[i]}: ${v}`}</title>
              </rect>
            );
          }),
        )}
      </svg>
      <Legend names={data.series.map((series) => series.name)} />
      <DataTable data={data} title={title} />
    </figure>
  );
}

export function PieChart({ data, title }: { data: ChartData; title: string }) {
  const values = data.series[0]?.values ?? [];
  const total = values.reduce((sum, v) => sum + Math.max(0, v), 0) || 1;
  let angle = -Math.PI / 2;
  const r = 90;
  const c = { x: 110, y: 110 };
  const slices = values.map((v, i) => {
    const share = Math.max(0, v) / total;
    const start = angle;
    angle += share * Math.PI * 2;
    const large = share > 0.5 ? 1 : 0;
    const p = (a: number) => `${c.x + r * Math.cos(a)},${c.y + r * Math.sin(a)}`;
    const d =
      share >= 0.9999
        ? `M ${c.x - r},${c.y} a ${r},${r} 0 1,0 ${2 * r},0 a ${r},${r} 0 1,0 ${-2 * r},0`
        : `M ${c.x},${c.y} L ${p(start)} A ${r},${r} 0 ${large} 1 ${p(angle)} Z`;
    return { d, label: data.labels[i] ?? '', v, i };
  });
  return (
    <figure class="chart pie" data-chart="piechart">
      <svg viewBox="0 0 220 220" role="img" aria-label={title}>
        {slices.map((slice) => (
          <path key={slice.i} d={slice.d} class={`slice series-${slice.i % 8}`}>
            <title>{`${slice.label}: ${slice.v}`}</title>
          </path>
        ))}
      </svg>
      <Legend names={[...data.labels]} />
      <DataTable data={data} title={title} />
    </figure>
  );
}

/** Horizontal bars for "top N" lists (riskiest servers, users, tools). */
export function TopList({
  items,
  label,
}: {
  items: readonly { name: string; count: number }[];
  label: string;
}) {
  const max = Math.max(1, ...items.map((item) => item.count));
  if (items.length === 0) return <p class="empty">Nothing yet.</p>;
  return (
    <ol class="toplist" aria-label={label}>
      {items.map((item) => (
        <li key={item.name}>
          <span class="toplist-name">{item.name}</span>
          <meter min={0} max={max} value={item.count} aria-label={`${item.name}: ${item.count}`} />
          <span class="toplist-count">{item.count}</span>
        </li>
      ))}
    </ol>
  );
}
