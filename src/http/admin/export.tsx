// The exports. POSTs, because each export is recorded: a GET must change nothing.
// The CSV holds every confirmed signature for the collective; the list for
// publication holds the public ones as a newspaper prints them, streamed.
import { Hono } from 'hono'
import { exportSignaturesCsv } from '../../domain/exports.js'
import { AppError } from '../../domain/errors.js'
import {
  PUBLICATION_FORMATS,
  PUBLICATION_GROUPINGS,
  type PublicationFormat,
  type PublicationGrouping,
  publicationList,
  startPublicationList,
} from '../../domain/publication-list.js'
import { ExportPage } from '../../views/admin/export.js'
import { blocksOf } from '../../views/publication-list/blocks.js'
import { docxList } from '../../views/publication-list/docx.js'
import { pdfList } from '../../views/publication-list/pdf.js'
import { textList } from '../../views/publication-list/text.js'
import { formText } from '../form-body.js'
import { render } from '../render.js'
import { streamedBody } from '../streamed.js'
import type { AdminEnv } from './env.js'

export const exportRoutes = new Hono<AdminEnv>()

exportRoutes.get('/', (c) => render(c, <ExportPage a={c.var.admin} />))

exportRoutes.post('/', async (c) => {
  const { ctx, session } = c.var
  const { csv } = await exportSignaturesCsv(ctx, session.email)
  const day = ctx.now().toISOString().slice(0, 10)
  return c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="signatures-${day}.csv"`,
    'Cache-Control': 'no-store',
  })
})

const TYPES: Record<PublicationFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain; charset=utf-8',
}

exportRoutes.post('/list', async (c) => {
  const { ctx, session } = c.var
  const body = await c.req.parseBody()
  const format = formText(body, 'format') as PublicationFormat | undefined
  if (!format || !PUBLICATION_FORMATS.includes(format)) throw new AppError('bad_request', 'format')
  const site = ctx.config.site
  const asked = formText(body, 'locale') ?? ''
  const locale = site.locales.includes(asked) ? asked : site.defaultLocale
  const grouping = (formText(body, 'grouping') ?? 'category') as PublicationGrouping
  if (!PUBLICATION_GROUPINGS.includes(grouping)) throw new AppError('bad_request', 'grouping')
  const head = await startPublicationList(ctx, session.email, format, grouping)
  const blocks = blocksOf(site, locale, head, publicationList(ctx.db, site, grouping))
  const chunks =
    format === 'pdf'
      ? pdfList(blocks, { title: site.title[locale] ?? '' })
      : format === 'docx'
        ? docxList(blocks)
        : textList(blocks)
  const day = head.at.toISOString().slice(0, 10)
  return new Response(streamedBody(chunks), {
    headers: {
      'Content-Type': TYPES[format],
      'Content-Disposition': `attachment; filename="signataires-${day}.${format}"`,
      'Cache-Control': 'no-store',
    },
  })
})
