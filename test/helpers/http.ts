// Small HTTP helpers: requests as a browser with JavaScript off would make them.
export interface Page {
  status: number
  headers: Headers
  html: string
  location: string | null
}

export async function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Page> {
  const res = await fetch(base + path, { redirect: 'manual', headers })
  return {
    status: res.status,
    headers: res.headers,
    html: await res.text(),
    location: res.headers.get('location'),
  }
}

export async function postForm(
  base: string,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Page> {
  const res = await fetch(base + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  })
  return {
    status: res.status,
    headers: res.headers,
    html: await res.text(),
    location: res.headers.get('location'),
  }
}

/** The value of a hidden input in a page. */
export function hiddenValue(html: string, name: string): string {
  const m = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html)
  if (!m) throw new Error(`no hidden input "${name}" in page`)
  return m[1]!
}

/** The path of the first link to `prefix` found in a mail's text: "/confirm/abc…". */
export function linkIn(text: string, prefix: string): string {
  const m = new RegExp(`https?://[^/\\s]+((?:/[a-z]{2})?/${prefix}/[A-Za-z0-9_-]+)`).exec(text)
  if (!m) throw new Error(`no ${prefix} link in mail`)
  return m[1]!
}

export const validSignature = (overrides: Record<string, string> = {}): Record<string, string> => ({
  first_name: 'Camille',
  last_name: 'Durand',
  email: 'camille.durand@univ-tlse3.fr',
  category: 'researcher',
  institution: 'Université Toulouse III',
  discipline: 'Écologie',
  comment: '',
  public: '1',
  consent: '1',
  website: '',
  ...overrides,
})
