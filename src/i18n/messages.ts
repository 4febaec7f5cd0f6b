// Generated from fr.toml by `npm run i18n:types` (src/i18n/generate-types.ts): do not edit.
export interface MessageData {
  readonly langName: string
  readonly skipToContent: string
  readonly nav: {
    readonly label: string
    readonly manifesto: string
    readonly sign: string
    readonly signatories: string
    readonly manage: string
    readonly otherLanguage: string
  }
  readonly footer: {
    readonly privacy: string
    readonly contact: string
    readonly poweredBy: string
  }
  readonly count: {
    readonly signatures: (values: { n: number }) => string
  }
  readonly provenance: {
    readonly firstPublished: string
    readonly firstPublishedOn: (values: { date: string | number }) => string
    readonly underTitle: (values: { title: string | number }) => string
    readonly end: string
  }
  readonly groups: {
    readonly fewerThan: (values: { k: number }) => string
    readonly note: (values: { k: number }) => string
  }
  readonly sign: {
    readonly title: string
    readonly intro: string
    readonly requiredNote: string
    readonly required: string
    readonly firstName: string
    readonly lastName: string
    readonly email: string
    readonly emailHint: string
    readonly category: string
    readonly categoryChoose: string
    readonly institution: string
    readonly institutionHint: string
    readonly discipline: string
    readonly jobTitle: string
    readonly jobTitleHint: string
    readonly jobTitleExample: string
    readonly unit: string
    readonly unitHint: string
    readonly display: string
    readonly displayFull: string
    readonly displayInitials: string
    readonly displayWithheld: string
    readonly displayHint: (values: { k: number }) => string
    readonly comment: string
    readonly commentHint: (values: { max: number }) => string
    readonly publishComment: string
    readonly publishCommentHint: string
    readonly public: string
    readonly publicHint: string
    readonly updates: string
    readonly consent: string
    readonly consentMore: string
    readonly honeypot: string
    readonly submit: string
    readonly closed: string
    readonly summaryItem: (values: { label: string | number; error: string | number }) => string
    readonly errorSummary: (values: { n: number }) => string
  }
  readonly meta: {
    readonly sign: string
    readonly signatories: string
    readonly institutions: string
    readonly stats: string
    readonly privacy: string
    readonly testimonies: string
  }
  readonly momentum: {
    readonly next: (values: { target: number }) => string
    readonly progress: (values: { count: number; target: number }) => string
    readonly institutions: (values: { n: number }) => string
  }
  readonly publicationList: {
    readonly asOf: (values: { date: string | number }) => string
    readonly totals: (values: { total: number; listed: number }) => string
    readonly initial: string
    readonly initials: string
    readonly noInstitution: string
    readonly otherCategory: string
    readonly withheld: (values: { n: number }) => string
    readonly organisationsTotals: (values: { total: number; listed: number; organisations: number }) => string
    readonly organisationsHeading: string
    readonly organisationsCount: (values: { n: number }) => string
    readonly organisationsOtherKind: string
  }
  readonly testimonies: {
    readonly title: string
    readonly intro: string
    readonly empty: string
    readonly next: string
    readonly first: string
    readonly pagination: string
    readonly more: string
    readonly moreNamed: string
  }
  readonly fieldError: {
    readonly required: string
    readonly too_long: string
    readonly email_invalid: string
    readonly email_mismatch: string
    readonly email_disposable: string
    readonly email_typo: string
    readonly email_other_institution: string
    readonly category_invalid: string
    readonly choice_invalid: string
    readonly consent_required: string
    readonly url_invalid: string
    readonly link_in_name: string
  }
  readonly kit: {
    readonly navLabel: string
    readonly counter: (values: { n: number }) => string
    readonly title: string
    readonly intro: string
    readonly free: string
    readonly contents: string
    readonly logosTitle: string
    readonly chooseMark: string
    readonly originalsAt: string
    readonly originalsSite: (values: { org: string | number }) => string
    readonly ownMarks: string
    readonly variantsTitle: (values: { name: string | number }) => string
    readonly markFiles: string
    readonly badgeFiles: string
    readonly markBody: (values: { size: number }) => string
    readonly downloads: string
    readonly pngWidths: string
    readonly emailTitle: string
    readonly emailBody: string
    readonly emailPreview: string
    readonly emailHtml: string
    readonly howTo: string
    readonly howThunderbird: string
    readonly howZimbra: string
    readonly howOutlook: string
    readonly howRoundcube: string
    readonly plainTitle: string
    readonly plainBody: string
    readonly plainLine: (values: { words: string | number; title: string | number; url: string | number }) => string
    readonly webTitle: string
    readonly webHtml: string
    readonly webHowTo: string
    readonly markdown: string
    readonly markdownHowTo: string
    readonly latex: string
    readonly latexHowTo: string
    readonly latexComment: (values: { pngUrl: string | number; file: string | number }) => string
    readonly latexPreamble: string
    readonly beamer: string
    readonly slidesTitle: string
    readonly slidesBody: string
    readonly slidesHowTo: string
    readonly slideDownload: string
    readonly slideInvite: string
    readonly qrTitle: string
    readonly qrBody: string
    readonly qrAlt: (values: { url: string | number }) => string
    readonly counterTitle: string
    readonly counterBody: string
    readonly counterAlt: (values: { title: string | number }) => string
    readonly counterHtml: string
    readonly counterMarkdown: string
    readonly counterApi: string
    readonly shareTitle: string
    readonly shareBody: string
    readonly shareEmail: string
    readonly shareBluesky: string
    readonly shareLinkedIn: string
    readonly shareMastodon: string
    readonly mastodonInstance: string
    readonly mastodonHint: string
    readonly mastodonButton: string
    readonly mastodonInvalid: string
    readonly mastodonReady: (values: { instance: string | number }) => string
    readonly mastodonReadyBody: string
    readonly mastodonOpen: (values: { instance: string | number }) => string
    readonly shareText: (values: { title: string | number; url: string | number }) => string
    readonly shareLink: string
    readonly formTitle: string
    readonly formBody: string
    readonly formHowTo: string
    readonly fromConfirmation: string
    readonly snippetHint: string
    readonly posterRead: string
    readonly poster: string
    readonly variants: {
      readonly colour: string
      readonly dark: string
      readonly mono: string
      readonly 'mono-dark': string
    }
  }
  readonly sent: {
    readonly title: string
    readonly body: string
    readonly spam: string
    readonly back: string
  }
  readonly confirm: {
    readonly title: string
    readonly lead: (values: { name: string | number }) => string
    readonly summaryIntro: string
    readonly summaryIntroImported: string
    readonly name: string
    readonly category: string
    readonly institution: string
    readonly discipline: string
    readonly jobTitle: string
    readonly unit: string
    readonly notGivenFeminine: string
    readonly display: string
    readonly displayInitials: (values: { initials: string | number }) => string
    readonly displayWithheld: string
    readonly publicListing: string
    readonly publicYes: string
    readonly publicNo: string
    readonly updates: string
    readonly updatesYes: string
    readonly debate: string
    readonly debateYes: string
    readonly debateUnreachable: string
    readonly comment: string
    readonly publishComment: string
    readonly publishCommentYes: string
    readonly none: string
    readonly notGivenInstitution: string
    readonly notGivenDiscipline: string
    readonly verifiedInstitution: string
    readonly typedInstitution: string
    readonly passedOnInstitution: string
    readonly address: string
    readonly no: string
    readonly notMine: string
    readonly signAgain: string
    readonly notMineImported: string
    readonly signYourself: string
    readonly button: string
    readonly doneTitle: string
    readonly doneBody: string
    readonly donePublic: string
    readonly donePrivate: string
    readonly donePublicInitials: string
    readonly donePublicWithheld: string
    readonly shareTitle: string
    readonly shareBody: string
    readonly manageHint: string
  }
  readonly signatories: {
    readonly title: string
    readonly intro: (values: { total: number; listed: number }) => string
    readonly search: string
    readonly searchButton: string
    readonly clear: string
    readonly empty: string
    readonly noResults: (values: { q: string | number }) => string
    readonly results: (values: { q: string | number }) => string
    readonly next: string
    readonly searchTooShort: (values: { n: number }) => string
    readonly first: string
    readonly signedOn: (values: { date: string | number }) => string
    readonly withheld: string
    readonly initialTitle: string
    readonly othersTitle: string
    readonly pagination: string
  }
  readonly institutions: {
    readonly title: string
    readonly intro: string
    readonly empty: string
    readonly caption: string
    readonly name: string
    readonly domain: string
    readonly total: string
    readonly listed: string
    readonly willing: string
    readonly addresses: (values: { domain: string | number }) => string
    readonly summary: (values: { total: number; listed: number }) => string
    readonly byCategory: string
    readonly category: string
    readonly count: string
    readonly signatoriesTitle: string
    readonly noneListed: string
    readonly next: string
    readonly first: string
    readonly pagination: string
    readonly verified: string
    readonly precision: string
    readonly all: string
    readonly summaryFew: (values: { k: number; listed: number }) => string
    readonly otherCategories: string
    readonly otherInstitutions: (values: { n: number; k: number }) => string
  }
  readonly stats: {
    readonly title: string
    readonly intro: string
    readonly totals: string
    readonly confirmed: string
    readonly listed: string
    readonly verified: string
    readonly other: string
    readonly willing: string
    readonly byCategory: string
    readonly byDiscipline: string
    readonly disciplineNote: (values: { n: number }) => string
    readonly otherDisciplines: string
    readonly moreDisciplines: string
    readonly category: string
    readonly discipline: string
    readonly count: string
    readonly byInstitutionType: string
    readonly institutionTypeNote: string
    readonly institutionType: string
    readonly otherInstitutionTypes: string
    readonly bySchool: string
    readonly schoolNote: (values: { n: number }) => string
    readonly byAcademy: string
    readonly academy: string
    readonly otherAcademies: string
    readonly growth: string
    readonly chartTitle: string
    readonly chartDesc: (values: { first: string | number; last: string | number; total: number }) => string
    readonly dayTable: string
    readonly day: string
    readonly onDay: string
    readonly cumulative: string
    readonly none: string
    readonly openData: string
    readonly openDataBody: (values: { licence: string | number }) => string
    readonly api: string
    readonly feed: string
  }
  readonly feed: {
    readonly title: (values: { site: string | number }) => string
    readonly milestone: (values: { n: number }) => string
    readonly milestoneBody: (values: { n: number; date: string | number }) => string
  }
  readonly transparency: {
    readonly navLabel: string
    readonly title: string
    readonly intro: string
    readonly howTitle: string
    readonly how: readonly string[]
    readonly guaranteeTitle: string
    readonly guarantee: string
    readonly limitsTitle: string
    readonly limits: string
    readonly latestTitle: string
    readonly latest: (values: { size: number; count: number; date: string | number }) => string
    readonly noCheckpoint: string
    readonly root: string
    readonly verifyTitle: string
    readonly verifyBody: string
    readonly verifyKeep: string
    readonly keepFolder: string
    readonly verifyOwn: string
    readonly dataTitle: string
    readonly key: string
    readonly checkpoints: string
    readonly entries: string
    readonly feed: string
    readonly keyFingerprint: string
    readonly keyFingerprintWhy: string
    readonly receiptTitle: string
    readonly receiptBody: string
    readonly receiptPosition: string
    readonly receiptSignature: string
    readonly receiptMinute: string
    readonly receiptSalt: string
    readonly receiptCommitment: string
    readonly receiptProof: string
    readonly receiptPending: string
    readonly receiptHow: string
    readonly feedTitle: (values: { count: number }) => string
    readonly feedBody: (values: { size: string | number; root: string | number; count: string | number; at: string | number; signature: string | number }) => string
  }
  readonly debate: {
    readonly optIn: string
    readonly optInHint: string
    readonly title: string
    readonly willing: (values: { n: number }) => string
    readonly willingFew: (values: { k: number }) => string
    readonly formIntro: string
    readonly emailHint: (values: { domain: string | number }) => string
    readonly name: string
    readonly email: string
    readonly message: string
    readonly messageHint: (values: { max: number }) => string
    readonly send: string
    readonly sentTitle: string
    readonly sentBody: string
    readonly confirmTitle: string
    readonly confirmLead: (values: { n: number | null; institution: string | number }) => string
    readonly confirmButton: string
    readonly doneTitle: string
    readonly doneFew: (values: { k: number }) => string
    readonly doneBody: (values: { n: number }) => string
    readonly limitedTitle: string
    readonly limitedBody: string
    readonly invalidTitle: string
    readonly invalidBody: string
    readonly stopTitle: string
    readonly stopLead: string
    readonly stopButton: string
    readonly stoppedTitle: string
    readonly stoppedBody: string
    readonly confirmSubject: (values: { title: string | number }) => string
    readonly confirmPreheader: string
    readonly confirmMailBody: (values: { institution: string | number }) => string
    readonly confirmMailButton: string
    readonly confirmExpiry: (values: { hours: number }) => string
    readonly relaySubject: (values: { institution: string | number }) => string
    readonly relayPreheader: (values: { name: string | number }) => string
    readonly relayIntro: (values: { name: string | number; email: string | number; institution: string | number }) => string
    readonly relayStop: string
    readonly manageEmailNote: string
    readonly privacyTitle: string
    readonly privacy: (values: { licence: string | number }) => string
  }
  readonly manage: {
    readonly requestTitle: string
    readonly requestIntro: (values: { hours: number }) => string
    readonly requestButton: string
    readonly requestSentTitle: string
    readonly requestSent: string
    readonly title: string
    readonly intro: string
    readonly pendingNote: string
    readonly save: string
    readonly saved: string
    readonly updatesEmail: string
    readonly updatesEmailHint: string
    readonly withdrawTitle: string
    readonly withdrawBody: string
    readonly withdrawButton: string
    readonly withdrawnTitle: string
    readonly withdrawnBody: string
  }
  readonly admin: {
    readonly title: string
    readonly loggedInAs: (values: { email: string | number }) => string
    readonly logout: string
    readonly loginTitle: string
    readonly loginIntro: string
    readonly loginButton: string
    readonly loginSentTitle: string
    readonly loginSent: string
    readonly loginConfirmTitle: string
    readonly loginConfirmButton: string
    readonly loginInvalidTitle: string
    readonly loginInvalid: string
    readonly loginMailSubject: (values: { title: string | number }) => string
    readonly loginMailPreheader: (values: { minutes: number }) => string
    readonly loginMailBody: string
    readonly loginMailButton: string
    readonly loginMailExpiry: (values: { minutes: number }) => string
    readonly loginMailIgnore: string
    readonly forbiddenTitle: string
    readonly forbidden: string
    readonly backToDashboard: string
    readonly dashboardTitle: string
    readonly mismatch: string
    readonly mismatchHint: string
    readonly search: string
    readonly filterLabel: string
    readonly searchButton: string
    readonly latest: string
    readonly none: string
    readonly older: string
    readonly reason: string
    readonly done: string
    readonly staleSignature: string
    readonly actions: string
    readonly hide: string
    readonly restore: string
    readonly approve: string
    readonly approveComment: string
    readonly markInitial: string
    readonly unmarkInitial: string
    readonly delete: string
    readonly deleteHint: string
    readonly deleted: string
    readonly domainsTitle: string
    readonly domainsIntro: string
    readonly domain: string
    readonly domainInvalid: string
    readonly displayName: string
    readonly blocked: string
    readonly blockedCol: string
    readonly save: string
    readonly yes: string
    readonly no: string
    readonly signingTitle: string
    readonly signingIsOpen: string
    readonly signingIsClosed: string
    readonly closesAt: (values: { date: string | number }) => string
    readonly signingOverridden: string
    readonly signingFromConfig: string
    readonly closeSigning: string
    readonly openSigning: string
    readonly exportTitle: string
    readonly exportIntro: string
    readonly exportButton: string
    readonly publicationTitle: string
    readonly publicationIntro: string
    readonly publicationGrouping: string
    readonly groupByCategory: string
    readonly groupByInstitution: string
    readonly plainText: string
    readonly publicationButton: (values: { format: string | number }) => string
    readonly bulkTitle: string
    readonly bulkDone: (values: { n: number }) => string
    readonly bulkIntro: string
    readonly bulkMissing: string
    readonly bulkNetwork: string
    readonly bulkNetworkHint: string
    readonly bulkName: string
    readonly bulkNameHint: string
    readonly bulkFrom: string
    readonly bulkTo: string
    readonly bulkTimeHint: string
    readonly bulkPreview: string
    readonly bulkMatches: (values: { n: number }) => string
    readonly bulkInvalidate: (values: { n: number }) => string
    readonly mailsTitle: string
    readonly mailsIntro: string
    readonly auditTitle: string
    readonly reconcileNow: string
    readonly reconciled: (values: { ok: boolean; kept: string | number; recounted: string | number }) => string
    readonly downloadData: string
    readonly downloadDataHint: string
    readonly privacyTitle: string
    readonly privacy: (values: { traceDays: number; invalidatedDays: number; auditDays: number }) => string
    readonly news: {
      readonly title: string
      readonly intro: string
      readonly create: string
      readonly newTitle: string
      readonly editTitle: string
      readonly back: string
      readonly none: string
      readonly columns: readonly string[]
      readonly titleLabel: (values: { lang: string | number }) => string
      readonly bodyLabel: (values: { lang: string | number }) => string
      readonly bodyHint: string
      readonly save: string
      readonly saved: string
      readonly locked: string
      readonly notPublished: string
      readonly notSent: string
      readonly sending: string
      readonly sent: (values: { n: number }) => string
      readonly preview: string
      readonly previewPage: (values: { lang: string | number }) => string
      readonly previewMail: (values: { lang: string | number }) => string
      readonly previewText: (values: { lang: string | number }) => string
      readonly testTitle: string
      readonly testHint: (values: { email: string | number }) => string
      readonly testButton: string
      readonly testSent: (values: { email: string | number }) => string
      readonly publishTitle: string
      readonly publishedOn: (values: { date: string | number }) => string
      readonly publishButton: string
      readonly unpublishButton: string
      readonly sendTitle: string
      readonly sendHint: (values: { n: number }) => string
      readonly sendButton: (values: { n: number }) => string
      readonly sendNobody: string
      readonly progressTotal: string
      readonly progressWaiting: string
      readonly progressSent: string
      readonly progressFailed: string
      readonly progressSkipped: string
      readonly progressRunning: string
      readonly progressDone: (values: { date: string | number }) => string
    }
    readonly nav: {
      readonly label: string
      readonly dashboard: string
      readonly domains: string
      readonly signing: string
      readonly export: string
      readonly bulk: string
      readonly mails: string
      readonly audit: string
      readonly news: string
      readonly organisations: string
    }
    readonly state: {
      readonly pending: string
      readonly confirmed: string
      readonly invalidated: string
      readonly hidden: string
      readonly awaiting: string
      readonly private: string
      readonly commentAwaiting: string
    }
    readonly flag: {
      readonly disposable: string
      readonly burst: string
      readonly same_name: string
      readonly watch_list: string
    }
    readonly counts: {
      readonly pending: string
      readonly confirmed: string
      readonly public: string
      readonly flagged: string
      readonly withdrawn: string
      readonly hidden: string
      readonly awaiting: string
      readonly comments: string
      readonly invalidated: string
    }
    readonly filter: {
      readonly all: string
      readonly pending: string
      readonly flagged: string
      readonly hidden: string
      readonly awaiting: string
      readonly comments: string
      readonly invalidated: string
      readonly mismatch: string
    }
    readonly col: {
      readonly name: string
      readonly institution: string
      readonly domain: string
      readonly submitted: string
      readonly state: string
      readonly category: string
      readonly discipline: string
      readonly comment: string
      readonly confirmed: string
      readonly approved: string
      readonly hidden: string
      readonly invalidated: string
      readonly network: string
      readonly consent: string
      readonly publishComment: string
      readonly initial: string
      readonly jobTitle: string
      readonly unit: string
      readonly display: string
      readonly date: string
      readonly kind: string
      readonly error: string
      readonly actor: string
      readonly action: string
      readonly target: string
      readonly detail: string
    }
    readonly displayAs: {
      readonly full: string
      readonly initials: string
      readonly withheld: string
    }
    readonly mailKind: {
      readonly confirm: string
      readonly already_signed: string
      readonly manage: string
      readonly admin_login: string
      readonly news: string
      readonly news_test: string
      readonly organisation_confirm: string
      readonly organisation_already: string
      readonly organisation_manage: string
      readonly organisation_approved: string
      readonly organisation_refused: string
    }
    readonly organisations: {
      readonly title: string
      readonly intro: string
      readonly filterLabel: string
      readonly none: string
      readonly kind: string
      readonly url: string
      readonly contact: string
      readonly email: string
      readonly emailErased: (values: { domain: string | number }) => string
      readonly addressInstitution: (values: { institution: string | number }) => string
      readonly addressSameSite: string
      readonly addressOther: string
      readonly sameName: string
      readonly mandate: string
      readonly submitted: string
      readonly confirmed: string
      readonly approved: string
      readonly hidden: string
      readonly proposedTitle: (values: { date: string | number }) => string
      readonly proposedNote: string
      readonly was: string
      readonly stale: string
      readonly dashboardAwaiting: string
      readonly dashboardListed: string
      readonly filter: {
        readonly awaiting: string
        readonly listed: string
        readonly hidden: string
        readonly pending: string
        readonly all: string
      }
      readonly state: {
        readonly pending: string
        readonly awaiting: string
        readonly listed: string
        readonly hidden: string
        readonly proposed: string
      }
      readonly action: {
        readonly approve: string
        readonly refuse: string
        readonly approve_change: string
        readonly refuse_change: string
        readonly hide: string
        readonly restore: string
        readonly delete: string
      }
      readonly actionHint: {
        readonly approve: string
        readonly approveUntold: string
        readonly refuse: string
        readonly refuseUntold: string
        readonly approve_change: string
        readonly refuse_change: string
        readonly delete: string
      }
      readonly done: {
        readonly approve: string
        readonly refuse: string
        readonly approve_change: string
        readonly refuse_change: string
        readonly hide: string
        readonly restore: string
        readonly delete: string
      }
    }
  }
  readonly token: {
    readonly invalidTitle: string
    readonly invalidBody: string
    readonly signAgain: string
    readonly requestManage: string
  }
  readonly error: {
    readonly notFoundTitle: string
    readonly notFoundBody: string
    readonly serverTitle: string
    readonly serverBody: string
    readonly unavailableTitle: string
    readonly unavailableBody: string
    readonly notSaved: string
    readonly badRequestTitle: string
    readonly badRequestBody: string
    readonly backHome: string
  }
  readonly abuse: {
    readonly tooManyTitle: string
    readonly tooManyBody: (values: { minutes: number; seconds: number }) => string
    readonly tooFast: string
    readonly didYouMean: string
    readonly keepAddress: string
  }
  readonly privacy: {
    readonly title: string
    readonly slug: string
    readonly controllerTitle: string
    readonly controller: (values: { org: string | number; email: string | number }) => string
    readonly purposeTitle: string
    readonly purpose: string
    readonly basisTitle: string
    readonly basis: string
    readonly collectedTitle: string
    readonly collected: string
    readonly emailTitle: string
    readonly email: string
    readonly publicTitle: string
    readonly public: string
    readonly displayTitle: string
    readonly display: (values: { k: number }) => string
    readonly aggregatesTitle: string
    readonly aggregates: (values: { k: number }) => string
    readonly logTitle: string
    readonly log: (values: { invalidatedDays: number }) => string
    readonly retentionTitle: string
    readonly retention: (values: { days: number; hours: number }) => string
    readonly rightsTitle: string
    readonly rights: string
    readonly noTrackingTitle: string
    readonly noTracking: string
  }
  readonly news: {
    readonly slug: string
    readonly title: string
    readonly description: string
    readonly intro: string
    readonly empty: string
    readonly publishedOn: (values: { date: string | number }) => string
    readonly older: string
    readonly feed: string
    readonly mailSubject: (values: { title: string | number; headline: string | number }) => string
    readonly mailPreheader: (values: { title: string | number }) => string
    readonly mailWhy: (values: { title: string | number }) => string
    readonly mailSentBy: (values: { domain: string | number; title: string | number }) => string
    readonly testSubject: (values: { subject: string | number }) => string
    readonly testNote: string
    readonly stopTitle: string
    readonly stopLead: string
    readonly stopButton: string
    readonly stoppedTitle: string
    readonly stoppedBody: string
    readonly invalidTitle: string
    readonly invalidBody: string
  }
  readonly mail: {
    readonly greeting: (values: { name: string | number }) => string
    readonly hello: string
    readonly linkFallback: string
    readonly sentBy: (values: { domain: string | number; title: string | number; date: string | number; hour: string | number; minute: number }) => string
    readonly replyNote: string
    readonly ignore: string
    readonly ignoreUnchanged: string
    readonly confirmSubject: (values: { title: string | number }) => string
    readonly confirmPreheader: (values: { days: number }) => string
    readonly confirmBody: (values: { title: string | number }) => string
    readonly confirmButton: string
    readonly confirmExpiry: (values: { days: number }) => string
    readonly importSubject: (values: { title: string | number }) => string
    readonly importPreheader: (values: { days: number }) => string
    readonly importBody: (values: { title: string | number; org: string | number }) => string
    readonly importExpiry: (values: { days: number }) => string
    readonly importSentBy: (values: { domain: string | number; title: string | number }) => string
    readonly alreadySubject: (values: { title: string | number }) => string
    readonly alreadyPreheader: string
    readonly alreadyBody: (values: { title: string | number }) => string
    readonly manageButton: string
    readonly manageSubject: (values: { title: string | number }) => string
    readonly managePreheader: (values: { hours: number }) => string
    readonly manageBody: (values: { title: string | number }) => string
    readonly manageExpiry: (values: { hours: number }) => string
    readonly orgConfirmSubject: (values: { title: string | number }) => string
    readonly orgConfirmBody: (values: { name: string | number; title: string | number }) => string
    readonly orgConfirmButton: string
    readonly orgModeration: string
    readonly orgAlreadySubject: (values: { title: string | number }) => string
    readonly orgAlreadyPreheader: string
    readonly orgAlreadyBody: (values: { title: string | number; name: string | number }) => string
    readonly orgManageButton: string
    readonly orgManageSubject: (values: { title: string | number }) => string
    readonly orgManageBody: (values: { title: string | number; name: string | number }) => string
    readonly orgApprovedSubject: (values: { title: string | number }) => string
    readonly orgApprovedPreheader: (values: { name: string | number }) => string
    readonly orgApprovedBody: (values: { name: string | number; title: string | number }) => string
    readonly orgListButton: string
    readonly orgApprovedAfter: string
    readonly orgRefusedSubject: (values: { title: string | number }) => string
    readonly orgRefusedPreheader: (values: { name: string | number }) => string
    readonly orgRefusedBody: (values: { title: string | number; name: string | number }) => string
    readonly orgRefusedAfter: string
    readonly orgDecisionSentBy: (values: { domain: string | number; title: string | number }) => string
  }
  readonly organisations: {
    readonly title: string
    readonly intro: (values: { title: string | number }) => string
    readonly count: (values: { n: number }) => string
    readonly homeLink: (values: { n: number }) => string
    readonly signCall: string
    readonly signLink: string
    readonly fromSignForm: string
    readonly fromSignFormLink: string
    readonly signTitle: string
    readonly signIntro: (values: { title: string | number }) => string
    readonly personalLink: string
    readonly name: string
    readonly nameHint: string
    readonly kind: string
    readonly kindChoose: string
    readonly url: string
    readonly urlHint: string
    readonly contactLegend: string
    readonly contactNote: string
    readonly contactName: string
    readonly contactRole: string
    readonly contactRoleHint: string
    readonly mandate: string
    readonly mandateShort: string
    readonly consentRequired: string
    readonly spam: string
    readonly mandateHint: string
    readonly email: string
    readonly emailHint: string
    readonly consent: string
    readonly submit: string
    readonly save: string
    readonly sentTitle: string
    readonly sent: string
    readonly confirmTitle: string
    readonly confirmLead: string
    readonly address: string
    readonly notGiven: string
    readonly notGivenFeminine: string
    readonly notMine: string
    readonly sendAgain: string
    readonly confirmButton: string
    readonly confirmedTitle: string
    readonly confirmed: string
    readonly manageTitle: string
    readonly manageIntro: string
    readonly statePending: string
    readonly stateAwaiting: string
    readonly stateListed: string
    readonly stateProposed: (values: { name: string | number }) => string
    readonly stateHiddenNext: string
    readonly stateHidden: string
    readonly saved: string
    readonly savedAwaiting: string
    readonly dataTitle: string
    readonly dataHint: string
    readonly dataLink: string
    readonly withdrawTitle: string
    readonly withdrawBody: string
    readonly withdrawButton: string
    readonly withdrawnTitle: string
    readonly withdrawn: string
    readonly manageRequestNote: string
    readonly privacyTitle: string
    readonly privacy: string
  }
}
