import type { Messages } from './fr.js'
import { typesetCatalogue } from './typeset.js'

const numberFormat = new Intl.NumberFormat('en-GB')
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const num = (n: number) => numberFormat.format(n)
const signatures = (n: number) => (n === 1 ? '1 verified signature' : `${num(n)} verified signatures`)
const pluralRules = new Intl.PluralRules('en-GB')
const plural = (n: number, one: string, other: string) => (pluralRules.select(n) === 'one' ? one : other)
// A number and the word it counts, agreed: «1 second», «2 seconds», «1,000 characters».
const amount = (n: number, one: string, other: string) => `${num(n)} ${plural(n, one, other)}`

const en: Messages = {
  langName: 'English',
  skipToContent: 'Skip to content',
  nav: {
    label: 'Main navigation',
    manifesto: 'The manifesto',
    sign: 'Sign',
    signatories: 'Signatories',
    manage: 'Edit my signature',
    otherLanguage: 'Read in English',
  },
  footer: {
    privacy: 'Privacy',
    contact: 'Contact',
    poweredBy: 'A sober site, with no tracker and no cookie, powered by Paraphe, free software.',
  },
  number: num,
  date: (iso: string) => dateFormat.format(new Date(iso)),
  count: { signatures },
  provenance: {
    firstPublished: (date: string | undefined) =>
      date ? `First published, in French, on ${en.date(date)} on ` : 'First published, in French, on ',
    underTitle: (title: string) => (title ? `, under the title “${title}”.` : '.'),
  },
  groups: {
    fewerThan: (k: number) => `fewer than ${num(k)}`,
    note: (k: number) =>
      `A group of fewer than ${amount(k, 'signature', 'signatures')} (an institution, a category, a discipline) is not detailed: it reads “fewer than ${num(k)}” or is counted with others, so that nobody can be recognised. Totals are exact.`,
  },
  sign: {
    title: 'Sign the manifesto',
    intro: 'Your signature counts once you have confirmed your address through the link we will send you.',
    requiredNote: 'Fields marked with an asterisk (*) are required.',
    required: 'required',
    firstName: 'First name',
    lastName: 'Last name',
    email: 'E-mail address',
    emailHint:
      'To confirm your signature. It is never published; an institutional address attests your affiliation.',
    category: 'You are',
    categoryChoose: 'Choose…',
    institution: 'Institution',
    institutionHint: 'University, research body, school…',
    discipline: 'Discipline',
    jobTitle: 'Title or grade',
    jobTitleHint: 'Choose from the suggestions or type your own.',
    jobTitleExample: 'For example: associate professor, research engineer.',
    unit: 'Unit or laboratory',
    unitHint: 'For example: IRIT – UMR 5505.',
    display: 'On the public list, appear as',
    displayFull: 'my full name',
    displayInitials: 'my initials only (for example “C. D.”)',
    displayWithheld: '“a signatory”, without my name',
    displayHint: (k: number) =>
      `Under your initials or without your name, the list shows nothing else about you but the institution of your verified address, and only if it counts at least ${amount(k, 'signature', 'signatures')}. Your signature is counted either way.`,
    comment: 'Comment',
    commentHint: (max: number) =>
      `Optional, at most ${amount(max, 'character', 'characters')}. It is published only if you tick the box below.`,
    publishComment: 'Publish my comment',
    publishCommentHint:
      'On the “Why we sign” page and, among the latest, on the home page, with your name as you chose to appear: only if you are on the public list, and once the site’s moderators approve it. It is withdrawn with your signature.',
    public: 'Show my name in the public list of signatories',
    publicHint: 'Otherwise your signature is counted without your name appearing.',
    updates: 'I agree to receive news from the collective (a few messages a year at most)',
    consent:
      'I consent to the processing of these data, which reveal a political opinion, to record and, if I so choose, publish my signature.',
    consentMore: 'How my data are processed',
    honeypot: 'Leave this field empty',
    submit: 'Sign',
    closed: 'Signing this manifesto is now closed. Thank you to everyone who signed it.',
    summaryItem: (label: string, error: string) => `${label}: ${error}`,
    errorSummary: (n: number) => (n === 1 ? 'The form has one error:' : `The form has ${num(n)} errors:`),
  },
  meta: {
    sign: 'Sign the manifesto in a few fields: your signature counts once your address is confirmed, and you choose whether your name is published.',
    signatories:
      'The list of signatories who chose to be named, with their institution, and a search of that list.',
    institutions: 'The institutions of the signatories, by the domain of their confirmed e-mail address.',
    stats: 'The verified signatures of the manifesto, by day, by category and by discipline.',
    privacy:
      'How signatories’ data are processed: what is published, what is kept, for how long, and your rights.',
    testimonies: 'The comments signatories chose to publish: why they signed.',
  },
  momentum: {
    next: (target: number) => `Next milestone: ${signatures(target)}`,
    progress: (count: number, target: number) => `${num(count)} of ${num(target)}`,
    institutions: (n: number) =>
      n === 1 ? 'One institution represented' : `${num(n)} institutions represented`,
  },
  publicationList: {
    asOf: (date: string) => `List of signatories as of ${date}`,
    totals: (total: number, listed: number) =>
      `${signatures(total)}, of which ${num(listed)} made public. Only those who chose to be named are named.`,
    initial: 'Initial signatories',
    initials: 'Signatories under their initials',
    noInstitution: 'No institution given',
    otherCategory: 'Others',
    withheld: (n: number) =>
      n === 1
        ? 'And one person who chose to sign without being named.'
        : `And ${num(n)} people who chose to sign without being named.`,
  },
  testimonies: {
    title: 'Why we sign',
    intro:
      'Signatories say why they signed. A comment is published here only at the request of the person who wrote it, once the site’s moderators approve it, under the name they chose to appear as.',
    empty: 'No comment published yet.',
    next: 'Older comments',
    first: 'Back to the latest',
    pagination: 'Pages of comments',
    more: 'Read every published comment',
    moreNamed: 'Read every published comment, with the names of its signatories',
  },
  fieldError: {
    required: 'This field is required.',
    too_long: 'This text is too long.',
    email_invalid: 'This e-mail address is not valid (for example: first.last@university.edu).',
    email_mismatch: 'Enter the address you signed with.',
    email_disposable:
      'Disposable addresses are not accepted: enter an address you will keep reading, preferably your institution’s.',
    email_typo: 'Check this address: it looks like a typo.',
    email_other_institution:
      'Only people from this institution can write: enter your address at the institution.',
    category_invalid: 'Choose a category from the list.',
    choice_invalid: 'Choose one of the options offered.',
    consent_required: 'Your explicit consent is needed to record your signature.',
  },
  kit: {
    navLabel: 'Signatory kit',
    // The badge says what the site counts: verified signatures, not people who asked to sign.
    counter: signatures,
    title: 'Signatory kit',
    intro:
      'Show your support for the text in your activities, your e-mail signatures, your publications and your slides, with the logo and the link to the text. Here is what you need to do it in a minute: logos, e-mail signatures, badges, a slide, a QR code and a counter.',
    free: 'Everything is free to reuse, with no sign-up; images are served by this site, with no tracker.',
    contents: 'On this page',
    logosTitle: 'The logos',
    chooseMark:
      'The manifesto invites everyone to choose the logo that suits them: each comes in colour and in black or white, for light or dark backgrounds, with its badge, its code to copy and its slide.',
    originalsAt: 'The collective’s original logos are on',
    originalsSite: (org: string) => `the website of ${org}`,
    ownMarks:
      'The collective can place its own here, beside these or instead of them, in the site’s content/kit/ folder (see the README).',
    variantsTitle: (name: string) => `“${name}”: the logo and its badge`,
    markFiles: 'Logo:',
    badgeFiles: 'Badge:',
    markBody: (size: number) =>
      `The logo alone, for a slide footer, a web page, an avatar: each preview shows it at 64, 32 and 16 pixels; at the two smallest sizes, a simplified drawing made for them. The badge, the logo with its words, for signatures, websites and posters, comes only in sizes where its words can be read, from ${num(size)} pixels wide; smaller, take the logo alone.`,
    variants: {
      colour: 'Colour, on a light background',
      dark: 'Colour, on a dark background',
      mono: 'Black, on a light background',
      'mono-dark': 'White, on a dark background',
    },
    downloads: 'Download',
    pngWidths: 'PNG, width in pixels:',
    emailTitle: 'E-mail signature',
    emailBody:
      'The badge, as a link, followed by the link to the text. The image is hosted here, with its size and a text alternative, and needs no external style.',
    emailPreview: 'Preview (copy it as it is into a signature editor)',
    emailHtml: 'HTML code of the signature',
    howTo: 'How to paste it',
    howThunderbird:
      'Thunderbird: Account Settings › your account › Signature text; tick “Use HTML” and paste the HTML code.',
    howZimbra:
      'Zimbra and Partage: Preferences › Signatures; choose the HTML format, then paste the preview copied above (or the code, with the editor’s “source code” button).',
    howOutlook:
      'Outlook on the web: Settings › Mail › Compose and reply › Email signature; paste the preview copied above.',
    howRoundcube:
      'Roundcube: Settings › Identities › your identity › Signature; switch to HTML mode, open “Source code” (<>) and paste the HTML code.',
    plainTitle: 'Plain text',
    plainBody: 'For plain-text signatures, forums and chats:',
    plainLine: (words: string, title: string, url: string) => `${words} — “${title}”: ${url}`,
    webTitle: 'Website, README, LaTeX',
    webHtml: 'Badge for a web page (HTML)',
    webHowTo: 'Paste this code into a page or a “custom HTML” block (WordPress, Hugo, Jekyll…).',
    markdown: 'Markdown (README, forges, wikis)',
    markdownHowTo: 'Put it at the top of a README on GitLab, GitHub, Codeberg or an institutional forge.',
    latex: 'LaTeX',
    latexHowTo: 'Save the PNG beside the .tex file; the graphicx and hyperref packages are needed.',
    latexComment: (pngUrl: string, file: string) => `% Image: ${pngUrl} saved as ${file}`,
    latexPreamble:
      '% In the preamble: \\usepackage{graphicx} and \\usepackage[hidelinks]{hyperref} (no coloured box around the badge)',
    beamer: 'Beamer: the badge in the footer of every slide',
    slidesTitle: 'Slides',
    slidesBody:
      'A 16:9 slide (1920 × 1080) with the mark, the title of the text, the link, the QR code and the current number of signatures, to open or close a talk.',
    slidesHowTo:
      'Impress: Insert › Image; PowerPoint: Insert › Pictures › This Device; Keynote: drag the file onto the slide. To make it clickable, add a hyperlink to the manifesto on the image.',
    slideDownload: '16:9 slide',
    /** The slide's one line of invitation, above the link. */
    slideInvite: 'Read the text and sign it:',
    qrTitle: 'QR code',
    qrBody: 'It leads to the manifesto; for posters, flyers and slides.',
    qrAlt: (url: string) => `QR code to ${url}`,
    counterTitle: 'Live counter',
    counterBody:
      'An image showing the number of verified signatures, updated on its own. It can be embedded on any site: it holds no script and sets no cookie.',
    counterAlt: (title: string) => `Number of signatures of the manifesto “${title}”`,
    counterHtml: 'HTML code of the counter',
    counterMarkdown: 'Counter in Markdown',
    counterApi: 'To show it another way, the number is also published as JSON:',
    shareTitle: 'Share the manifesto',
    shareBody: 'These links open the chosen service directly; this page loads nothing from those sites.',
    shareEmail: 'By e-mail',
    shareBluesky: 'On Bluesky',
    shareLinkedIn: 'On LinkedIn',
    shareMastodon: 'On Mastodon',
    mastodonInstance: 'Your Mastodon instance',
    mastodonHint: 'For example: mastodon.social or fosstodon.org',
    mastodonButton: 'Prepare the post',
    mastodonInvalid: 'Type the name of an instance, for example mastodon.social.',
    mastodonReady: (instance: string) => `Share on ${instance}`,
    mastodonReadyBody:
      'This link opens the post form of your instance with the title and link of the manifesto:',
    mastodonOpen: (instance: string) => `Open ${instance}`,
    shareText: (title: string, url: string) => `“${title}”: ${url}`,
    shareLink: 'The link to copy',
    formTitle: 'Embed the form on another site',
    formBody:
      'A collective, a lab or a union can collect signatures from its own site: this form sends them here, where each signature is verified by e-mail like any other. The field names are stable.',
    formHowTo:
      'Paste it into a page (a WordPress “custom HTML” block, for example) and style it with the site’s stylesheet. The “website” field must stay empty and hidden: it traps bots.',
    fromConfirmation: 'Logos, e-mail signature, badges and QR code: the signatory kit',
    snippetHint: 'The code can be selected: click in the box, select all, copy.',
    posterRead: 'Scan to read the text',
    poster: 'Scan to read and sign',
  },
  sent: {
    title: 'Check your mailbox',
    body: 'If the address you entered is valid, a message has just been sent to it. Open the link it contains to confirm your signature: it only counts after that.',
    spam: 'Nothing after a few minutes? Look in your spam folder, or sign again and check the address.',
    back: 'Back to the manifesto',
  },
  confirm: {
    title: 'Confirm your signature',
    lead: (name: string) => `You are about to confirm the signature of ${name}.`,
    summaryIntro: 'This is what will be recorded, as the form received it:',
    name: 'Name',
    category: 'Category',
    institution: 'Institution',
    discipline: 'Discipline',
    jobTitle: 'Title or grade',
    unit: 'Unit or laboratory',
    notGivenFeminine: 'Not given',
    display: 'On the list, appear as',
    displayInitials: (initials: string) => `your initials: ${initials}`,
    displayWithheld: '“a signatory”, without your name',
    publicListing: 'Public list',
    publicYes: 'Yes, your name will be shown among the signatories',
    publicNo: 'No, your signature will be counted without your name',
    updates: 'News from the collective',
    updatesYes: 'Yes, your address will be kept for this',
    debate: 'Organising a debate',
    debateYes: 'Yes, people from your institution may write to you through the site',
    debateUnreachable:
      'Yes, but with a personal address nobody can reach you through the site: sign again with your institution’s address',
    comment: 'Comment',
    publishComment: 'Publishing the comment',
    publishCommentYes: 'Yes, once the moderators approve it, if you are on the public list',
    none: 'None',
    notGivenInstitution: 'Not given',
    notGivenDiscipline: 'Not given',
    verifiedInstitution: 'Institution verified by the address',
    typedInstitution: 'Your own precision',
    address: 'Address',
    no: 'No',
    notMine: 'Not what you typed? Do not confirm: this link records this information only. Ignore it, or',
    signAgain: 'sign again with the right details',
    button: 'I confirm my signature',
    doneTitle: 'Thank you, your signature counts',
    doneBody: 'Your address is verified and your signature is added to the count.',
    donePublic: 'Your name appears in the public list of signatories.',
    donePrivate: 'Your signature is counted without your name being published.',
    donePublicInitials: 'Your signature appears in the public list under your initials.',
    donePublicWithheld: 'Your signature appears in the public list without your name, as “a signatory”.',
    shareTitle: 'Spread the word',
    shareBody:
      'Show your support in your e-mail signature, your publications and your slides, with the link to the text:',
    manageHint: 'To edit or withdraw your signature later, ask for a link from the “Edit my signature” page.',
  },
  signatories: {
    title: 'Signatories',
    intro: (total: number, listed: number) =>
      `${signatures(total)}, of which ${num(listed)} ${listed === 1 ? 'is' : 'are'} public. Only those who chose it are named.`,
    search: 'Search for a name or an institution',
    searchButton: 'Search',
    clear: 'Whole list',
    empty: 'No public signature yet.',
    noResults: (q: string) => `No result for “${q}”.`,
    results: (q: string) => `Results for “${q}”`,
    next: 'Older signatures',
    searchTooShort: (n: number) =>
      `Type at least ${amount(n, 'character', 'characters')} to search for a name or an institution.`,
    first: 'Back to the most recent',
    signedOn: (date: string) => `signed on ${date}`,
    withheld: 'A signatory',
    initialTitle: 'Initial signatories',
    othersTitle: 'All signatories',
    pagination: 'List pages',
  },
  institutions: {
    title: 'Institutions',
    intro:
      'Signatures are grouped by the domain of their confirmed e-mail address, which the confirmation has proven: an attested affiliation, not only a declared one. Private signatures are counted without anyone being named.',
    empty: 'No signature confirmed with an institutional address yet.',
    caption: 'Institutions, by number of confirmed signatures',
    name: 'Institution',
    domain: 'Domain',
    total: 'Signatures',
    listed: 'Public',
    willing: 'Willing to organise a debate',
    addresses: (domain: string) => `E-mail addresses at @${domain}`,
    summary: (total: number, listed: number) =>
      `${signatures(total)} with an address of this institution, of which ${num(listed)} ${listed === 1 ? 'is' : 'are'} public. The others are counted without being named.`,
    byCategory: 'By category',
    category: 'Category',
    count: 'Signatures',
    signatoriesTitle: 'Signatories who chose to be named',
    noneListed: 'No public signature for this institution.',
    next: 'Older signatures',
    first: 'Back to the most recent',
    pagination: 'Pages of the list',
    verified: 'verified institutional address',
    precision: 'In the signatory’s own words:',
    all: 'All institutions',
    summaryFew: (k: number, listed: number) =>
      `Fewer than ${signatures(k)} with an address of this institution${listed > 0 ? `; ${num(listed)} ${plural(listed, 'person chose', 'people chose')} to be named below` : ''}. Numbers by category are given from ${amount(k, 'signature', 'signatures')}.`,
    otherCategories: 'Other categories',
    otherInstitutions: (n: number, k: number) =>
      `${plural(n, 'Other institution', 'Other institutions')} (${num(n)}, fewer than ${amount(k, 'signature', 'signatures')} ${plural(n, 'in all', 'each')})`,
  },
  stats: {
    title: 'Statistics',
    intro: 'These numbers are kept up to date as each signature is confirmed, edited or withdrawn.',
    totals: 'At a glance',
    confirmed: 'Confirmed signatures',
    listed: 'Of which public',
    verified: 'With a verified institutional address',
    other: 'With another address',
    willing: 'Willing to help organise a debate',
    byCategory: 'By category',
    byDiscipline: 'By discipline',
    disciplineNote: (n: number) =>
      `The disciplines most often given (at most ${num(n)}), as typed by signatories who chose to be named.`,
    otherDisciplines: 'Other disciplines',
    moreDisciplines: 'The other named disciplines (all in the API)',
    byInstitutionType: 'By kind of institution',
    institutionTypeNote:
      'Confirmed signatures with a verified institutional address, by the institution that gives the address.',
    institutionType: 'Kind of institution',
    otherInstitutionTypes: 'Other institutions',
    bySchool: 'School staff',
    schoolNote: (n: number) =>
      `${amount(n, 'confirmed signature', 'confirmed signatures')} with a school district address (ac-….fr), by the académie (school district) that gives it.`,
    byRegion: 'By region',
    region: 'Region',
    otherRegions: 'Other regions',
    byAcademy: 'By académie (school district)',
    academy: 'Académie',
    otherAcademies: 'Other académies',
    category: 'Category',
    discipline: 'Discipline',
    count: 'Signatures',
    growth: 'Growth',
    chartTitle: 'Cumulative number of confirmed signatures, day by day',
    chartDesc: (first: string, last: string, total: number) =>
      `Rising curve from ${first} to ${last}, up to ${signatures(total)}. The values are in the table that follows.`,
    dayTable: 'Confirmed signatures by day',
    day: 'Day',
    onDay: 'That day',
    cumulative: 'Cumulative total',
    none: 'No confirmed signature yet.',
    openData: 'Open data',
    openDataBody: (licence: string) =>
      `The list of public signatures can be downloaded, under the ${licence} licence:`,
    api: 'A JSON API and an Atom feed of milestones are also available.',
    feed: 'Atom feed of milestones',
  },
  feed: {
    title: (site: string) => `${site}: milestones`,
    milestone: (n: number) => `${signatures(n)}!`,
    milestoneBody: (n: number, date: string) => `The manifesto passed ${signatures(n)} on ${date}.`,
  }, // The public log of the count (/transparency) and the receipt of a signatory.
  transparency: {
    navLabel: 'Check the count',
    title: 'A count anyone can check',
    intro:
      'Every petition asks to be believed about its count. Here, every change of the number of signatures is written to a public log that can only be added to, never rewritten, and that anyone can copy and check.',
    howTitle: 'How it works',
    how: [
      'Each confirmed signature adds a line to the log: its position, the time (to the minute) and a fingerprint of the signature, computed with a random salt that only its signatory is given. The log holds no name, no address, no institution.',
      'A withdrawal, or a signature invalidated by the moderators, adds a cancelling line naming the position it cancels. The number shown is the additions minus the cancellations.',
      'The lines form a Merkle tree (RFC 9162, the one of Certificate Transparency). Every few minutes the site signs a checkpoint: the size of the log, the fingerprint of the tree, the number of signatures and the date.',
    ],
    guaranteeTitle: 'What is guaranteed',
    guarantee:
      'Anyone who kept a checkpoint can check that today’s log extends it: no earlier line was changed, removed or reordered, and the number announced at each checkpoint is the one its lines give. Each signatory can check that their own line is there.',
    limitsTitle: 'What is not',
    limits:
      'The log proves that the count was not rewritten after the fact, not that each signature comes from a real person who is who they say. That is what the e-mail confirmation (one signature per address) and verified institutional addresses are for. Once a signature is withdrawn its salt is erased: its line can no longer be tied to anyone.',
    latestTitle: 'Latest checkpoint',
    latest: (size: number, count: number, date: string) =>
      `${plural(size, `${num(size)} line`, `${num(size)} lines`)} in the log, ${signatures(count)}, signed on ${date}.`,
    noCheckpoint: 'No checkpoint has been signed yet.',
    root: 'Fingerprint of the tree',
    verifyTitle: 'Checking',
    verifyBody:
      'With Paraphe (free software), one command downloads the checkpoints and the log, recomputes the tree, checks every signature and every number, and says plainly what is wrong if anything is:',
    verifyKeep:
      'To check later that nothing was rewritten in the meantime, keep a copy of the log. The second command, run any time afterwards, fails, naming the checkpoints affected, if a line of the copy was changed, removed or reordered since, or if the site now signs with another key:',
    keepFolder: 'log-copy',
    verifyOwn:
      'You can also write your own checker: the data are public, and their format is described in the API documentation.',
    dataTitle: 'The data',
    key: 'Public key (Ed25519) of the checkpoints',
    checkpoints: 'Checkpoints (JSON)',
    entries: 'Lines of the log (JSON)',
    feed: 'Atom feed, carrying the latest checkpoint',
    keyFingerprint: 'SHA-256 fingerprint of the public key',
    keyFingerprintWhy:
      'The checking command prints the same fingerprint. If it is also published somewhere other than this site, comparing the two shows that the key was not replaced along the way.',
    receiptTitle: 'Your receipt',
    receiptBody:
      'Your signature is in the public log. Keep these values: with them you, and only you, can find your line and check that it stays there.',
    receiptPosition: 'Position',
    receiptSignature: 'Signature number',
    receiptMinute: 'Confirmed at',
    receiptSalt: 'Salt (secret)',
    receiptCommitment: 'Fingerprint',
    receiptProof: 'Proof of inclusion in the latest checkpoint',
    receiptPending: 'Your line will be in the next checkpoint, within a few minutes.',
    receiptHow: 'How to check',
    feedTitle: (count: number) => `Checkpoint of the public log: ${signatures(count)}`,
    feedBody: (size: number, root: string, count: number, at: string, signature: string) =>
      `Size: ${size}. Root: ${root}. Count: ${count}. Time: ${at}. Ed25519 signature: ${signature}`,
  },

  debate: {
    optIn: 'I am willing to help organise a debate in my institution',
    optInHint:
      'Others from your institution will be able to write to you through the site without ever seeing your address: it is kept for this only. Every relayed message lets you stop receiving them. This needs your institution’s address: with a personal address nobody can reach you this way.',
    title: 'Organising a debate',
    willing: (n: number) =>
      n === 0
        ? 'No one has offered to organise a debate in this institution yet.'
        : n === 1
          ? 'One person is willing to help organise a debate in this institution.'
          : `${num(n)} people are willing to help organise a debate in this institution.`,
    willingFew: (k: number) =>
      `Fewer than ${amount(k, 'person is willing', 'people are willing')} to help organise a debate in this institution.`,
    formIntro:
      'Write to them: your message is forwarded by e-mail without their addresses being revealed to you. Only people from the institution can write: you will first confirm your own address at the institution; it will be given to the recipients so that they can answer you.',
    emailHint: (domain: string) => `An address ending in @${domain}.`,
    name: 'Your name',
    email: 'Your e-mail address',
    message: 'Your message',
    messageHint: (max: number) => `At most ${amount(max, 'character', 'characters')}.`,
    send: 'Send the message',
    sentTitle: 'Confirm your address',
    sentBody:
      'If the address you typed is valid, a message has just been sent to it. Open the link it holds for your message to be relayed.',
    confirmTitle: 'Relay your message',
    confirmLead: (institution: string, n: number | null) =>
      `Your message will be forwarded to ${n === null ? 'the people' : n === 1 ? 'the person' : `${num(n)} people`} willing to organise a debate at ${institution}.`,
    confirmButton: 'I confirm: send the message',
    doneTitle: 'Message relayed',
    doneFew: (k: number) =>
      `Your message was forwarded to the people willing to organise a debate (fewer than ${num(k)}).`,
    doneBody: (n: number) =>
      n === 1
        ? 'Your message was forwarded to one person.'
        : `Your message was forwarded to ${num(n)} people.`,
    limitedTitle: 'Too many messages for now',
    limitedBody:
      'The number of messages relayed each day is limited, per sender and per institution. Please try again tomorrow.',
    invalidTitle: 'Invalid or expired link',
    invalidBody:
      'This link is no longer valid: the message was already sent, or the link expired. You can write a new message from the institution’s page.',
    stopTitle: 'Stop receiving messages',
    stopLead:
      'You will no longer receive messages from people wishing to organise a debate. Your signature is not otherwise changed.',
    stopButton: 'Stop receiving these messages',
    stoppedTitle: 'Done',
    stoppedBody:
      'You will no longer receive relayed messages. You can offer again from the “Edit my signature” page.',
    confirmSubject: (title: string) => `${title} — confirm sending your message`,
    confirmPreheader: 'One click for your message to be forwarded',
    confirmMailBody: (institution: string) =>
      `You wrote to the people willing to organise a debate at ${institution}. For your message to be forwarded to them, open the link below, then press the “I confirm: send the message” button on the page that opens.`,
    confirmMailButton: 'Review and send my message',
    confirmExpiry: (hours: number) =>
      `This link is valid for ${amount(hours, 'hour', 'hours')}. If you did not write this message, ignore this e-mail: nothing will be sent.`,
    relaySubject: (institution: string) => `Organising a debate at ${institution}`,
    relayPreheader: (name: string) => `A message from ${name}, forwarded by the site`,
    relayIntro: (name: string, email: string, institution: string) =>
      `${name} (${email}) is writing to you because you said you were willing to help organise a debate at ${institution}. To answer, write to that address; yours was not given to them.`,
    relayStop: 'To stop receiving these messages, open this link:',
    manageEmailNote:
      'It is also needed to receive messages from colleagues if you offer to organise a debate.',
    privacyTitle: 'Local debates and open data',
    privacy: (licence: string) =>
      `If you offer to organise a debate, your address is kept to forward you, one by one, messages from people of your institution; it is never shown to them, and every message lets you stop. Whoever writes to you first confirms their address; it is given to you so that you can answer, then their address and text are erased from our servers as soon as the message is sent. Public signatures (and they alone) are also published as open data, under the ${licence} licence, with whether the address is a verified institutional one and its domain name; never the address itself.`,
  },
  manage: {
    requestTitle: 'Edit or withdraw my signature',
    requestIntro: (hours: number) =>
      `Enter the address you signed with: we will send a personal link to it, valid for ${amount(hours, 'hour', 'hours')}, to edit, hide or withdraw your signature.`,
    requestButton: 'Send me the link',
    requestSentTitle: 'Link sent',
    requestSent:
      'If this address signed the manifesto, a link to manage the signature has just been sent to it.',
    title: 'My signature',
    intro:
      'Change the details shown or choose not to appear in the public list. Your e-mail address cannot be changed: to use another one, withdraw this signature and sign again.',
    pendingNote: 'This signature is not confirmed yet: it does not count yet.',
    save: 'Save changes',
    saved: 'Your changes are saved.',
    updatesEmail: 'To receive news, confirm your address',
    updatesEmailHint: 'We keep your address in clear only if you agree to receive news.',
    withdrawTitle: 'Withdraw my signature',
    withdrawBody:
      'Your signature and all data attached to it will be deleted for good. You may sign again later.',
    withdrawButton: 'Withdraw my signature for good',
    withdrawnTitle: 'Signature withdrawn',
    withdrawnBody: 'Your signature and your data have been deleted.',
  },
  admin: {
    title: 'Moderation',
    news: {
      title: 'News',
      intro:
        'A news item is written in every language of the site. It can be published on the “News” page and in the Atom feed, mailed to the signatories who asked for news, or both.',
      create: 'Write a news item',
      newTitle: 'New news item',
      editTitle: 'News item',
      back: 'All news',
      none: 'No news yet.',
      columns: ['Title', 'Written on', 'On the site', 'Sending'],
      titleLabel: (lang: string) => `Title (${lang})`,
      bodyLabel: (lang: string) => `Text (${lang})`,
      bodyHint:
        'In Markdown: an empty line between paragraphs, **bold**, *italics*, [link](https://example.org), lists with “-”, headings with “##”.',
      save: 'Save',
      saved: 'News item saved.',
      locked: 'This news item was sent: its text can no longer change.',
      notPublished: 'Not published',
      notSent: 'Not sent',
      sending: 'Under way',
      sent: (n: number) => `Sent to ${amount(n, 'person', 'people')}`,
      preview: 'Previews',
      previewPage: (lang: string) => `The page (${lang})`,
      previewMail: (lang: string) => `The e-mail (${lang})`,
      previewText: (lang: string) => `Its text version (${lang})`,
      testTitle: 'Test',
      testHint: (email: string) => `One e-mail per language, marked as a test, to ${email}.`,
      testButton: 'Send me a test',
      testSent: (email: string) => `Test sent to ${email}.`,
      publishTitle: 'On the site',
      publishedOn: (date: string) => `Published on ${date} on the “News” page and in the Atom feed.`,
      publishButton: 'Publish on the site',
      unpublishButton: 'Take off the site',
      sendTitle: 'Sending by e-mail',
      sendHint: (n: number) =>
        `To the confirmed signatures that asked for news, each in its language, at most ${amount(n, 'e-mail', 'e-mails')} a minute. Once the sending has started, the text can no longer change.`,
      sendButton: (n: number) => `Send to ${amount(n, 'signatory', 'signatories')}`,
      sendNobody: 'No signatory has asked for news yet: there is nobody to send to.',
      progressTotal: 'Recipients',
      progressWaiting: 'Waiting',
      progressSent: 'Sent',
      progressFailed: 'Failed',
      progressSkipped: 'Left out (stopped news meanwhile, signature withdrawn or address refused)',
      progressRunning: 'Sending under way. This page updates itself every 10 seconds.',
      progressDone: (date: string) => `Sending finished on ${date}.`,
    },
    nav: {
      label: 'Moderation navigation',
      dashboard: 'Dashboard',
      domains: 'Domains',
      signing: 'Signing',
      export: 'Export',
      bulk: 'Bulk invalidation',
      mails: 'Failed mails',
      audit: 'Audit log',
      news: 'News',
    },
    loggedInAs: (email: string) => `Logged in: ${email}`,
    switchLanguage: { fr: 'Français', en: 'English' } as Record<string, string>,
    logout: 'Log out',
    loginTitle: 'Moderators’ login',
    loginIntro: 'Type your moderator address: we will mail a single-use login link to it.',
    loginButton: 'Send me a login link',
    loginSentTitle: 'Link sent',
    loginSent:
      'If this address belongs to a moderator, a login link has just been mailed to it. It works once.',
    loginConfirmTitle: 'Log in to moderation',
    loginConfirmButton: 'Log me in',
    loginInvalidTitle: 'Invalid or expired login link',
    loginInvalid: 'This link was already used, has expired or is incomplete. Ask for a new one.',
    loginMailSubject: (title: string) => `${title} — moderation login`,
    loginMailPreheader: (minutes: number) =>
      `Your login link — valid for ${amount(minutes, 'minute', 'minutes')}`,
    loginMailBody:
      'Here is your moderation login link. Open it, then press the “Log me in” button on the page that opens.',
    loginMailButton: 'Open the login page',
    loginMailExpiry: (minutes: number) =>
      `This link is valid for ${amount(minutes, 'minute', 'minutes')} and works once. Do not forward it.`,
    loginMailIgnore: 'If you did not ask to log in, ignore this message.',
    forbiddenTitle: 'Action refused',
    forbidden:
      'This form has expired or does not come from the moderation pages. Reload the page and try again.',
    backToDashboard: 'Back to the dashboard',
    state: {
      pending: 'unconfirmed',
      confirmed: 'confirmed',
      invalidated: 'invalidated',
      hidden: 'hidden',
      awaiting: 'awaiting approval',
      private: 'not public',
      commentAwaiting: 'comment awaiting approval',
    },
    flag: {
      disposable: 'disposable address',
      burst: 'burst',
      same_name: 'repeated name',
      watch_list: 'watched name',
    },
    dashboardTitle: 'Dashboard',
    counts: {
      pending: 'Unconfirmed',
      confirmed: 'Counted',
      public: 'Public',
      flagged: 'Flagged',
      withdrawn: 'Withdrawn',
      hidden: 'Hidden',
      awaiting: 'Awaiting approval',
      comments: 'Comments awaiting approval',
      invalidated: 'Invalidated',
    },
    mismatch: 'Typed institution differs from the domain',
    mismatchHint:
      'What this person typed as their institution does not resemble the name of their verified address’s institution (no distinctive word in common). The public sees the verified name, and this text only as their own precision. Something to look at, not to punish by default.',
    search: 'Search a name, an institution or a domain',
    filterLabel: 'Filter',
    filter: {
      all: 'All',
      pending: 'Unconfirmed',
      flagged: 'Flagged',
      hidden: 'Hidden',
      awaiting: 'Awaiting approval',
      comments: 'Comments awaiting approval',
      invalidated: 'Invalidated',
      mismatch: 'Institution to check',
    },
    searchButton: 'Search',
    latest: 'Latest signatures',
    none: 'Nothing to show.',
    older: 'Older',
    col: {
      name: 'Name',
      institution: 'Institution',
      domain: 'Domain',
      submitted: 'Sent on',
      state: 'State',
      category: 'Category',
      discipline: 'Discipline',
      comment: 'Comment',
      confirmed: 'Confirmed on',
      approved: 'Approved on',
      hidden: 'Hidden',
      invalidated: 'Invalidated on',
      network: 'Network (hash)',
      consent: 'Consent version',
      publishComment: 'Comment to be published',
      initial: 'Initial signatory',
      jobTitle: 'Title or grade',
      unit: 'Unit or laboratory',
      display: 'Appears as',
      date: 'Date',
      kind: 'Kind',
      error: 'Error',
      actor: 'Who',
      action: 'Action',
      target: 'Object',
      detail: 'Detail',
    },
    displayAs: { full: 'their full name', initials: 'their initials', withheld: '“a signatory”' },
    reason: 'Reason (kept in the audit log)',
    done: 'Done.',
    actions: 'Actions',
    hide: 'Hide from the public list',
    restore: 'Restore to the public list',
    approve: 'Approve the signature',
    approveComment: 'Approve the comment',
    markInitial: 'Count among the initial signatories',
    unmarkInitial: 'Remove from the initial signatories',
    delete: 'Delete for good',
    deleteHint:
      'Deleting erases the signature and takes it out of the counts; it is recorded in the audit log.',
    deleted: 'The signature is deleted.',
    domainsTitle: 'Domains',
    domainsIntro:
      'Give an institution’s domain its display name, or block a domain: signatures from its addresses are no longer recorded.',
    domain: 'Domain',
    domainInvalid: 'Type a domain name (for example univ-example.fr).',
    displayName: 'Display name',
    blocked: 'Block this domain',
    blockedCol: 'Blocked',
    save: 'Save',
    yes: 'yes',
    no: 'no',
    signingTitle: 'Signing open or closed',
    signingIsOpen: 'Signing is open.',
    signingIsClosed: 'Signing is closed: the form is no longer shown.',
    closesAt: (date: string) =>
      `Closing date set in the configuration: ${date}. It applies whatever happens.`,
    signingOverridden: 'Set from the moderation pages (takes the place of signing_open in site.toml).',
    signingFromConfig: 'Set by site.toml (signing_open).',
    closeSigning: 'Close signing',
    openSigning: 'Reopen signing',
    exportTitle: 'Export of signatures',
    exportIntro:
      'A CSV file of the confirmed signatures. The e-mail address appears only for those who agreed to receive news. Every export is recorded in the audit log; keep the file safe and delete it once used.',
    exportButton: 'Download the CSV',
    publicationTitle: 'List for publication',
    publicationIntro:
      'The list of public signatures as a newspaper prints it: initial signatories first, then by category or by institution, as you choose, in alphabetical order of last names, each person as they chose to appear. Every download is recorded in the audit log.',
    publicationGrouping: 'Group the other signatories',
    groupByCategory: 'by category',
    groupByInstitution: 'by institution',
    plainText: 'plain text',
    publicationButton: (format: string) => `Download as ${format}`,
    bulkTitle: 'Bulk invalidation',
    bulkDone: (n: number) => `${amount(n, 'signature', 'signatures')} invalidated.`,
    bulkIntro:
      'After an attack: describe the signatures to invalidate (at least one condition), check how many match, then invalidate them. They leave the counts at once and are deleted after a few days. Each step is recorded in the audit log.',
    bulkMissing: 'Give at least one condition.',
    bulkNetwork: 'Network',
    bulkNetworkHint: 'An IP address of the network, or the network hash shown on a signature.',
    bulkName: 'Name or institution',
    bulkNameHint: 'Case and accents are ignored; * stands for any run of characters.',
    bulkFrom: 'Sent from',
    bulkTo: 'Sent until',
    bulkTimeHint: 'UTC date and time, for example 2026-11-28T10:00.',
    bulkPreview: 'Count the matching signatures',
    bulkMatches: (n: number) => amount(n, 'signature matches', 'signatures match'),
    bulkInvalidate: (n: number) =>
      n === 1 ? 'Invalidate this signature' : `Invalidate these ${num(n)} signatures`,
    mailsTitle: 'Mails that failed for good',
    mailKind: {
      confirm: 'confirmation',
      already_signed: 'already signed',
      manage: 'manage link',
      admin_login: 'moderation login',
      news: 'news',
      news_test: 'news test',
    } as Record<string, string>,
    mailsIntro:
      'These messages could not be delivered (address refused, or retries exhausted): the person did not receive their confirmation, link or news.',
    auditTitle: 'Moderation audit log',
    reconcileNow: 'Check the counts now',
    reconciled: (ok: boolean, kept: string, recounted: string) =>
      ok
        ? `Counts checked: ${kept}, matching the signatures.`
        : `Drift found: counts kept ${kept}, recounted ${recounted}.`,
    downloadData: 'Download my data (JSON)',
    downloadDataHint: 'Everything we keep about your signature, in a machine-readable file.',
    privacyTitle: 'Moderation and abuse prevention',
    privacy: (traceDays: number, invalidatedDays: number, auditDays: number) =>
      `To spot bursts of signatures, we keep a keyed hash of the network a signature comes from (never the IP address itself), erased after ${amount(traceDays, 'day', 'days')}. The collective’s moderators may hide, delete or invalidate a signature; an invalidated signature is deleted after ${amount(invalidatedDays, 'day', 'days')}. Their actions are recorded in a log kept for ${amount(auditDays, 'day', 'days')}. From the “Edit my signature” page you can download all the data kept about your signature.`,
  },
  token: {
    invalidTitle: 'Invalid or expired link',
    invalidBody:
      'This link is no longer valid: it was already used, it has expired, or it is incomplete. Check that it was copied in full.',
    signAgain: 'Sign again',
    requestManage: 'Ask for a new link to manage my signature',
  },
  error: {
    notFoundTitle: 'Page not found',
    notFoundBody: 'This page does not exist or no longer exists.',
    serverTitle: 'Server error',
    serverBody:
      'An unexpected error prevents us from answering. Try again in a moment; nothing you entered was half-saved.',
    unavailableTitle: 'Service temporarily unavailable',
    unavailableBody:
      'The site cannot reach its database. Try again in a few moments: no signature has been lost.',
    notSaved:
      'Nothing was saved: our database is temporarily unavailable. What you typed is kept below; send the form again in a moment.',
    badRequestTitle: 'Bad request',
    badRequestBody: 'This request is incomplete or malformed.',
    backHome: 'Back to the manifesto',
  },
  abuse: {
    tooManyTitle: 'Too many requests',
    tooManyBody: (seconds: number) =>
      `Many requests are coming from your network right now. Try again in ${seconds <= 90 ? amount(seconds, 'second', 'seconds') : amount(Math.ceil(seconds / 60), 'minute', 'minutes')}: nothing you entered has been saved.`,
    tooFast: 'This form was sent very soon after it was shown. Check your details, then send it again.',
    didYouMean: 'Did you mean:',
    keepAddress: 'If the address you typed is right, just send the form again: it will be kept as typed.',
  },
  privacy: {
    title: 'Privacy and personal data',
    slug: 'privacy',
    controllerTitle: 'Data controller',
    controller: (org: string, email: string) => `${org}, who can be reached at ${email}.`,
    purposeTitle: 'Purpose',
    purpose:
      'To collect, verify, count and, if you so choose, publish signatures of the manifesto; to send you the messages this requires (confirmation, management link) and, only if you agree, news from the collective.',
    basisTitle: 'Legal basis',
    basis:
      'Signing this manifesto reveals a political opinion, a “special category” of data (Article 9 GDPR). The processing rests on your explicit consent (Article 9(2)(a)), which you give by ticking the box provided and confirming your address. You may withdraw it at any time.',
    collectedTitle: 'Data collected',
    collected:
      'First name, last name, category, institution, discipline, title or grade and unit or laboratory (when the form offers them), optional comment, your choices (publication and how you appear, news), the version of the consent text shown, and the dates of signature and confirmation.',
    emailTitle: 'Your e-mail address',
    email:
      'It is never published. We keep a keyed hash of it (HMAC) to prevent duplicates and find your signature; the clear address is kept only while the messages are sent, then erased, unless you agree to receive news. Its domain name is used to group signatures by institution.',
    publicTitle: 'What is public',
    public:
      'Only if you choose so: first name, last name, title or grade, unit or laboratory, category, institution, discipline and date of signature. With an institutional address, the institution shown as verified is that of your address’s domain, under the name the collective gives it; what you typed is shown beside it as your own precision. The total number of confirmed signatures is public. A comment is published only if you tick “Publish my comment”, are on the public list and a moderator approved it: it then appears on the “Why we sign” page and, among the latest, on the home page, under your name as you chose to appear, until you edit it, untick the box or withdraw your signature. An edited comment goes back to the moderators.',
    displayTitle: 'Appearing under one’s initials or without one’s name',
    display: (k: number) =>
      `On the public list you may appear under your full name, under your initials (“C. D.”) or as “a signatory”. Your choice is recorded with your signature and can be changed from the “Edit my signature” page. Under your initials or without your name, the lists, institution pages, open data, the API and the list for publication show neither your title, your unit, your category, your discipline nor what you typed as your institution; the institution of your verified address appears only if it counts at least ${amount(k, 'signature', 'signatures')}. The public list’s search finds full names only.`,
    aggregatesTitle: 'What is published as numbers',
    aggregates: (k: number) =>
      `Numbers of signatures are published (Institutions and Statistics pages, API, open data): the exact total, and breakdowns by institution (the domain of the confirmed address), by category and by discipline, which count private signatures too. A group of fewer than ${amount(k, 'signature', 'signatures')} never appears as such: it reads “fewer than ${num(k)}” or is counted with others, so that nobody can tell who signed. Institutions are named from the collective’s list, never from what anyone typed; a discipline is named only when public signatures give it. What a person who did not choose to be named typed (institution, discipline, comment) is never published.`,
    logTitle: 'Public log of the count',
    log: (invalidatedDays: number) =>
      `Each time a signature starts or stops being counted, the software appends an entry to a public log, which can only be added to, never rewritten (page “Check the count”). An addition holds its position, the minute it was written, its kind and a commitment (HMAC) to the signature, computed with a random salt of that signature’s own; a cancellation (withdrawal, deletion or invalidation) holds its position, the minute, its kind and the position of the addition it cancels. The log never holds a name, an address, a domain, an institution, a category, a discipline or a comment. The salt is kept with the signature and shown only to its signatory, on their receipt. Withdrawing deletes the signature and its salt: the entry stays in the log but can no longer be linked to anyone. A signature invalidated by the moderators keeps its salt until it is deleted, after ${amount(invalidatedDays, 'day', 'days')}.`,
    retentionTitle: 'Retention periods',
    retention: (days: number, hours: number) =>
      `An unconfirmed signature and its link are deleted after ${amount(days, 'day', 'days')}. Management links expire after ${amount(hours, 'hour', 'hours')}. A confirmed signature is kept until it is withdrawn or the campaign ends. The content of sent messages is erased as soon as they are sent.`,
    rightsTitle: 'Your rights',
    rights:
      'You may at any time edit, hide or withdraw your signature from the “Edit my signature” page; withdrawal really deletes your data. To exercise your other rights (access, rectification, objection, restriction, portability), write to the contact above. You may also lodge a complaint with your data protection authority (in France, the CNIL).',
    noTrackingTitle: 'No cookie, no tracker',
    noTracking:
      'This site sets no cookie for its visitors, measures no audience and loads nothing from any other site.',
  },
  news: {
    slug: 'news',
    title: 'News',
    description: 'News from the collective about the manifesto, newest first.',
    intro:
      'News from the collective, newest first. Signatories who asked for them also receive them by e-mail.',
    empty: 'No news yet.',
    publishedOn: (date: string) => `Published on ${date}`,
    older: 'Older news',
    feed: 'Follow the news in an Atom feed',
    mailSubject: (title: string, headline: string) => `${title} — ${headline}`,
    mailPreheader: (title: string) => `News about “${title}”`,
    mailWhy: (title: string) =>
      `You receive this message because, when signing “${title}”, you asked to receive news. To stop receiving them (your signature stays as it is), open this link:`,
    mailSentBy: (domain: string, title: string) =>
      `Sent by ${domain}, the site where “${title}” is signed, to the signatories who asked to receive news.`,
    testSubject: (subject: string) => `[Test] ${subject}`,
    testNote:
      'This is a test, sent to you alone. Each recipient will receive this text with their own link to stop receiving news, instead of the link below.',
    stopTitle: 'Stop receiving news',
    stopLead: 'You will no longer receive news from the collective by e-mail. Your signature stays as it is.',
    stopButton: 'Stop receiving news',
    stoppedTitle: 'Done',
    stoppedBody:
      'You will no longer receive news. Your address is erased from our servers, unless you offered to organise a debate. You can ask for news again from the “Edit my signature” page.',
    invalidTitle: 'Invalid link',
    invalidBody:
      'This link is not valid. To stop receiving news, open the link of the latest message you received, or go through the “Edit my signature” page.',
  },
  mail: {
    greeting: (name: string) => `Hello ${name},`,
    hello: 'Hello,',
    linkFallback: 'If the button does not work, copy this address into your browser:',
    sentBy: (domain: string, title: string, at: Date) =>
      `Sent automatically by ${domain}, the site where “${title}” is signed, following a request made on ${dateFormat.format(at)} at ${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')} UTC.`,
    replyNote: 'A question? A reply to this message goes to the site’s contact address.',
    ignore:
      'If you did not make this request, ignore this message: without confirmation nothing is published and your data will be erased.',
    ignoreUnchanged: 'If you did not ask for this, ignore this message; nothing will change.',
    confirmSubject: (title: string) => `${title} — confirm your signature`,
    confirmPreheader: (days: number) => `One click to confirm — valid for ${amount(days, 'day', 'days')}`,
    confirmBody: (title: string) =>
      `Thank you for signing “${title}”. For your signature to count, open the link below, then press the “I confirm my signature” button on the page that opens.`,
    confirmButton: 'Confirm my signature',
    confirmExpiry: (days: number) => `This link is valid for ${amount(days, 'day', 'days')}.`,
    importSubject: (title: string) => `${title} — will you confirm your signature?`,
    importPreheader: (days: number) =>
      `Nothing is published without your consent — link valid for ${amount(days, 'day', 'days')}`,
    importBody: (title: string, org: string) =>
      `Your name is on the list of signatories of “${title}” gathered by ${org} before this site opened; the site now collects the signatures. Yours will be neither published nor counted without your consent. To confirm it, open the link below: the page that opens shows what will be recorded, as the collective passed it on; then press the “I confirm my signature” button.`,
    importExpiry: (days: number) =>
      `This link is valid for ${amount(days, 'day', 'days')}. If you do not answer, nothing will be published or counted, this information will be erased, and you will receive no other message about it.`,
    alreadySubject: (title: string) => `${title} — you have already signed`,
    alreadyPreheader: 'Nothing to do again: your signature is already counted',
    alreadyBody: (title: string) =>
      `Someone (you, most likely) sent the signature form of “${title}” again with this address. Your signature is already recorded and counted; there is nothing more to do. To edit, hide or withdraw it, open your personal link below.`,
    manageButton: 'Manage my signature',
    manageSubject: (title: string) => `${title} — your link to manage your signature`,
    managePreheader: (hours: number) => `Your personal link — valid for ${amount(hours, 'hour', 'hours')}`,
    manageBody: (title: string) =>
      `Here is, as requested, your personal link to edit, hide or withdraw your signature of “${title}”.`,
    manageExpiry: (hours: number) =>
      `This link is valid for ${amount(hours, 'hour', 'hours')}. Do not forward it: it gives access to your signature.`,
  },
}

// Written as typed, shown typeset (typeset.ts); the catalogue as written is kept for
// the typography test, which reads its functions' parameter names.
export { en as asWritten }
export default typesetCatalogue(en, 'en')
