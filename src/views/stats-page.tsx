// /stats: totals, categories, disciplines and growth, each as a table; the chart
// repeats the growth table for sighted readers.
import { organisationsOpen } from '../domain/organisations.js'
import type { Statistics } from '../domain/statistics.js'
import { GrowthChart } from './growth-chart.js'
import { Layout } from './layout.js'
import type { PageContext } from './page-context.js'
import { categoryLabel, CountTable } from './parts.js'

/** Disciplines shown: the most given; the whole list is in the API and open data. */
export const TOP_DISCIPLINES = 20

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('fr') + s.slice(1)
}

export function StatsPage({ p, stats }: { p: PageContext; stats: Statistics }) {
  const m = p.m.stats
  const n = p.m.number
  const points = stats.growth
  const disciplines = stats.byDiscipline.slice(0, TOP_DISCIPLINES)
  const othersBeyondTop = stats.byDiscipline.slice(TOP_DISCIPLINES).reduce((sum, d) => sum + d.count, 0)
  return (
    <Layout p={p} title={m.title} description={p.m.meta.stats}>
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
      <p>{p.m.groups.note({ k: p.site.minGroupSize })}</p>
      <h2 id="by-category">{m.byCategory}</h2>
      <CountTable
        p={p}
        labelledBy="by-category"
        what={m.category}
        howMany={m.count}
        rows={stats.byCategory.map((c) => ({ label: categoryLabel(p, c.key), count: c.count }))}
      />
      {disciplines.length > 0 || stats.otherDisciplines !== undefined ? (
        <>
          <h2 id="by-discipline">{m.byDiscipline}</h2>
          <p>{m.disciplineNote({ n: TOP_DISCIPLINES })}</p>
          <CountTable
            p={p}
            labelledBy="by-discipline"
            what={m.discipline}
            howMany={m.count}
            rows={[
              ...disciplines.map((d) => ({ label: capitalise(d.name), count: d.count })),
              // Named ones beyond the first (all in the API), then those never named: two rows,
              // so that an exact number never adds a group too small to show.
              ...(othersBeyondTop > 0 ? [{ label: m.moreDisciplines, count: othersBeyondTop }] : []),
              ...(stats.otherDisciplines !== undefined
                ? [{ label: m.otherDisciplines, count: stats.otherDisciplines }]
                : []),
            ]}
          />
        </>
      ) : null}
      {stats.byInstitutionType.length > 0 ? (
        <>
          <h2 id="by-institution-type">{m.byInstitutionType}</h2>
          <p>{m.institutionTypeNote}</p>
          <CountTable
            p={p}
            labelledBy="by-institution-type"
            what={m.institutionType}
            howMany={m.count}
            rows={stats.byInstitutionType.map((t) => ({
              label:
                t.key === null
                  ? m.otherInstitutionTypes
                  : (p.site.institutionTypes.find((x) => x.key === t.key)?.labels[p.locale] ?? t.key),
              count: t.count,
            }))}
          />
        </>
      ) : null}
      {stats.schools ? (
        <>
          <h2 id="by-school">{m.bySchool}</h2>
          <p>{m.schoolNote({ n: stats.schools.total })}</p>
          <h3 id="by-academy">{m.byAcademy}</h3>
          <CountTable
            p={p}
            labelledBy="by-academy"
            what={m.academy}
            howMany={m.count}
            rows={[
              ...stats.schools.byAcademy.map((a) => ({ label: a.name, count: a.count })),
              ...(stats.schools.otherAcademies !== undefined
                ? [{ label: m.otherAcademies, count: stats.schools.otherAcademies }]
                : []),
            ]}
          />
        </>
      ) : null}
      <h2 id="growth">{m.growth}</h2>
      {points.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <>
          <GrowthChart p={p} points={points} />
          {/* Folded: one row a day grows long; the chart says the trend, the numbers are one click away. */}
          <details class="day-table">
            <summary id="day-table">{m.dayTable}</summary>
            <div class="table-wrap">
              <table class="data" aria-labelledby="day-table">
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
          </details>
        </>
      )}
      <h2 id="open-data">{m.openData}</h2>
      <p>{m.openDataBody({ licence: p.site.openDataLicence })}</p>
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
        {organisationsOpen(p.site) && (
          <>
            <li>
              <a href="/open-data/organisations.csv" type="text/csv">
                organisations.csv
              </a>
            </li>
            <li>
              <a href="/open-data/organisations.json" type="application/json">
                organisations.json
              </a>
            </li>
          </>
        )}
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
