// /stats: totals, categories, disciplines and growth, each as a table; the chart
// repeats the growth table for sighted readers.
import { growth, type Statistics } from '../domain/statistics.js'
import { GrowthChart } from './growth-chart.js'
import { categoryLabel } from './institution-pages.js'
import { Layout } from './layout.js'
import type { PageContext } from './page-context.js'

/** Disciplines shown: the most given; the whole list is in the API and open data. */
export const TOP_DISCIPLINES = 20

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('fr') + s.slice(1)
}

export function StatsPage({ p, stats }: { p: PageContext; stats: Statistics }) {
  const m = p.m.stats
  const n = p.m.number
  const points = growth(stats.byDay)
  const disciplines = stats.byDiscipline.slice(0, TOP_DISCIPLINES)
  return (
    <Layout p={p} title={m.title}>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <table class="data">
        <caption>{m.totals}</caption>
        <tbody>
          <tr>
            <th scope="row">{m.confirmed}</th>
            <td class="num">{n(stats.confirmed)}</td>
          </tr>
          <tr>
            <th scope="row">{m.listed}</th>
            <td class="num">{n(stats.public)}</td>
          </tr>
          <tr>
            <th scope="row">{m.verified}</th>
            <td class="num">{n(stats.verified)}</td>
          </tr>
          <tr>
            <th scope="row">{m.other}</th>
            <td class="num">{n(stats.confirmed - stats.verified)}</td>
          </tr>
          <tr>
            <th scope="row">{m.willing}</th>
            <td class="num">{n(stats.willing)}</td>
          </tr>
        </tbody>
      </table>
      <h2 id="by-category">{m.byCategory}</h2>
      <table class="data" aria-labelledby="by-category">
        <thead>
          <tr>
            <th scope="col">{m.category}</th>
            <th scope="col" class="num">
              {m.count}
            </th>
          </tr>
        </thead>
        <tbody>
          {stats.byCategory.map((c) => (
            <tr>
              <th scope="row">{categoryLabel(p, c.key)}</th>
              <td class="num">{n(c.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {disciplines.length > 0 ? (
        <>
          <h2 id="by-discipline">{m.byDiscipline}</h2>
          <p>{m.disciplineNote(TOP_DISCIPLINES)}</p>
          <table class="data" aria-labelledby="by-discipline">
            <thead>
              <tr>
                <th scope="col">{m.discipline}</th>
                <th scope="col" class="num">
                  {m.count}
                </th>
              </tr>
            </thead>
            <tbody>
              {disciplines.map((d) => (
                <tr>
                  <th scope="row">{capitalise(d.name)}</th>
                  <td class="num">{n(d.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h2>{m.growth}</h2>
      {points.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <>
          <GrowthChart p={p} points={points} />
          <div class="table-wrap">
            <table class="data">
              <caption>{m.dayTable}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.day}</th>
                  <th scope="col" class="num">
                    {m.onDay}
                  </th>
                  <th scope="col" class="num">
                    {m.cumulative}
                  </th>
                </tr>
              </thead>
              <tbody>
                {points.map((pt) => (
                  <tr>
                    <th scope="row">
                      <time datetime={pt.start}>{p.m.date(pt.start)}</time>
                    </th>
                    <td class="num">{n(pt.count)}</td>
                    <td class="num">{n(pt.cumulative)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h2>{m.openData}</h2>
      <p>{m.openDataBody(p.site.openDataLicence)}</p>
      <ul class="downloads">
        <li>
          <a href="/open-data/signatories.csv" type="text/csv">
            signatories.csv
          </a>
        </li>
        <li>
          <a href="/open-data/signatories.json" type="application/json">
            signatories.json
          </a>
        </li>
      </ul>
      <p>{m.api}</p>
      <ul class="downloads">
        <li>
          <a href={p.href('/feed.atom')} type="application/atom+xml">
            {m.feed}
          </a>
        </li>
        <li>
          <a href="/api/v1/stats" type="application/json">
            /api/v1/stats
          </a>
        </li>
      </ul>
    </Layout>
  )
}
