// Every page the browser suite checks (accessibility, budget, headers, cookies,
// screenshots). A new page is one more line here.
import type { SiteFixtures } from './fixtures.js'

export interface PageToCheck {
  /** Also the screenshot file name. */
  name: string
  /** The path to open; a function for pages behind a mailed link. */
  path: string | ((f: SiteFixtures) => string)
  locale: 'fr' | 'en'
  /** Expected HTTP status of the page (of the form's answer when `submitEmpty`). */
  status?: number
  /** Submit the page's form empty and check the answer (the 422 error state). */
  submitEmpty?: boolean
  /** Checked before any signature exists (the empty states). */
  emptySite?: boolean
  /** The sign form, or a link to it, must be within the first screen at every width. */
  signInFirstScreen?: boolean
  /** The URL holds a secret token: the page must not be stored by caches. */
  secret?: boolean
}

export const PAGES_TO_CHECK: PageToCheck[] = [
  { name: 'home-empty', path: '/', locale: 'fr', emptySite: true, signInFirstScreen: true },
  { name: 'signatories-empty', path: '/signatories', locale: 'fr', emptySite: true },
  { name: 'news-empty', path: '/actualites', locale: 'fr', emptySite: true },
  { name: 'testimonies-empty', path: '/testimonies', locale: 'fr', emptySite: true },
  { name: 'organisations-empty', path: '/organisations', locale: 'fr', emptySite: true },
  { name: 'home', path: '/', locale: 'fr', signInFirstScreen: true },
  { name: 'home-en', path: '/en/', locale: 'en', signInFirstScreen: true },
  { name: 'sign', path: '/sign', locale: 'fr', signInFirstScreen: true },
  { name: 'sign-en', path: '/en/sign', locale: 'en', signInFirstScreen: true },
  { name: 'sign-errors', path: '/sign', locale: 'fr', submitEmpty: true, status: 422 },
  { name: 'sign-errors-en', path: '/en/sign', locale: 'en', submitEmpty: true, status: 422 },
  { name: 'sign-sent', path: '/sign/sent', locale: 'fr' },
  { name: 'signatories', path: '/signatories', locale: 'fr' },
  { name: 'signatories-search', path: '/signatories?q=Durand', locale: 'fr' },
  { name: 'signatories-en', path: '/en/signatories', locale: 'en' },
  { name: 'testimonies', path: '/testimonies', locale: 'fr' },
  { name: 'testimonies-en', path: '/en/testimonies', locale: 'en' },
  { name: 'manage', path: '/manage', locale: 'fr' },
  { name: 'manage-errors', path: '/manage', locale: 'fr', submitEmpty: true, status: 422 },
  { name: 'manage-sent', path: '/manage/sent', locale: 'fr' },
  { name: 'manage-token', path: (f) => f.managePath, locale: 'fr', secret: true },
  { name: 'confirm-token', path: (f) => f.confirmPath, locale: 'fr', secret: true },
  { name: 'confirmed', path: '/confirmed?listed=1', locale: 'fr' },
  { name: 'confirmed-receipt', path: (f) => f.receiptPath, locale: 'fr', secret: true },
  { name: 'organisations', path: '/organisations', locale: 'fr' },
  { name: 'organisations-en', path: '/en/organisations', locale: 'en' },
  { name: 'organisations-sign', path: '/organisations/sign', locale: 'fr' },
  { name: 'organisations-sign-en', path: '/en/organisations/sign', locale: 'en' },
  {
    name: 'organisations-sign-errors',
    path: '/organisations/sign',
    locale: 'fr',
    submitEmpty: true,
    status: 422,
  },
  { name: 'organisations-sent', path: '/organisations/sent', locale: 'fr' },
  {
    name: 'organisations-confirm-token',
    path: (f) => f.organisationConfirmPath,
    locale: 'fr',
    secret: true,
  },
  { name: 'organisations-confirmed', path: '/organisations/confirmed', locale: 'fr' },
  {
    name: 'organisations-manage-token',
    path: (f) => f.organisationManagePath,
    locale: 'fr',
    secret: true,
  },
  { name: 'bibliographie', path: '/bibliographie', locale: 'fr' },
  { name: 'oui-mais-l-iag', path: '/oui-mais-l-iag', locale: 'fr' },
  { name: 'mentions-legales', path: '/mentions-legales', locale: 'fr' },
  { name: 'confidentialite', path: '/confidentialite', locale: 'fr' },
  { name: 'bibliography-en', path: '/en/bibliography', locale: 'en' },
  { name: 'yes-but-genai-en', path: '/en/yes-but-genai', locale: 'en' },
  { name: 'legal-notice-en', path: '/en/legal-notice', locale: 'en' },
  { name: 'privacy-en', path: '/en/privacy', locale: 'en' },
  { name: 'institutions', path: '/institutions', locale: 'fr' },
  { name: 'institutions-en', path: '/en/institutions', locale: 'en' },
  { name: 'institution', path: '/institutions/univ-tlse3.fr', locale: 'fr' },
  { name: 'stats', path: '/stats', locale: 'fr' },
  { name: 'stats-en', path: '/en/stats', locale: 'en' },
  { name: 'transparency', path: '/transparency', locale: 'fr' },
  { name: 'transparency-en', path: '/en/transparency', locale: 'en' },
  { name: 'kit', path: '/kit', locale: 'fr' },
  { name: 'kit-en', path: '/en/kit', locale: 'en' },
  { name: 'kit-second-mark', path: '/kit?mark=etincelle-brisee', locale: 'fr' },
  { name: 'news', path: '/actualites', locale: 'fr' },
  { name: 'news-en', path: '/en/news', locale: 'en' },
  { name: 'news-stop', path: (f) => f.newsStopPath, locale: 'fr', secret: true },
  { name: 'not-found', path: '/nulle-part', locale: 'fr', status: 404 },
  { name: 'not-found-en', path: '/en/nowhere', locale: 'en', status: 404 },
]
