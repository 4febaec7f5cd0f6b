// French: the reference catalogue. Every other locale implements the same keys
// (the Messages type below), so a missing translation is a type error.
import { atPlace, ofName } from './french.js'
import { typesetCatalogue } from './typeset.js'

// Intl formatters are costly to build: one of each, reused.
const numberFormat = new Intl.NumberFormat('fr-FR')
const dateFormat = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const num = (n: number) => numberFormat.format(n)
// «1er décembre», not «1 décembre»: Intl leaves the ordinal to us.
const formatDate = (d: Date) => dateFormat.format(d).replace(/^1 /, '1er ')
// A number and its word are not split at the end of a line: a non-breaking space joins them.
const signatures = (n: number) =>
  n <= 1 ? `${num(n)}\u00a0signature vérifiée` : `${num(n)}\u00a0signatures vérifiées`
const pluralRules = new Intl.PluralRules('fr-FR')
const plural = (n: number, one: string, other: string) => (pluralRules.select(n) === 'one' ? one : other)
// A number and the word it counts, agreed: «1 seconde», «2 secondes», «1 000 caractères».
const amount = (n: number, one: string, other: string) => `${num(n)}\u00a0${plural(n, one, other)}`

const fr = {
  langName: 'Français',
  skipToContent: 'Aller au contenu',
  nav: {
    label: 'Navigation principale',
    manifesto: 'Le manifeste',
    sign: 'Signer',
    signatories: 'Signataires',
    manage: 'Modifier ma signature',
    otherLanguage: 'Lire en français',
  },
  footer: {
    privacy: 'Confidentialité',
    contact: 'Contact',
    poweredBy: 'Site sobre, sans traceur ni cookie, propulsé par Paraphe, logiciel libre.',
  },
  number: num,
  date: (iso: string) => formatDate(new Date(iso)),
  count: {
    signatures,
  },
  // Where and when the text first appeared ([publication] in site.toml).
  provenance: {
    firstPublished: (date: string | undefined) =>
      date ? `Publié pour la première fois le ${fr.date(date)} sur ` : 'Publié pour la première fois sur ',
    underTitle: (title: string) => (title ? `, sous le titre «\u00a0${title}\u00a0».` : '.'),
  },
  // Groups smaller than [privacy] min_group_size (k): never their exact size.
  groups: {
    fewerThan: (k: number) => `moins de ${num(k)}`,
    note: (k: number) =>
      `Un groupe de moins de ${amount(k, 'signature', 'signatures')} (un établissement, une catégorie, une discipline) n’est pas détaillé : il est indiqué « moins de ${num(k)} » ou compté avec d’autres, pour que personne ne puisse être reconnu. Les totaux sont exacts.`,
  },
  sign: {
    title: 'Signer le manifeste',
    intro:
      'Votre signature est comptée une fois votre adresse confirmée par le lien que nous vous enverrons.',
    requiredNote: 'Les champs marqués d’un astérisque (*) sont obligatoires.',
    required: 'obligatoire',
    firstName: 'Prénom',
    lastName: 'Nom',
    email: 'Adresse électronique',
    emailHint:
      'Pour confirmer votre signature. Elle n’est jamais publiée ; une adresse institutionnelle atteste votre rattachement.',
    category: 'Vous êtes',
    categoryChoose: 'Choisissez…',
    institution: 'Établissement',
    institutionHint: 'Université, organisme, école, lycée…',
    discipline: 'Discipline',
    jobTitle: 'Fonction ou grade',
    jobTitleHint: 'Choisissez dans la liste proposée ou saisissez librement.',
    jobTitleExample: 'Par exemple : Maître·sse de conférences, Ingénieur·e d’études.',
    unit: 'Unité ou laboratoire',
    unitHint: 'Par exemple : IRIT – UMR 5505.',
    display: 'Dans la liste publique, apparaître sous',
    displayFull: 'mon nom complet',
    displayInitials: 'mes initiales seulement (par exemple « C. D. »)',
    displayWithheld: '« un·e signataire », sans mon nom',
    displayHint: (k: number) =>
      `Sous vos initiales ou sans votre nom, la liste ne montre rien d’autre de vous que l’établissement de votre adresse vérifiée, et seulement s’il compte au moins ${amount(k, 'signature', 'signatures')}. Votre signature est comptée dans tous les cas.`,
    comment: 'Commentaire',
    commentHint: (max: number) =>
      `Facultatif, ${amount(max, 'caractère', 'caractères')} au plus. Il n’est publié que si vous cochez la case qui suit.`,
    publishComment: 'Publier mon commentaire',
    publishCommentHint:
      'Sur la page « Pourquoi nous signons » et, parmi les plus récents, sur la page d’accueil, avec votre nom tel que vous avez choisi d’apparaître : seulement si vous figurez dans la liste publique, et une fois approuvé par la modération du site. Il est retiré avec votre signature.',
    public: 'Afficher mon nom dans la liste publique des signataires',
    publicHint: 'Sinon, votre signature est comptée sans que votre nom apparaisse.',
    updates: 'J’accepte de recevoir des nouvelles du collectif (quelques messages par an au plus)',
    consent:
      'Je consens au traitement de ces données, qui révèlent une opinion politique, pour l’enregistrement et, si je le choisis, la publication de ma signature.',
    consentMore: 'Comment sont traitées mes données',
    honeypot: 'Laissez ce champ vide',
    submit: 'Signer',
    closed: 'La signature de ce manifeste est close. Merci à toutes celles et ceux qui l’ont signé.',
    summaryItem: (label: string, error: string) => `${label} : ${error}`,
    errorSummary: (n: number) =>
      `Le formulaire contient ${n === 1 ? 'une erreur' : amount(n, 'erreur', 'erreurs')} :`,
  },
  meta: {
    sign: 'Signer le manifeste en quelques champs : votre signature est comptée une fois votre adresse confirmée, et vous choisissez si votre nom est publié.',
    signatories:
      'La liste des signataires qui ont choisi d’être nommés, avec leur établissement, et la recherche dans cette liste.',
    institutions:
      'Les établissements des signataires, d’après le domaine de leur adresse électronique confirmée.',
    stats: 'Les signatures vérifiées du manifeste, par jour, par catégorie et par discipline.',
    privacy:
      'Comment sont traitées les données des signataires : ce qui est publié, ce qui est conservé, combien de temps, et vos droits.',
    testimonies:
      'Les commentaires que des signataires ont choisi de publier : pourquoi ils et elles ont signé.',
  },
  // The home page's momentum: the next milestone of site.toml, institutions represented.
  momentum: {
    next: (target: number) => `Prochain palier : ${signatures(target)}`,
    progress: (count: number, target: number) => `${num(count)} sur ${num(target)}`,
    institutions: (n: number) =>
      n === 1
        ? 'Un établissement représenté'
        : `${amount(n, 'établissement représenté', 'établissements représentés')}`,
  },
  // The list for publication (PDF, DOCX, text) that moderators download.
  publicationList: {
    asOf: (date: string) => `Liste des signataires au ${date}`,
    totals: (total: number, listed: number) =>
      `${signatures(total)}, dont ${num(listed)} ${listed <= 1 ? 'rendue publique' : 'rendues publiques'}. Seules sont nommées les personnes qui l’ont choisi.`,
    initial: 'Premiers signataires',
    initials: 'Signataires sous leurs initiales',
    noInstitution: 'Sans établissement indiqué',
    otherCategory: 'Autres',
    withheld: (n: number) =>
      n === 1
        ? 'Ainsi qu’une personne qui a choisi de signer sans être nommée.'
        : `Ainsi que ${amount(n, 'personne', 'personnes')} qui ont choisi de signer sans être nommées.`,
  },
  testimonies: {
    title: 'Pourquoi nous signons',
    intro:
      'Des signataires disent pourquoi ils et elles ont signé. Un commentaire n’est publié ici qu’à la demande de la personne qui l’a écrit, une fois approuvé par la modération du site, sous le nom tel qu’elle a choisi d’apparaître.',
    empty: 'Aucun commentaire publié pour le moment.',
    next: 'Commentaires plus anciens',
    first: 'Revenir aux plus récents',
    pagination: 'Pages des commentaires',
    more: 'Lire tous les commentaires publiés',
    moreNamed: 'Lire tous les commentaires publiés, avec le nom de leurs signataires',
  },
  fieldError: {
    required: 'Ce champ est obligatoire.',
    too_long: 'Ce texte est trop long.',
    email_invalid: 'Cette adresse électronique n’est pas valide (exemple : prenom.nom@univ-exemple.fr).',
    email_mismatch: 'Saisissez l’adresse avec laquelle vous avez signé.',
    email_disposable:
      'Les adresses jetables ne sont pas acceptées : saisissez une adresse que vous consultez durablement, de préférence celle de votre établissement.',
    email_typo: 'Vérifiez cette adresse : elle ressemble à une faute de frappe.',
    email_other_institution:
      'Seules les personnes de cet établissement peuvent écrire : saisissez votre adresse de l’établissement.',
    category_invalid: 'Choisissez une catégorie dans la liste.',
    choice_invalid: 'Choisissez l’une des options proposées.',
    consent_required: 'Votre consentement explicite est nécessaire pour enregistrer votre signature.',
  },
  kit: {
    navLabel: 'Kit des signataires',
    // The badge says what the site counts: verified signatures, not people who asked to sign.
    counter: signatures,
    title: 'Kit des signataires',
    intro:
      'Affichez votre soutien au texte dans vos activités, vos signatures de courriel, vos publications et vos diaporamas, avec le logo et le lien vers le texte. Voici de quoi le faire en une minute : logos, signatures de courriel, badges, diapositive, code QR et compteur.',
    free: 'Tout est libre de réutilisation, sans inscription ; les images sont servies par ce site, sans traceur.',
    contents: 'Sur cette page',
    logosTitle: 'Les logos',
    chooseMark:
      'Le manifeste invite chacun·e à choisir le logo qui lui convient : chacun existe en couleur et en noir ou blanc, pour fond clair ou sombre, avec son badge, ses codes à copier et sa diapositive.',
    originalsAt: 'Les logos d’origine du collectif se trouvent sur',
    originalsSite: (org: string) => `le site ${ofName(org)}`,
    ownMarks:
      'Le collectif peut placer les siens ici, à côté de ceux-ci ou à leur place, dans le dossier content/kit/ du site (voir le README).',
    variantsTitle: (name: string) => `« ${name} » : le logo et son badge`,
    markFiles: 'Logo :',
    badgeFiles: 'Badge :',
    markBody: (size: number) =>
      `Le logo seul, pour un pied de diapositive, une page web, un avatar : chaque aperçu le montre à 64, 32 et 16 pixels ; aux deux plus petites tailles, un dessin simplifié, fait pour elles. Le badge, le logo avec ses mots, pour les signatures, les sites et les affiches, n’est proposé qu’aux tailles où ses mots se lisent, à partir de ${num(size)}\u00a0pixels de large ; plus petit, prenez le logo seul.`,
    variants: {
      colour: 'Couleur, sur fond clair',
      dark: 'Couleur, sur fond sombre',
      mono: 'Noir, sur fond clair',
      'mono-dark': 'Blanc, sur fond sombre',
    },
    downloads: 'Télécharger',
    pngWidths: 'PNG, largeur en pixels :',
    emailTitle: 'Signature de courriel',
    emailBody:
      'Le badge, cliquable, suivi du lien vers le texte. L’image est hébergée ici, avec ses dimensions et un texte de remplacement, et ne dépend d’aucun style externe.',
    emailPreview: 'Aperçu (à copier tel quel dans un éditeur de signature)',
    emailHtml: 'Code HTML de la signature',
    howTo: 'Comment la coller',
    howThunderbird:
      'Thunderbird : Paramètres des comptes › votre compte › Texte de signature ; cochez « Utiliser HTML » et collez le code HTML.',
    howZimbra:
      'Zimbra et Partage : Préférences › Signatures ; choisissez le format HTML, puis collez l’aperçu copié ci-dessus (ou le code, avec le bouton « code source » de l’éditeur).',
    howOutlook:
      'Outlook sur le web : Paramètres › Courrier › Composer et répondre › Signature électronique ; collez l’aperçu copié ci-dessus.',
    howRoundcube:
      'Roundcube : Paramètres › Identités › votre identité › Signature ; passez en mode HTML, ouvrez « Code source » (<>) et collez le code HTML.',
    plainTitle: 'En texte seul',
    plainBody: 'Pour les signatures en texte brut, les forums et les messageries :',
    plainLine: (words: string, title: string, url: string) => `${words} — « ${title} » : ${url}`,
    webTitle: 'Site web, README, LaTeX',
    webHtml: 'Badge pour une page web (HTML)',
    webHowTo: 'Collez ce code dans une page ou un bloc « HTML personnalisé » (WordPress, Hugo, Jekyll…).',
    markdown: 'Markdown (README, forges, wikis)',
    markdownHowTo: 'À placer en tête d’un README sur GitLab, GitHub, Codeberg ou une forge institutionnelle.',
    latex: 'LaTeX',
    latexHowTo:
      'Enregistrez le PNG à côté du fichier .tex ; les paquets graphicx et hyperref sont nécessaires.',
    latexComment: (pngUrl: string, file: string) => `% Image : ${pngUrl} enregistrée sous ${file}`,
    latexPreamble:
      '% Dans le préambule : \\usepackage{graphicx} et \\usepackage[hidelinks]{hyperref} (sans cadre coloré autour du badge)',
    beamer: 'Beamer : le badge en pied de chaque diapositive',
    slidesTitle: 'Diaporamas',
    slidesBody:
      'Une diapositive 16:9 (1920 × 1080) avec la marque, le titre du texte, le lien, le code QR et le nombre de signatures du moment, pour ouvrir ou clore une présentation.',
    slidesHowTo:
      'Impress : Insertion › Image ; PowerPoint : Insertion › Images › Cet appareil ; Keynote : glissez le fichier sur la diapositive. Pour la rendre cliquable, ajoutez un lien hypertexte vers le manifeste sur l’image.',
    slideDownload: 'Diapositive 16:9',
    /** The slide's one line of invitation, above the link. */
    slideInvite: 'Lire le texte et le signer :',
    qrTitle: 'Code QR',
    qrBody: 'Il mène au manifeste ; pour les affiches, les posters et les diapositives.',
    qrAlt: (url: string) => `Code QR vers ${url}`,
    counterTitle: 'Compteur en direct',
    counterBody:
      'Une image qui affiche le nombre de signatures vérifiées, mise à jour toute seule. Elle peut être intégrée sur n’importe quel site : elle ne contient aucun script et ne dépose aucun cookie.',
    counterAlt: (title: string) => `Nombre de signatures du manifeste « ${title} »`,
    counterHtml: 'Code HTML du compteur',
    counterMarkdown: 'Compteur en Markdown',
    counterApi: 'Pour l’afficher autrement, le nombre est aussi publié en JSON :',
    shareTitle: 'Partager le manifeste',
    shareBody:
      'Ces liens ouvrent directement le service choisi ; cette page ne charge rien depuis ces sites.',
    shareEmail: 'Par courriel',
    shareBluesky: 'Sur Bluesky',
    shareLinkedIn: 'Sur LinkedIn',
    shareMastodon: 'Sur Mastodon',
    mastodonInstance: 'Votre instance Mastodon',
    mastodonHint: 'Par exemple : mastodon.social ou framapiaf.org',
    mastodonButton: 'Préparer le pouet',
    mastodonInvalid: 'Saisissez le nom d’une instance, par exemple mastodon.social.',
    mastodonReady: (instance: string) => `Partager sur ${instance}`,
    mastodonReadyBody:
      'Ce lien ouvre le formulaire de publication de votre instance avec le titre et le lien du manifeste :',
    mastodonOpen: (instance: string) => `Ouvrir ${instance}`,
    shareText: (title: string, url: string) => `« ${title} » : ${url}`,
    shareLink: 'Le lien à copier',
    formTitle: 'Intégrer le formulaire sur un autre site',
    formBody:
      'Un collectif, un laboratoire ou un syndicat peut recueillir des signatures depuis son propre site : ce formulaire les envoie ici, où chaque signature est vérifiée par courriel comme les autres. Les noms des champs sont stables.',
    formHowTo:
      'Collez-le dans une page (bloc « HTML personnalisé » de WordPress, par exemple) et habillez-le avec la feuille de style du site. Le champ « website » doit rester vide et caché : il piège les robots.',
    fromConfirmation: 'Logos, signature de courriel, badges et code QR : le kit des signataires',
    snippetHint: 'Le code est sélectionnable : cliquez dans la zone, sélectionnez tout, copiez.',
    posterRead: 'Scannez pour lire le texte',
    poster: 'Scannez pour lire et signer',
  },
  sent: {
    title: 'Vérifiez votre messagerie',
    body: 'Si l’adresse saisie est valide, un message vient de lui être envoyé. Ouvrez le lien qu’il contient pour confirmer votre signature : elle ne sera comptée qu’ensuite.',
    spam: 'Rien reçu dans quelques minutes ? Regardez dans les indésirables, ou signez à nouveau en vérifiant l’adresse.',
    back: 'Retour au manifeste',
  },
  confirm: {
    title: 'Confirmer votre signature',
    lead: (name: string) => `Vous allez confirmer la signature ${ofName(name)}.`,
    summaryIntro: 'Voici ce qui sera enregistré, tel que le formulaire l’a reçu :',
    name: 'Nom',
    category: 'Catégorie',
    institution: 'Établissement',
    discipline: 'Discipline',
    jobTitle: 'Fonction ou grade',
    unit: 'Unité ou laboratoire',
    notGivenFeminine: 'Non renseignée',
    display: 'Dans la liste, apparaître sous',
    displayInitials: (initials: string) => `vos initiales : ${initials}`,
    displayWithheld: '« un·e signataire », sans votre nom',
    publicListing: 'Liste publique',
    publicYes: 'Oui, votre nom sera affiché parmi les signataires',
    publicNo: 'Non, votre signature sera comptée sans votre nom',
    updates: 'Nouvelles du collectif',
    updatesYes: 'Oui, votre adresse sera conservée pour cela',
    debate: 'Organisation d’un débat',
    debateYes: 'Oui, des personnes de votre établissement pourront vous écrire par le site',
    debateUnreachable:
      'Oui, mais avec une adresse personnelle, personne ne peut vous joindre par le site : signez à nouveau avec l’adresse de votre établissement',
    comment: 'Commentaire',
    publishComment: 'Publication du commentaire',
    publishCommentYes: 'Oui, une fois approuvé par la modération, si vous figurez dans la liste publique',
    none: 'Aucun',
    notGivenInstitution: 'Non renseigné',
    notGivenDiscipline: 'Non renseignée',
    verifiedInstitution: 'Établissement vérifié par l’adresse',
    typedInstitution: 'Précision saisie',
    address: 'Adresse',
    no: 'Non',
    notMine:
      'Ce n’est pas ce que vous avez saisi ? Ne confirmez pas : ce lien n’enregistre que ces informations. Ignorez-le, ou',
    signAgain: 'signez à nouveau en corrigeant',
    button: 'Je confirme ma signature',
    doneTitle: 'Merci, votre signature est comptée',
    doneBody: 'Votre adresse est vérifiée et votre signature s’ajoute au décompte.',
    donePublic: 'Votre nom figure dans la liste publique des signataires.',
    donePrivate: 'Votre signature est comptée sans que votre nom soit publié.',
    donePublicInitials: 'Votre signature figure dans la liste publique sous vos initiales.',
    donePublicWithheld:
      'Votre signature figure dans la liste publique sans votre nom, comme « un·e signataire ».',
    shareTitle: 'Faire connaître le manifeste',
    shareBody:
      'Affichez votre ralliement dans vos signatures de courriel, vos publications et vos diaporamas, avec le lien vers le texte :',
    manageHint:
      'Pour modifier ou retirer votre signature plus tard, demandez un lien depuis la page « Modifier ma signature ».',
  },
  signatories: {
    title: 'Signataires',
    intro: (total: number, listed: number) =>
      `${signatures(total)}, dont ${num(listed)} ${listed <= 1 ? 'rendue publique' : 'rendues publiques'}. Seules les personnes qui l’ont choisi sont nommées.`,
    search: 'Rechercher un nom ou un établissement',
    searchButton: 'Rechercher',
    clear: 'Toute la liste',
    empty: 'Aucune signature publique pour le moment.',
    noResults: (q: string) => `Aucun résultat pour « ${q} ».`,
    results: (q: string) => `Résultats pour « ${q} »`,
    next: 'Signatures plus anciennes',
    searchTooShort: (n: number) =>
      `Tapez au moins ${amount(n, 'caractère', 'caractères')} pour chercher un nom ou un établissement.`,
    first: 'Revenir aux plus récentes',
    signedOn: (date: string) => `a signé le ${date}`,
    withheld: 'Un·e signataire',
    initialTitle: 'Premiers signataires',
    othersTitle: 'Ensemble des signataires',
    pagination: 'Pages de la liste',
  },
  institutions: {
    title: 'Établissements',
    intro:
      'Les signatures sont regroupées par le domaine de l’adresse électronique confirmée, que la confirmation a prouvé : c’est le rattachement attesté, pas seulement déclaré. Les signatures non publiques sont comptées sans que personne soit nommé.',
    empty: 'Aucune signature confirmée avec une adresse institutionnelle pour le moment.',
    caption: 'Établissements, par nombre de signatures confirmées',
    name: 'Établissement',
    domain: 'Domaine',
    total: 'Signatures',
    listed: 'Publiques',
    willing: 'Prêtes à organiser un débat',
    addresses: (domain: string) => `Adresses électroniques en @${domain}`,
    summary: (total: number, listed: number) =>
      `${signatures(total)} avec une adresse de cet établissement, dont ${num(listed)} ${listed <= 1 ? 'rendue publique' : 'rendues publiques'}. Les autres sont comptées sans être nommées.`,
    byCategory: 'Par catégorie',
    category: 'Catégorie',
    count: 'Signatures',
    signatoriesTitle: 'Signataires qui ont choisi d’être nommés',
    noneListed: 'Aucune signature publique pour cet établissement.',
    next: 'Signatures plus anciennes',
    first: 'Revenir aux plus récentes',
    pagination: 'Pages de la liste',
    verified: 'adresse institutionnelle vérifiée',
    precision: 'Précision donnée par la personne signataire :',
    all: 'Tous les établissements',
    summaryFew: (k: number, listed: number) =>
      `Moins de ${signatures(k)} avec une adresse de cet établissement${listed > 0 ? ` ; ${num(listed)} ${plural(listed, 'personne a choisi d’être nommée', 'personnes ont choisi d’être nommées')} ci-dessous` : ''}. Les nombres par catégorie sont donnés à partir de ${amount(k, 'signature', 'signatures')}.`,
    otherCategories: 'Autres catégories',
    otherInstitutions: (n: number, k: number) =>
      `${plural(n, 'Autre établissement', 'Autres établissements')} (${num(n)}, moins de ${amount(k, 'signature', 'signatures')} ${plural(n, 'au total', 'chacun')})`,
  },
  stats: {
    title: 'Statistiques',
    intro: 'Ces nombres sont tenus à jour à chaque signature confirmée, modifiée ou retirée.',
    totals: 'En bref',
    confirmed: 'Signatures confirmées',
    listed: 'Dont publiques',
    verified: 'Avec une adresse institutionnelle vérifiée',
    other: 'Avec une autre adresse',
    willing: 'Prêtes à aider à organiser un débat',
    byCategory: 'Par catégorie',
    byDiscipline: 'Par discipline',
    disciplineNote: (n: number) =>
      `Les disciplines les plus citées (${num(n)} au plus), telles que saisies par des signataires qui ont choisi d’être nommés.`,
    otherDisciplines: 'Autres disciplines',
    moreDisciplines: 'Les autres disciplines nommées (toutes dans l’API)',
    category: 'Catégorie',
    discipline: 'Discipline',
    count: 'Signatures',
    byInstitutionType: 'Par type d’établissement',
    institutionTypeNote:
      'Signatures confirmées avec une adresse institutionnelle vérifiée, selon l’établissement qui donne l’adresse.',
    institutionType: 'Type d’établissement',
    otherInstitutionTypes: 'Autres établissements',
    bySchool: 'Personnels des écoles, collèges et lycées',
    schoolNote: (n: number) =>
      `${amount(n, 'signature confirmée', 'signatures confirmées')} avec une adresse académique (ac-….fr), selon l’académie qui la donne.`,
    byRegion: 'Par région académique',
    region: 'Région',
    otherRegions: 'Autres régions',
    byAcademy: 'Par académie',
    academy: 'Académie',
    otherAcademies: 'Autres académies',
    growth: 'Évolution',
    chartTitle: 'Nombre cumulé de signatures confirmées, jour après jour',
    chartDesc: (first: string, last: string, total: number) =>
      `Courbe croissante du ${first} au ${last}, jusqu’à ${signatures(total)}. Les valeurs figurent dans le tableau qui suit.`,
    dayTable: 'Signatures confirmées par jour',
    day: 'Jour',
    onDay: 'Ce jour',
    cumulative: 'Total cumulé',
    none: 'Aucune signature confirmée pour le moment.',
    openData: 'Données ouvertes',
    openDataBody: (licence: string) =>
      `La liste des signatures publiques est téléchargeable, sous licence ${licence} :`,
    api: 'Une API JSON et un flux Atom des étapes franchies sont aussi disponibles.',
    feed: 'Flux Atom des étapes franchies',
  },
  feed: {
    title: (site: string) => `${site} : étapes franchies`,
    milestone: (n: number) => `${signatures(n)} !`,
    milestoneBody: (n: number, date: string) =>
      `Le manifeste a franchi le cap des ${signatures(n)} le ${date}.`,
  }, // The public log of the count (/transparency) and the receipt of a signatory.
  transparency: {
    navLabel: 'Vérifier le décompte',
    title: 'Un décompte que chacun peut vérifier',
    intro:
      'Toute pétition demande qu’on croie son compteur sur parole. Ici, chaque changement du nombre de signatures est inscrit dans un journal public où l’on peut seulement ajouter, jamais réécrire, et que n’importe qui peut recopier et vérifier.',
    howTitle: 'Comment ça marche',
    how: [
      'Chaque signature confirmée ajoute une ligne au journal : sa position, l’heure (à la minute près) et une empreinte de la signature, calculée avec un sel aléatoire que seul le ou la signataire reçoit. Le journal ne contient ni nom, ni adresse, ni établissement.',
      'Un retrait, ou l’invalidation d’une signature par la modération, ajoute une ligne d’annulation qui désigne la position annulée. Le nombre affiché est le nombre d’ajouts moins le nombre d’annulations.',
      'Les lignes forment un arbre de Merkle (RFC 9162, celui de la transparence des certificats). Toutes les quelques minutes, le site signe un point de contrôle : taille du journal, empreinte de l’arbre, nombre de signatures et date.',
    ],
    guaranteeTitle: 'Ce qui est garanti',
    guarantee:
      'Quiconque a gardé un point de contrôle peut vérifier que le journal d’aujourd’hui le prolonge : aucune ligne ancienne n’a été modifiée, retirée ni réordonnée, et le nombre annoncé à chaque point de contrôle est bien celui des lignes. Chaque signataire peut vérifier que sa propre ligne y figure.',
    limitsTitle: 'Ce qui ne l’est pas',
    limits:
      'Le journal prouve que le décompte n’a pas été réécrit après coup, pas que chaque signature vient d’une personne réelle qui est bien celle qu’elle dit être. Cela, c’est le rôle de la confirmation par courriel (une signature par adresse) et des adresses d’établissement vérifiées. Une fois une signature retirée, son sel est effacé : sa ligne ne peut plus être reliée à personne.',
    latestTitle: 'Dernier point de contrôle',
    latest: (size: number, count: number, date: string) =>
      `${plural(size, `${num(size)} ligne`, `${num(size)} lignes`)} au journal, ${signatures(count)}, signé le ${date}.`,
    noCheckpoint: 'Aucun point de contrôle n’a encore été signé.',
    root: 'Empreinte de l’arbre',
    verifyTitle: 'Vérifier',
    verifyBody:
      'Avec Paraphe (logiciel libre), une commande télécharge les points de contrôle et le journal, recalcule l’arbre, vérifie chaque signature et chaque nombre, et dit clairement ce qui ne va pas s’il y a lieu :',
    verifyKeep:
      'Pour vérifier plus tard que rien n’a été réécrit entre-temps, gardez une copie du journal. La seconde commande, lancée n’importe quand ensuite, échoue en nommant les points de contrôle touchés si une ligne de la copie a été modifiée, retirée ou réordonnée depuis, ou si le site signe désormais avec une autre clé :',
    keepFolder: 'copie-du-journal',
    verifyOwn:
      'On peut aussi écrire son propre vérificateur : les données sont publiques, et leur format est décrit dans la documentation de l’API.',
    dataTitle: 'Les données',
    key: 'Clé publique (Ed25519) des points de contrôle',
    checkpoints: 'Points de contrôle (JSON)',
    entries: 'Lignes du journal (JSON)',
    feed: 'Fil Atom, qui porte le dernier point de contrôle',
    keyFingerprint: 'Empreinte SHA-256 de la clé publique',
    keyFingerprintWhy:
      'La commande de vérification affiche la même empreinte. Si elle est aussi publiée ailleurs que sur ce site, les comparer montre que la clé n’a pas été remplacée en cours de route.',
    receiptTitle: 'Votre reçu',
    receiptBody:
      'Votre signature est inscrite au journal public. Gardez ces valeurs : elles permettent, à vous seul·e, de retrouver votre ligne et de vérifier qu’elle y reste.',
    receiptPosition: 'Position',
    receiptSignature: 'Numéro de signature',
    receiptMinute: 'Confirmée à',
    receiptSalt: 'Sel (secret)',
    receiptCommitment: 'Empreinte',
    receiptProof: 'Preuve d’inclusion dans le dernier point de contrôle',
    receiptPending: 'Votre ligne figurera dans le prochain point de contrôle, d’ici quelques minutes.',
    receiptHow: 'Comment vérifier',
    feedTitle: (count: number) => `Point de contrôle du journal public : ${signatures(count)}`,
    feedBody: (size: number, root: string, count: number, at: string, signature: string) =>
      `Taille : ${size}. Racine : ${root}. Nombre : ${count}. Date : ${at}. Signature Ed25519 : ${signature}`,
  },

  debate: {
    optIn: 'Je suis prêt·e à aider à organiser un débat dans mon établissement',
    optInHint:
      'D’autres personnes de votre établissement pourront vous écrire par l’intermédiaire du site, sans jamais voir votre adresse : elle est conservée pour cela seulement. Chaque message relayé permet de ne plus en recevoir. Il faut pour cela signer avec l’adresse de votre établissement : une adresse personnelle ne permet pas de vous joindre.',
    title: 'Organiser un débat',
    willing: (n: number) =>
      n === 0
        ? 'Personne ne s’est encore proposé pour organiser un débat dans cet établissement.'
        : n === 1
          ? 'Une personne est prête à aider à organiser un débat dans cet établissement.'
          : `${num(n)} personnes sont prêtes à aider à organiser un débat dans cet établissement.`,
    willingFew: (k: number) =>
      `Moins de ${amount(k, 'personne est prête', 'personnes sont prêtes')} à aider à organiser un débat dans cet établissement.`,
    formIntro:
      'Écrivez-leur : votre message leur est transmis par courriel, sans que leurs adresses vous soient révélées. Seules les personnes de l’établissement peuvent écrire : vous devrez d’abord confirmer votre propre adresse de l’établissement ; elle sera communiquée aux destinataires pour qu’ils puissent vous répondre.',
    emailHint: (domain: string) => `Une adresse en @${domain}.`,
    name: 'Votre nom',
    email: 'Votre adresse électronique',
    message: 'Votre message',
    messageHint: (max: number) => `${amount(max, 'caractère', 'caractères')} au plus.`,
    send: 'Envoyer le message',
    sentTitle: 'Confirmez votre adresse',
    sentBody:
      'Si l’adresse saisie est valide, un message vient de lui être envoyé. Ouvrez le lien qu’il contient pour que votre message soit relayé.',
    confirmTitle: 'Relayer votre message',
    confirmLead: (institution: string, n: number | null) =>
      `Votre message sera transmis ${n === null ? 'aux personnes prêtes' : n <= 1 ? 'à la personne prête' : `à ${num(n)} personnes prêtes`} à organiser un débat ${atPlace(institution)}.`,
    confirmButton: 'Je confirme et j’envoie le message',
    doneTitle: 'Message relayé',
    doneFew: (k: number) =>
      `Votre message a été transmis aux personnes prêtes à organiser un débat (moins de ${num(k)}).`,
    doneBody: (n: number) =>
      n <= 1
        ? 'Votre message a été transmis à une personne.'
        : `Votre message a été transmis à ${num(n)} personnes.`,
    limitedTitle: 'Trop de messages pour le moment',
    limitedBody:
      'Le nombre de messages relayés par jour est limité, par expéditeur et par établissement. Réessayez demain.',
    invalidTitle: 'Lien invalide ou expiré',
    invalidBody:
      'Ce lien n’est plus valable : le message a déjà été envoyé, ou il a expiré. Vous pouvez écrire un nouveau message depuis la page de l’établissement.',
    stopTitle: 'Ne plus recevoir de messages',
    stopLead:
      'Vous ne recevrez plus de messages de personnes souhaitant organiser un débat. Votre signature n’est pas modifiée autrement.',
    stopButton: 'Ne plus recevoir ces messages',
    stoppedTitle: 'C’est noté',
    stoppedBody:
      'Vous ne recevrez plus de messages relayés. Vous pouvez vous proposer à nouveau depuis la page « Modifier ma signature ».',
    confirmSubject: (title: string) => `${title} — confirmez l’envoi de votre message`,
    confirmPreheader: 'Un clic pour que votre message soit transmis',
    confirmMailBody: (institution: string) =>
      `Vous avez écrit aux personnes prêtes à organiser un débat ${atPlace(institution)}. Pour que votre message leur soit transmis, ouvrez le lien ci-dessous, puis appuyez sur le bouton « Je confirme et j’envoie le message » de la page qui s’ouvre.`,
    confirmMailButton: 'Relire et envoyer mon message',
    confirmExpiry: (hours: number) =>
      `Ce lien est valable ${amount(hours, 'heure', 'heures')}. Si vous n’êtes pas à l’origine de ce message, ignorez ce courriel : rien ne sera envoyé.`,
    relaySubject: (institution: string) => `Organiser un débat ${atPlace(institution)}`,
    relayPreheader: (name: string) => `Un message ${ofName(name)}, transmis par le site`,
    relayIntro: (name: string, email: string, institution: string) =>
      `${name} (${email}) vous écrit parce que vous vous êtes dit·e prêt·e à aider à organiser un débat ${atPlace(institution)}. Pour lui répondre, écrivez à cette adresse ; la vôtre ne lui a pas été communiquée.`,
    relayStop: 'Pour ne plus recevoir ces messages, ouvrez ce lien :',
    manageEmailNote:
      'Elle est aussi nécessaire pour recevoir les messages de collègues si vous vous proposez pour organiser un débat.',
    privacyTitle: 'Débats locaux et données ouvertes',
    privacy: (licence: string) =>
      `Si vous vous proposez pour organiser un débat, votre adresse est conservée pour vous transmettre, un par un, les messages de personnes de votre établissement ; elle ne leur est jamais montrée, et chaque message permet d’arrêter. Qui vous écrit confirme d’abord son adresse ; elle vous est communiquée pour que vous puissiez répondre, puis son adresse et son texte sont effacés de nos serveurs dès l’envoi. Les signatures publiques (et elles seules) sont aussi publiées en données ouvertes, sous licence ${licence}, avec l’indication d’une adresse institutionnelle vérifiée et son nom de domaine ; jamais l’adresse elle-même.`,
  },
  manage: {
    requestTitle: 'Modifier ou retirer ma signature',
    // The link's validity in the words the mail uses for it (mail.manageExpiry).
    requestIntro: (hours: number) =>
      `Saisissez l’adresse avec laquelle vous avez signé : nous y enverrons un lien personnel, valable ${amount(hours, 'heure', 'heures')}, pour modifier, masquer ou retirer votre signature.`,
    requestButton: 'Recevoir le lien',
    requestSentTitle: 'Lien envoyé',
    requestSent:
      'Si cette adresse a signé le manifeste, un lien pour gérer la signature vient de lui être envoyé.',
    title: 'Ma signature',
    intro:
      'Modifiez les informations affichées ou choisissez de ne plus apparaître dans la liste publique. Votre adresse électronique ne peut pas être changée : pour en utiliser une autre, retirez cette signature puis signez à nouveau.',
    pendingNote: 'Cette signature n’est pas encore confirmée : elle ne compte pas encore.',
    save: 'Enregistrer les modifications',
    saved: 'Vos modifications sont enregistrées.',
    updatesEmail: 'Pour recevoir des nouvelles, confirmez votre adresse',
    updatesEmailHint:
      'Nous ne conservons votre adresse en clair que si vous acceptez de recevoir des nouvelles.',
    withdrawTitle: 'Retirer ma signature',
    withdrawBody:
      'Votre signature et toutes les données qui s’y rattachent seront définitivement supprimées. Vous pourrez signer à nouveau plus tard.',
    withdrawButton: 'Retirer définitivement ma signature',
    withdrawnTitle: 'Signature retirée',
    withdrawnBody: 'Votre signature et vos données ont été supprimées.',
  },
  admin: {
    title: 'Modération',
    news: {
      title: 'Actualités',
      intro:
        'Une actualité s’écrit dans chaque langue du site. Elle peut être publiée sur la page « Actualités » et dans le flux Atom, envoyée par courriel aux signataires qui ont demandé des nouvelles, ou les deux.',
      create: 'Écrire une actualité',
      newTitle: 'Nouvelle actualité',
      editTitle: 'Actualité',
      back: 'Toutes les actualités',
      none: 'Aucune actualité pour l’instant.',
      columns: ['Titre', 'Écrite le', 'Sur le site', 'Envoi'],
      titleLabel: (lang: string) => `Titre (${lang})`,
      bodyLabel: (lang: string) => `Texte (${lang})`,
      bodyHint:
        'En Markdown : une ligne vide entre deux paragraphes, **gras**, *italique*, [lien](https://exemple.org), listes avec « - », intertitres avec « ## ».',
      save: 'Enregistrer',
      saved: 'Actualité enregistrée.',
      locked: 'Cette actualité a été envoyée : son texte ne peut plus changer.',
      notPublished: 'Non publiée',
      notSent: 'Non envoyée',
      sending: 'En cours',
      sent: (n: number) => `Envoyée à ${amount(n, 'personne', 'personnes')}`,
      preview: 'Aperçus',
      previewPage: (lang: string) => `La page (${lang})`,
      previewMail: (lang: string) => `Le courriel (${lang})`,
      previewText: (lang: string) => `Sa version texte (${lang})`,
      testTitle: 'Essai',
      testHint: (email: string) => `Un courriel par langue, marqué comme essai, à ${email}.`,
      testButton: 'M’envoyer un essai',
      testSent: (email: string) => `Essai envoyé à ${email}.`,
      publishTitle: 'Sur le site',
      publishedOn: (date: string) => `Publiée le ${date} sur la page « Actualités » et dans le flux Atom.`,
      publishButton: 'Publier sur le site',
      unpublishButton: 'Retirer du site',
      sendTitle: 'Envoi par courriel',
      sendHint: (n: number) =>
        `Aux signatures confirmées qui ont demandé des nouvelles, chacune dans sa langue, au plus ${amount(n, 'courriel', 'courriels')} par minute. Une fois l’envoi commencé, le texte ne peut plus changer.`,
      sendButton: (n: number) => `Envoyer à ${amount(n, 'signataire', 'signataires')}`,
      sendNobody:
        'Aucun·e signataire n’a demandé de nouvelles pour l’instant : il n’y a personne à qui envoyer.',
      progressTotal: 'Destinataires',
      progressWaiting: 'En attente',
      progressSent: 'Envoyés',
      progressFailed: 'En échec',
      progressSkipped: 'Écartés (désinscrits entre-temps, signature retirée ou adresse refusée)',
      progressRunning: 'Envoi en cours. Cette page se met à jour toute seule toutes les 10 secondes.',
      progressDone: (date: string) => `Envoi terminé le ${date}.`,
    },
    nav: {
      label: 'Navigation de la modération',
      dashboard: 'Tableau de bord',
      domains: 'Domaines',
      signing: 'Ouverture',
      export: 'Export',
      bulk: 'Invalidation groupée',
      mails: 'Courriels en échec',
      audit: 'Journal',
      news: 'Actualités',
    },
    loggedInAs: (email: string) => `Connecté·e : ${email}`,
    switchLanguage: { fr: 'Français', en: 'English' } as Record<string, string>,
    logout: 'Se déconnecter',
    loginTitle: 'Connexion des modérateurs',
    loginIntro:
      'Saisissez votre adresse de modérateur ou modératrice : nous y enverrons un lien de connexion à usage unique.',
    loginButton: 'Recevoir le lien de connexion',
    loginSentTitle: 'Lien envoyé',
    loginSent:
      'Si cette adresse est celle d’un modérateur ou d’une modératrice, un lien de connexion vient de lui être envoyé. Il ne sert qu’une fois.',
    loginConfirmTitle: 'Se connecter à la modération',
    loginConfirmButton: 'Me connecter',
    loginInvalidTitle: 'Lien de connexion invalide ou expiré',
    loginInvalid: 'Ce lien a déjà servi, a expiré ou est incomplet. Demandez-en un nouveau.',
    loginMailSubject: (title: string) => `${title} — connexion à la modération`,
    loginMailPreheader: (minutes: number) =>
      `Votre lien de connexion — valable ${amount(minutes, 'minute', 'minutes')}`,
    loginMailBody:
      'Voici votre lien de connexion à la modération. Ouvrez-le, puis appuyez sur le bouton « Me connecter » de la page qui s’ouvre.',
    loginMailButton: 'Ouvrir la page de connexion',
    loginMailExpiry: (minutes: number) =>
      `Ce lien est valable ${amount(minutes, 'minute', 'minutes')} et ne sert qu’une fois. Ne le transférez pas.`,
    loginMailIgnore: 'Si vous n’avez pas demandé à vous connecter, ignorez ce message.',
    forbiddenTitle: 'Action refusée',
    forbidden: 'Ce formulaire a expiré ou ne vient pas de la modération. Rechargez la page et recommencez.',
    backToDashboard: 'Retour au tableau de bord',
    state: {
      pending: 'non confirmée',
      confirmed: 'confirmée',
      invalidated: 'invalidée',
      hidden: 'masquée',
      awaiting: 'à approuver',
      private: 'non publique',
      commentAwaiting: 'commentaire à approuver',
    },
    flag: {
      disposable: 'adresse jetable',
      burst: 'rafale',
      same_name: 'nom répété',
      watch_list: 'nom surveillé',
    },
    dashboardTitle: 'Tableau de bord',
    counts: {
      pending: 'Non confirmées',
      confirmed: 'Comptées',
      public: 'Publiques',
      flagged: 'Signalées',
      withdrawn: 'Retirées',
      hidden: 'Masquées',
      awaiting: 'À approuver',
      comments: 'Commentaires à approuver',
      invalidated: 'Invalidées',
    },
    mismatch: 'Établissement saisi différent du domaine',
    mismatchHint:
      'Ce que la personne a saisi comme établissement ne ressemble pas au nom de l’établissement de son adresse vérifiée (aucun mot distinctif commun). Le public voit le nom vérifié, et ce texte seulement comme sa précision. À regarder, pas à sanctionner d’office.',
    search: 'Rechercher un nom, un établissement ou un domaine',
    filterLabel: 'Filtre',
    filter: {
      all: 'Toutes',
      pending: 'Non confirmées',
      flagged: 'Signalées',
      hidden: 'Masquées',
      awaiting: 'À approuver',
      comments: 'Commentaires à approuver',
      invalidated: 'Invalidées',
      mismatch: 'Établissement à vérifier',
    },
    searchButton: 'Rechercher',
    latest: 'Dernières signatures',
    none: 'Rien à afficher.',
    older: 'Plus anciennes',
    col: {
      name: 'Nom',
      institution: 'Établissement',
      domain: 'Domaine',
      submitted: 'Envoyée le',
      state: 'État',
      category: 'Catégorie',
      discipline: 'Discipline',
      comment: 'Commentaire',
      confirmed: 'Confirmée le',
      approved: 'Approuvée le',
      hidden: 'Masquée',
      invalidated: 'Invalidée le',
      network: 'Réseau (empreinte)',
      consent: 'Version du consentement',
      publishComment: 'Publication du commentaire demandée',
      initial: 'Premier signataire',
      jobTitle: 'Fonction ou grade',
      unit: 'Unité ou laboratoire',
      display: 'Apparaît sous',
      date: 'Date',
      kind: 'Type',
      error: 'Erreur',
      actor: 'Qui',
      action: 'Action',
      target: 'Objet',
      detail: 'Détail',
    },
    displayAs: { full: 'son nom complet', initials: 'ses initiales', withheld: '« un·e signataire »' },
    reason: 'Motif (consigné au journal)',
    done: 'C’est fait.',
    actions: 'Actions',
    hide: 'Masquer de la liste publique',
    restore: 'Rétablir dans la liste publique',
    approve: 'Approuver la signature',
    approveComment: 'Approuver le commentaire',
    markInitial: 'Compter parmi les premiers signataires',
    unmarkInitial: 'Retirer des premiers signataires',
    delete: 'Supprimer définitivement',
    deleteHint:
      'La suppression efface la signature et la retire des décomptes ; elle est consignée au journal.',
    deleted: 'La signature est supprimée.',
    domainsTitle: 'Domaines',
    domainsIntro:
      'Donnez à un domaine d’établissement son nom d’affichage, ou bloquez un domaine : les signatures venant de ses adresses ne sont plus enregistrées.',
    domain: 'Domaine',
    domainInvalid: 'Saisissez un nom de domaine (exemple : univ-exemple.fr).',
    displayName: 'Nom d’affichage',
    blocked: 'Bloquer ce domaine',
    blockedCol: 'Bloqué',
    save: 'Enregistrer',
    yes: 'oui',
    no: 'non',
    signingTitle: 'Ouverture des signatures',
    signingIsOpen: 'Les signatures sont ouvertes.',
    signingIsClosed: 'Les signatures sont closes : le formulaire n’est plus affiché.',
    closesAt: (date: string) =>
      `Date de clôture fixée par la configuration : ${date}. Elle s’applique quoi qu’il arrive.`,
    signingOverridden: 'Réglé depuis la modération (remplace signing_open de site.toml).',
    signingFromConfig: 'Réglé par site.toml (signing_open).',
    closeSigning: 'Clore les signatures',
    openSigning: 'Rouvrir les signatures',
    exportTitle: 'Export des signatures',
    exportIntro:
      'Un fichier CSV des signatures confirmées. L’adresse électronique n’y figure que pour les personnes qui ont accepté de recevoir des nouvelles. Chaque export est consigné au journal ; conservez le fichier en lieu sûr et supprimez-le après usage.',
    exportButton: 'Télécharger le CSV',
    publicationTitle: 'Liste pour publication',
    publicationIntro:
      'La liste des signatures publiques telle qu’un journal la publie : les premiers signataires d’abord, puis par catégorie ou par établissement, au choix, et par ordre alphabétique des noms, chaque personne comme elle a choisi d’apparaître. Chaque téléchargement est consigné au journal.',
    publicationGrouping: 'Regrouper les autres signataires',
    groupByCategory: 'par catégorie',
    groupByInstitution: 'par établissement',
    plainText: 'texte brut',
    publicationButton: (format: string) => `Télécharger en ${format}`,
    bulkTitle: 'Invalidation groupée',
    bulkDone: (n: number) => `${amount(n, 'signature invalidée', 'signatures invalidées')}.`,
    bulkIntro:
      'Après une attaque : décrivez les signatures à invalider (au moins une condition), vérifiez combien correspondent, puis invalidez-les. Elles sortent aussitôt des décomptes et sont supprimées après quelques jours. Chaque étape est consignée au journal.',
    bulkMissing: 'Donnez au moins une condition.',
    bulkNetwork: 'Réseau',
    bulkNetworkHint: 'Une adresse IP du réseau, ou l’empreinte de réseau affichée sur une signature.',
    bulkName: 'Nom ou établissement',
    bulkNameHint:
      'Sans tenir compte des majuscules ni des accents ; * remplace n’importe quelle suite de caractères.',
    bulkFrom: 'Envoyées à partir de',
    bulkTo: 'Envoyées jusqu’à',
    bulkTimeHint: 'Date et heure UTC, par exemple 2026-11-28T10:00.',
    bulkPreview: 'Compter les signatures concernées',
    bulkMatches: (n: number) => amount(n, 'signature correspond', 'signatures correspondent'),
    bulkInvalidate: (n: number) =>
      n <= 1 ? `Invalider cette signature` : `Invalider ces ${num(n)} signatures`,
    mailsTitle: 'Courriels en échec définitif',
    mailKind: {
      confirm: 'confirmation',
      already_signed: 'déjà signé',
      manage: 'lien de gestion',
      admin_login: 'connexion à la modération',
      news: 'actualité',
      news_test: 'essai d’actualité',
    } as Record<string, string>,
    mailsIntro:
      'Ces messages n’ont pas pu être remis (adresse refusée ou essais épuisés) : la personne n’a pas reçu sa confirmation, son lien ou les nouvelles.',
    auditTitle: 'Journal de la modération',
    reconcileNow: 'Vérifier les décomptes maintenant',
    reconciled: (ok: boolean, kept: string, recounted: string) =>
      ok
        ? `Décomptes vérifiés : ${kept}, conformes aux signatures.`
        : `Écart constaté : décomptes tenus ${kept}, recomptés ${recounted}.`,
    downloadData: 'Télécharger mes données (JSON)',
    downloadDataHint: 'Tout ce que nous conservons sur votre signature, dans un fichier lisible par machine.',
    privacyTitle: 'Modération et lutte contre les abus',
    privacy: (traceDays: number, invalidatedDays: number, auditDays: number) =>
      `Pour repérer les signatures en rafale, nous conservons une empreinte chiffrée du réseau d’où vient la signature (jamais l’adresse IP elle-même), effacée au bout de ${amount(traceDays, 'jour', 'jours')}. Les modérateurs du collectif peuvent masquer, supprimer ou invalider une signature ; une signature invalidée est supprimée au bout de ${amount(invalidatedDays, 'jour', 'jours')}. Leurs actions sont consignées dans un journal conservé ${amount(auditDays, 'jour', 'jours')}. Depuis la page « Modifier ma signature », vous pouvez télécharger toutes les données conservées sur votre signature.`,
  },
  token: {
    invalidTitle: 'Lien invalide ou expiré',
    invalidBody:
      'Ce lien n’est plus valable : il a déjà servi, il a expiré, ou il est incomplet. Vérifiez qu’il a été copié en entier.',
    signAgain: 'Signer à nouveau',
    requestManage: 'Demander un nouveau lien de gestion',
  },
  error: {
    notFoundTitle: 'Page introuvable',
    notFoundBody: 'Cette page n’existe pas ou plus.',
    serverTitle: 'Erreur du serveur',
    serverBody:
      'Une erreur inattendue nous empêche de répondre. Réessayez dans un instant ; rien de ce que vous avez saisi n’a été enregistré à moitié.',
    unavailableTitle: 'Service momentanément indisponible',
    unavailableBody:
      'Le site ne peut pas joindre sa base de données. Réessayez dans quelques instants : aucune signature n’a été perdue.',
    // Above a form shown again because the database could not take it (503).
    notSaved:
      'Rien n’a été enregistré\u00a0: notre base de données est momentanément indisponible. Ce que vous avez saisi est conservé ci-dessous\u00a0; renvoyez le formulaire dans un instant.',
    badRequestTitle: 'Requête invalide',
    badRequestBody: 'Cette requête est incomplète ou mal formée.',
    backHome: 'Retour au manifeste',
  },
  abuse: {
    tooManyTitle: 'Trop de demandes',
    tooManyBody: (seconds: number) =>
      `Beaucoup de demandes viennent en ce moment de votre réseau. Réessayez dans ${seconds <= 90 ? amount(seconds, 'seconde', 'secondes') : amount(Math.ceil(seconds / 60), 'minute', 'minutes')} : rien de ce que vous avez saisi n’a été enregistré.`,
    tooFast:
      'Ce formulaire a été envoyé très vite après son affichage. Vérifiez vos informations, puis envoyez-le à nouveau.',
    didYouMean: 'Vouliez-vous dire :',
    keepAddress:
      'Si l’adresse saisie est la bonne, renvoyez simplement le formulaire : elle sera gardée telle quelle.',
  },
  privacy: {
    title: 'Confidentialité et données personnelles',
    slug: 'confidentialite',
    controllerTitle: 'Responsable du traitement',
    controller: (org: string, email: string) => `${org}, joignable à l’adresse ${email}.`,
    purposeTitle: 'Finalité',
    purpose:
      'Recueillir, vérifier, compter et, si vous le choisissez, publier les signatures du manifeste ; vous envoyer les messages nécessaires (confirmation, lien de gestion) et, seulement si vous l’acceptez, des nouvelles du collectif.',
    basisTitle: 'Base légale',
    basis:
      'Signer ce manifeste révèle une opinion politique, donnée dite « sensible » (article 9 du RGPD). Le traitement repose sur votre consentement explicite (article 9, paragraphe 2, point a), que vous donnez en cochant la case prévue et en confirmant votre adresse. Vous pouvez le retirer à tout moment.',
    collectedTitle: 'Données recueillies',
    collected:
      'Prénom, nom, catégorie, établissement, discipline, fonction ou grade et unité ou laboratoire (quand le formulaire les propose), commentaire facultatif, vos choix (publication et façon d’y apparaître, nouvelles), la version du texte de consentement affiché et les dates de signature et de confirmation.',
    emailTitle: 'Votre adresse électronique',
    email:
      'Elle n’est jamais publiée. Nous en conservons une empreinte chiffrée (HMAC) pour éviter les doublons et retrouver votre signature ; l’adresse en clair n’est gardée que le temps d’envoyer les messages, puis effacée, sauf si vous acceptez de recevoir des nouvelles. Son nom de domaine sert à regrouper les signatures par établissement.',
    publicTitle: 'Ce qui est public',
    public:
      'Seulement si vous le choisissez : prénom, nom, fonction ou grade, unité ou laboratoire, catégorie, établissement, discipline et date de signature. Avec une adresse institutionnelle, l’établissement affiché comme vérifié est celui du domaine de votre adresse, sous le nom que lui donne le collectif ; ce que vous avez saisi apparaît à côté comme votre précision. Le nombre total de signatures confirmées est public. Un commentaire n’est publié que si vous cochez « Publier mon commentaire », que vous figurez dans la liste publique et qu’une personne de la modération l’a approuvé : il apparaît alors sur la page « Pourquoi nous signons » et, parmi les plus récents, sur la page d’accueil, sous votre nom tel que vous avez choisi d’apparaître, jusqu’à ce que vous le modifiiez, décochiez la case ou retiriez votre signature. Un commentaire modifié est de nouveau soumis à la modération.',
    displayTitle: 'Apparaître sous ses initiales ou sans son nom',
    display: (k: number) =>
      `Dans la liste publique, vous pouvez apparaître sous votre nom complet, sous vos initiales (« C. D. ») ou comme « un·e signataire ». Votre choix est enregistré avec votre signature et modifiable depuis la page « Modifier ma signature ». Sous vos initiales ou sans votre nom, les listes, les pages des établissements, les données ouvertes, l’API et la liste pour publication ne montrent ni votre fonction, ni votre unité, ni votre catégorie, ni votre discipline, ni ce que vous avez saisi comme établissement ; l’établissement de votre adresse vérifiée n’y figure que s’il compte au moins ${amount(k, 'signature', 'signatures')}. La recherche de la liste publique ne trouve que les noms complets.`,
    aggregatesTitle: 'Ce qui est publié en nombres',
    aggregates: (k: number) =>
      `Des nombres de signatures sont publiés (pages Établissements et Statistiques, API, données ouvertes) : le total exact, et des répartitions par établissement (le domaine de l’adresse confirmée), par catégorie et par discipline, qui comptent aussi les signatures non publiques. Un groupe de moins de ${amount(k, 'signature', 'signatures')} n’y apparaît jamais comme tel : il est indiqué « moins de ${num(k)} » ou compté avec d’autres, pour qu’on ne puisse pas reconnaître qui a signé. Les établissements sont nommés d’après la liste du collectif, jamais d’après ce que quelqu’un a saisi ; une discipline n’est nommée que si des signatures publiques l’indiquent. Ce que saisit une personne qui n’a pas choisi d’être nommée (établissement, discipline, commentaire) n’est jamais publié.`,
    // What the software writes to the public log (/transparency), said as facts: what an
    // entry holds, what it never holds, and why a withdrawal leaves nothing linkable.
    logTitle: 'Journal public du décompte',
    log: (invalidatedDays: number) =>
      `Chaque fois qu’une signature commence ou cesse d’être comptée, le logiciel ajoute une ligne à un journal public, que l’on peut seulement compléter, jamais réécrire (page « Vérifier le décompte »). Une ligne d’ajout contient sa position, la minute de l’inscription, sa nature et une empreinte (HMAC) de la signature, calculée avec un sel aléatoire propre à celle-ci ; une ligne d’annulation (retrait, suppression ou invalidation) contient sa position, la minute, sa nature et la position de l’ajout qu’elle annule. Le journal ne contient jamais de nom, d’adresse, de domaine, d’établissement, de catégorie, de discipline ni de commentaire. Le sel est conservé avec la signature et n’est montré qu’à son ou sa signataire, sur son reçu. Le retrait efface la signature et son sel : la ligne reste au journal, mais ne peut plus être reliée à personne. Une signature invalidée par la modération garde son sel jusqu’à sa suppression, au bout de ${amount(invalidatedDays, 'jour', 'jours')}.`,
    retentionTitle: 'Durées de conservation',
    retention: (days: number, hours: number) =>
      `Une signature non confirmée et son lien sont supprimés au bout de ${amount(days, 'jour', 'jours')}. Les liens de gestion expirent au bout de ${amount(hours, 'heure', 'heures')}. Une signature confirmée est conservée jusqu’à son retrait ou la fin de la campagne. Le contenu des messages envoyés est effacé dès leur envoi.`,
    rightsTitle: 'Vos droits',
    rights:
      'Vous pouvez à tout moment modifier, masquer ou retirer votre signature depuis la page « Modifier ma signature » ; le retrait supprime réellement vos données. Pour exercer vos autres droits (accès, rectification, opposition, limitation, portabilité), écrivez au contact ci-dessus. Vous pouvez aussi adresser une réclamation à la CNIL.',
    noTrackingTitle: 'Ni cookie ni traceur',
    noTracking:
      'Ce site ne dépose aucun cookie chez ses visiteurs, ne mesure pas l’audience et ne charge aucune ressource d’un autre site.',
  },
  news: {
    slug: 'actualites',
    title: 'Actualités',
    description: 'Les nouvelles du collectif sur le manifeste, les plus récentes d’abord.',
    intro:
      'Les nouvelles du collectif, les plus récentes d’abord. Les signataires qui l’ont demandé les reçoivent aussi par courriel.',
    empty: 'Aucune actualité pour le moment.',
    publishedOn: (date: string) => `Publiée le ${date}`,
    older: 'Actualités plus anciennes',
    feed: 'Suivre les actualités par flux Atom',
    mailSubject: (title: string, headline: string) => `${title} — ${headline}`,
    mailPreheader: (title: string) => `Des nouvelles de « ${title} »`,
    mailWhy: (title: string) =>
      `Vous recevez ce message parce que vous avez demandé, en signant « ${title} », à recevoir des nouvelles. Pour ne plus en recevoir (votre signature reste telle quelle), ouvrez ce lien :`,
    mailSentBy: (domain: string, title: string) =>
      `Envoyé par ${domain}, le site où l’on signe « ${title} », aux signataires qui ont demandé à recevoir des nouvelles.`,
    testSubject: (subject: string) => `[Essai] ${subject}`,
    testNote:
      'Ceci est un essai, envoyé à vous seul·e. Chaque destinataire recevra ce texte avec son propre lien pour ne plus recevoir de nouvelles, à la place du lien ci-dessous.',
    stopTitle: 'Ne plus recevoir de nouvelles',
    stopLead:
      'Vous ne recevrez plus de nouvelles du collectif par courriel. Votre signature reste telle quelle.',
    stopButton: 'Ne plus recevoir de nouvelles',
    stoppedTitle: 'C’est noté',
    stoppedBody:
      'Vous ne recevrez plus de nouvelles. Votre adresse est effacée de nos serveurs, sauf si vous vous êtes proposé·e pour organiser un débat. Vous pouvez en redemander depuis la page « Modifier ma signature ».',
    invalidTitle: 'Lien invalide',
    invalidBody:
      'Ce lien n’est pas valable. Pour ne plus recevoir de nouvelles, ouvrez le lien du dernier message reçu, ou passez par la page « Modifier ma signature ».',
  },
  mail: {
    // Every mail speaks as the site, never as the collective: it says which site sent it
    // and why, and a reply reaches a person (Reply-To is the contact address).
    greeting: (name: string) => `Bonjour ${name},`,
    hello: 'Bonjour,',
    linkFallback: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
    sentBy: (domain: string, title: string, at: Date) =>
      `Message envoyé automatiquement par le site ${domain}, où se signe « ${title} », à la suite d’une demande faite le ${formatDate(at)} à ${at.getUTCHours()}\u00a0h\u00a0${String(at.getUTCMinutes()).padStart(2, '0')} (heure UTC).`,
    replyNote: 'Une question ? Une réponse à ce message parvient à l’adresse de contact du site.',
    ignore:
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : sans confirmation, rien ne sera publié et vos données seront effacées.',
    ignoreUnchanged:
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne changera.',
    // The subject names the text before the verb: «Confirmez votre signature» alone reads
    // like the phishing of electronic-signature services.
    confirmSubject: (title: string) => `${title} — confirmez votre signature`,
    confirmPreheader: (days: number) => `Un clic pour confirmer — valable ${amount(days, 'jour', 'jours')}`,
    confirmBody: (title: string) =>
      `Merci d’avoir signé « ${title} ». Pour que votre signature soit comptée, ouvrez le lien ci-dessous, puis appuyez sur le bouton « Je confirme ma signature » de la page qui s’ouvre.`,
    confirmButton: 'Confirmer ma signature',
    confirmExpiry: (days: number) => `Ce lien est valable ${amount(days, 'jour', 'jours')}.`,
    // To a person whose signature the collective gathered before the site (npm run import):
    // they asked for nothing here, so the mail says where their name comes from first.
    importSubject: (title: string) => `${title} — confirmez-vous votre signature ?`,
    importPreheader: (days: number) =>
      `Rien n’est publié sans votre accord — lien valable ${amount(days, 'jour', 'jours')}`,
    importBody: (title: string, org: string) =>
      `Votre nom figure sur une liste de signataires de « ${title} », recueillie avant l’ouverture de ce site et qu’il a reçue ${ofName(org)}. Ce site recueille désormais les signatures : la vôtre n’y sera ni publiée ni comptée sans votre accord. Pour la confirmer, ouvrez le lien ci-dessous : la page qui s’ouvre montre ce qui sera enregistré, tel que transmis par le collectif ; appuyez alors sur le bouton « Je confirme ma signature ».`,
    importExpiry: (days: number) =>
      `Ce lien est valable ${amount(days, 'jour', 'jours')}. Sans réponse de votre part, rien ne sera publié ni compté, ces informations seront effacées, et vous ne recevrez pas d’autre message à ce sujet.`,
    alreadySubject: (title: string) => `${title} — vous avez déjà signé`,
    alreadyPreheader: 'Rien à refaire : votre signature est déjà comptée',
    alreadyBody: (title: string) =>
      `Quelqu’un (vous, sans doute) a de nouveau envoyé le formulaire de signature de « ${title} » avec cette adresse. Votre signature est déjà enregistrée et comptée ; il n’y a rien à refaire. Pour la modifier, la masquer ou la retirer, ouvrez votre lien personnel ci-dessous.`,
    manageButton: 'Gérer ma signature',
    manageSubject: (title: string) => `${title} — votre lien pour gérer votre signature`,
    managePreheader: (hours: number) => `Votre lien personnel — valable ${amount(hours, 'heure', 'heures')}`,
    manageBody: (title: string) =>
      `Voici, comme demandé, votre lien personnel pour modifier, masquer ou retirer votre signature de « ${title} ».`,
    manageExpiry: (hours: number) =>
      `Ce lien est valable ${amount(hours, 'heure', 'heures')}. Ne le transférez pas : il donne accès à votre signature.`,
  },
}

export type Messages = typeof fr
// Written as typed, shown typeset (typeset.ts); the catalogue as written is kept for
// the typography test, which reads its functions' parameter names.
export { fr as asWritten }
export default typesetCatalogue(fr, 'fr')
