// The growth chart, drawn on the server as SVG: no script, no request. Screen
// readers get its title and a summary; the values are in the table beside it.
import type { GrowthPoint } from '../domain/statistics.js'
import type { PageContext } from './page-context.js'

const W = 640
const H = 240
const PAD = { left: 56, right: 16, top: 16, bottom: 32 }

export function GrowthChart({ p, points }: { p: PageContext; points: GrowthPoint[] }) {
  if (points.length === 0) return null
  const m = p.m.stats
  const t0 = Date.parse(points[0]!.start)
  const t1 = Date.parse(points.at(-1)!.start)
  const span = Math.max(t1 - t0, 1)
  const max = Math.max(points.at(-1)!.cumulative, 1)
  const x = (start: string) => PAD.left + ((Date.parse(start) - t0) / span) * (W - PAD.left - PAD.right)
  const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom)
  // A single day has no trend: one bar at its date, not a line between two identical dates.
  const single = points.length === 1
  const coords = points.map((pt) => `${x(pt.start).toFixed(1)},${y(pt.cumulative).toFixed(1)}`)
  const first = coords[0]!.split(',')[0]
  const lastX = coords.at(-1)!.split(',')[0]
  const area = `M${first},${y(0)} L${coords.join(' L')} L${lastX},${y(0)} Z`
  const firstLabel = p.m.date(points[0]!.start)
  const lastLabel = p.m.date(points.at(-1)!.start)
  const mid = (PAD.left + W - PAD.right) / 2
  const barWidth = 24
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby="chart-title chart-desc"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="chart-title">{m.chartTitle}</title>
      <desc id="chart-desc">
        {m.chartDesc({ first: firstLabel, last: lastLabel, total: points.at(-1)!.cumulative })}
      </desc>
      <line
        class="axis"
        x1={PAD.left}
        y1={H - PAD.bottom}
        x2={W - PAD.right}
        y2={H - PAD.bottom}
        stroke="currentColor"
      />
      <line class="axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} stroke="currentColor" />
      {single ? (
        <rect
          class="bar"
          x={mid - barWidth / 2}
          y={y(points[0]!.cumulative)}
          width={barWidth}
          height={y(0) - y(points[0]!.cumulative)}
        />
      ) : (
        <>
          <path class="area" d={area} />
          <polyline class="line" points={coords.join(' ')} fill="none" stroke="currentColor" />
        </>
      )}
      <text x={PAD.left - 6} y={PAD.top + 4} text-anchor="end" aria-hidden="true">
        {p.m.number(max)}
      </text>
      <text x={PAD.left - 6} y={H - PAD.bottom} text-anchor="end" aria-hidden="true">
        0
      </text>
      {single ? (
        <text x={mid} y={H - 8} text-anchor="middle" aria-hidden="true">
          {firstLabel}
        </text>
      ) : (
        <>
          <text x={PAD.left} y={H - 8} aria-hidden="true">
            {firstLabel}
          </text>
          <text x={W - PAD.right} y={H - 8} text-anchor="end" aria-hidden="true">
            {lastLabel}
          </text>
        </>
      )}
    </svg>
  )
}
