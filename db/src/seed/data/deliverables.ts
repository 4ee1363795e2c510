// Demo co-authored deliverables of OP4Impact: the Manifesto for Impact, published, with its whole
// history (revisions, amendments in every state, comments, endorsements), and a smaller draft still
// in review for live editing. People are demo account handles, organisations are slugs; times are
// "<days ago>d <HH:MM UTC>", so the story keeps its shape whenever the seed runs.

export type When = `${number}d ${number}:${number}`;
export type DeliverableStatus = "DRAFT" | "REVIEW" | "APPROVED" | "PUBLISHED" | "ARCHIVED";

/** A section's next version: an editor's own words, or an accepted amendment of the same section (by key). */
export type RevisionSeed = { body: string; author: string; editor?: string; at: When } | { amendment: string };

export type AmendmentSeed = {
  key: string;
  proposer: string;
  /** The section version the proposer read. */
  baseVersion: number;
  /** The full replacement text of the section. */
  body: string;
  rationale: string;
  at: When;
  /** Absent while OPEN; WITHDRAWN is decided by the proposer. */
  decision?: { status: "ACCEPTED" | "REJECTED" | "WITHDRAWN"; by: string; at: When; reason?: string };
};

export type CommentSeed = {
  author: string;
  body: string;
  at: When;
  /** An exact span of the section's current body. */
  quote?: string;
  /** Key of an amendment of this section: the comment is on the amendment, not on the section. */
  amendment?: string;
  replies?: { author: string; body: string; at: When }[];
  resolved?: { by: string; at: When };
};

export type SectionSeed = {
  heading: string;
  /** Versions 1..N in order; the first is written when the deliverable is created. */
  revisions: RevisionSeed[];
  amendments?: AmendmentSeed[];
  comments?: CommentSeed[];
};

export type DeliverableSeed = {
  community: string;
  title: string;
  summary: string;
  creator: string;
  at: When;
  /** The creator first; the others are added by the creator shortly after. */
  editors: string[];
  /** Co-authoring organisations (slugs). */
  authors: string[];
  statusChanges: { to: DeliverableStatus; by: string; at: When }[];
  reorders?: { by: string; at: When }[];
  sections: SectionSeed[];
  endorsements?: { organization: string; endorser: string; statement: string; at: When }[];
};

const md = (...blocks: string[]) => blocks.join("\n\n");

// Blocks shared by successive versions, so that history diffs show what really changed.

const PREAMBOLO_ORDINI =
  "Gli Ordini professionali di Torino — dottori commercialisti ed esperti contabili, notai, avvocati e consulenti del lavoro — accompagnano ogni giorno imprese, enti del Terzo settore, amministrazioni e famiglie nelle scelte che contano: costituire una società, redigere un bilancio, assumere una persona, prevenire o risolvere un conflitto.";
const PREAMBOLO_IMPEGNO =
  "Con questo Manifesto mettiamo queste competenze al servizio dell'impatto sociale e ambientale. La consulenza professionale può rendere più semplice, più solido e più diffuso il lavoro di chi genera valore per la comunità: è una responsabilità che vogliamo assumere insieme, non ciascuno per conto proprio.";

const PRINCIPI_INTRO =
  "Il nostro lavoro per l'impatto si fonda su alcuni principi comuni, che valgono per ogni Ordine firmatario.";
const PRINCIPI_LISTA = [
  "1. **Intenzionalità** — l'impatto è un obiettivo dichiarato fin dall'inizio, non un effetto collaterale raccontato a posteriori.",
  "2. **Misurabilità** — ciò che si dichiara si misura, con indicatori pertinenti, proporzionati alla dimensione dell'organizzazione e verificabili.",
  "3. **Trasparenza** — metodi, dati e limiti delle valutazioni sono resi pubblici in forma comprensibile anche a chi non è un professionista.",
  "4. **Indipendenza** — il professionista che assevera o valuta l'impatto non è lo stesso che lo ha progettato per il cliente.",
  "5. **Collaborazione** — le quattro professioni lavorano in modo integrato, perché le scelte societarie, contabili, contrattuali e del lavoro sono legate tra loro.",
].join("\n");

const IMPEGNI_INTRO =
  "Ogni Ordine firmatario assume impegni concreti, verificati ogni anno nella comunità di pratica OP4Impact.";
const IMPEGNI_COMUNI =
  "### Impegni comuni\n\n- promuovere il Manifesto presso gli iscritti e negli eventi formativi;\n- designare un referente per l'impatto che partecipi alla comunità di pratica;\n- condividere nella biblioteca della comunità modelli, casi e materiali prodotti.";
const IMPEGNI_COMMERCIALISTI =
  "### Dottori commercialisti ed esperti contabili\n\n- diffondere tra gli iscritti gli standard di rendicontazione dell'impatto e i principi di sostenibilità europei;\n- costituire un elenco di professionisti disponibili ad assistere le società benefit nella relazione annuale;\n- sperimentare, con il Centro per la misurazione dell'impatto sociale, una procedura di revisione indipendente delle relazioni d'impatto.";
const IMPEGNI_NOTAI =
  "### Notai\n\n- mettere a disposizione clausole statutarie commentate per società benefit e imprese sociali;\n- segnalare ai clienti, in sede di costituzione o di modifica dello statuto, la possibilità di adottare la qualifica di società benefit;\n- ridurre i tempi delle trasformazioni in impresa sociale con una lista di controllo condivisa.";
const IMPEGNI_AVVOCATI =
  "### Avvocati\n\n- offrire consulenza pro bono agli enti del Terzo settore più piccoli, secondo le linee guida della comunità;\n- promuovere la mediazione e la negoziazione assistita nei conflitti che coinvolgono enti a finalità sociale;\n- formare gli iscritti sui contratti a impatto e sulle clausole sociali negli appalti pubblici.";
const IMPEGNI_CONSULENTI =
  "### Consulenti del lavoro\n\n- accompagnare le imprese nell'inserimento lavorativo di persone svantaggiate e di giovani NEET;\n- diffondere gli strumenti per la certificazione della parità di genere (UNI/PdR 125) e per la trasparenza retributiva;\n- collaborare con i centri per l'impiego alla progettazione di tirocini di qualità.";

const STRUMENTI_INTRO =
  "Il Manifesto non crea nuovi obblighi: indica gli strumenti che l'ordinamento già offre e che gli Ordini si impegnano a far conoscere e a usare bene.";
const STRUMENTI_BILANCIO_V1 =
  "### Bilancio d'impatto\n\nAccanto al bilancio d'esercizio, un documento che descrive gli effetti sociali e ambientali dell'attività con indicatori scelti in modo trasparente.";
const STRUMENTI_BILANCIO_V3 = md(
  "### Bilancio d'impatto\n\nAccanto al bilancio d'esercizio, un documento che descrive gli effetti sociali e ambientali dell'attività con indicatori scelti in modo trasparente. Perché sia credibile, raccomandiamo che:",
  "- gli indicatori derivino da un'analisi di materialità condotta con gli stakeholder;\n- si usi uno standard esterno riconosciuto (ad esempio GRI, B Impact Assessment o gli standard europei di sostenibilità nella versione per le PMI);\n- i dati siano confrontabili da un anno all'altro e le stime siano dichiarate come tali;\n- una parte del documento sia sottoposta a revisione indipendente, almeno ogni tre anni.",
);
const STRUMENTI_BENEFIT =
  "### Società benefit\n\nLa legge n. 208 del 2015 consente a ogni società di indicare nello statuto finalità di beneficio comune accanto allo scopo di lucro. Ne derivano un responsabile dell'impatto e una relazione annuale che descrive gli obiettivi di beneficio comune, le azioni svolte e i risultati, valutati con uno standard esterno.";
const STRUMENTI_CLAUSOLE =
  "### Clausole statutarie e contrattuali\n\n- **Statuto**: clausole sullo scopo, sulla destinazione degli utili e sul coinvolgimento degli stakeholder, modulate sulla forma giuridica scelta;\n- **Patti parasociali**: impegni dei soci a mantenere la finalità di beneficio comune anche in caso di cessione delle quote;\n- **Contratti con i fornitori**: clausole sociali e ambientali proporzionate, con indicatori verificabili.";
const STRUMENTI_CONTRATTI_IMPATTO =
  "### Contratti a impatto\n\nNei contratti di finanziamento e negli appalti pubblici si diffondono clausole che legano il prezzo o il tasso al raggiungimento di risultati sociali misurabili. Gli avvocati firmatari propongono un modello di clausola con definizioni chiare, un valutatore terzo e una procedura di conciliazione in caso di disaccordo sui risultati.";

const FORMAZIONE_INTRO =
  "Le professioni cambiano se cambiano le persone che le esercitano. Gli Ordini firmatari inseriscono l'impatto nella formazione professionale continua e accompagnano le organizzazioni che vogliono intraprendere questo percorso.";
const FORMAZIONE_LISTA =
  "- un ciclo annuale di seminari congiunti, accreditati da tutti e quattro gli Ordini;\n- percorsi di tutoraggio tra professionisti esperti e giovani iscritti;\n- casi di studio anonimi, raccolti nella biblioteca di OP4Impact;\n- un calendario condiviso degli eventi sul sito della comunità.";
const FORMAZIONE_SPORTELLO =
  "- uno sportello mensile gratuito alla Casa del quartiere di San Salvario, dove un professionista per ciascun Ordine risponde a domande di associazioni e cooperative.";
const FORMAZIONE_ACCOMPAGNAMENTO =
  "L'accompagnamento è pensato soprattutto per le organizzazioni piccole, che non hanno al proprio interno le competenze per orientarsi tra forme giuridiche, rendicontazione e contratti di lavoro.";

const ADESIONE_V1 = md(
  "Il Manifesto è aperto all'adesione di altri Ordini e Collegi professionali, di associazioni professionali e di singoli studi.",
  "Chi aderisce:\n\n1. sottoscrive il Manifesto attraverso il proprio rappresentante sulla piattaforma;\n2. indica almeno un impegno concreto coerente con la propria professione;\n3. partecipa alla verifica annuale degli impegni nella comunità OP4Impact.",
);
const ADESIONE_REVISIONE =
  "Il Manifesto è un documento vivo: ogni anno, dopo la verifica degli impegni, gli Ordini firmatari raccolgono le proposte di modifica e ne pubblicano una nuova versione. Chi partecipa alla comunità può proporre emendamenti in qualsiasi momento.";

const PROBONO_FINALITA_V1 = md(
  "Queste linee guida orientano gli avvocati e i consulenti del lavoro che offrono consulenza pro bono a enti del Terzo settore e a imprese sociali di piccola dimensione.",
  "Il pro bono d'impatto non sostituisce il lavoro retribuito: lo rende possibile dove oggi manca, per esempio nella fase di avvio di un'associazione o nella prima assunzione di una cooperativa sociale.",
);
const PROBONO_FINALITA_V2 = md(
  "Queste linee guida orientano gli avvocati e i consulenti del lavoro che offrono consulenza pro bono a enti del Terzo settore e a imprese sociali di piccola dimensione, nel rispetto dei rispettivi codici deontologici.",
  "Il pro bono d'impatto non sostituisce il lavoro retribuito: lo rende possibile dove oggi manca, per esempio nella fase di avvio di un'associazione o nella prima assunzione di una cooperativa sociale.",
  "Attuano l'impegno al pro bono preso dagli Ordini nel *Manifesto per l'Impatto*.",
);
const PROBONO_ACCESSO = md(
  "Possono chiedere assistenza pro bono gli enti del Terzo settore iscritti al Registro unico nazionale e le imprese sociali con meno di dieci dipendenti e ricavi annui inferiori a 250.000 euro.",
  "La richiesta si presenta alla comunità OP4Impact con una breve descrizione del bisogno. Il referente di ciascun Ordine la assegna entro quindici giorni a un professionista disponibile, evitando conflitti di interesse.",
);
const PROBONO_IMPEGNI = md(
  "Il professionista che accetta un incarico pro bono:",
  "- lo svolge con la stessa cura di un incarico retribuito e con la copertura assicurativa ordinaria;\n- concorda per iscritto l'oggetto e la durata dell'assistenza;\n- segnala al referente dell'Ordine, a incarico concluso, le ore dedicate e l'esito, in forma anonima;\n- non può ricevere dall'ente incarichi retribuiti sulla stessa materia nei dodici mesi successivi.",
);

export const deliverables: readonly DeliverableSeed[] = [
  {
    community: "op4impact",
    title: "Manifesto per l'Impatto",
    summary:
      "Manifesto for Impact — l'impegno comune degli Ordini dei dottori commercialisti, dei notai, degli avvocati e dei consulenti del lavoro di Torino per accompagnare imprese ed enti verso l'impatto sociale e ambientale.",
    creator: "rep-accountants",
    at: "48d 08:30",
    editors: ["rep-accountants", "rep-notaries", "rep-lawyers", "rep-labour-consultants"],
    authors: ["order-accountants", "order-notaries", "order-lawyers", "order-labour-consultants"],
    reorders: [{ by: "rep-lawyers", at: "45d 16:10" }],
    statusChanges: [
      { to: "REVIEW", by: "rep-accountants", at: "35d 09:00" },
      { to: "APPROVED", by: "rep-accountants", at: "24d 17:30" },
      { to: "PUBLISHED", by: "rep-accountants", at: "21d 10:00" },
    ],
    sections: [
      {
        heading: "Preambolo",
        revisions: [
          { body: md(PREAMBOLO_ORDINI, PREAMBOLO_IMPEGNO), author: "rep-accountants", at: "48d 08:30" },
          {
            body: md(
              PREAMBOLO_ORDINI,
              "Il Manifesto nasce nella comunità di pratica OP4Impact ed è coerente con il protocollo d'intesa dell'ecosistema torinese dell'innovazione sociale, che gli Ordini hanno sottoscritto insieme al Comune, alle fondazioni, alle università e al Terzo settore.",
              PREAMBOLO_IMPEGNO,
              "Non è un nuovo codice deontologico: i doveri di ciascuna professione restano quelli di sempre. È una dichiarazione pubblica di ciò che vogliamo fare in più, con impegni che chiunque può verificare.",
            ),
            author: "rep-notaries",
            at: "44d 11:20",
          },
        ],
        comments: [
          {
            author: "rep-lawyers",
            body: "Suggerisco di richiamare il protocollo d'intesa dell'ecosistema: dà al Manifesto un contesto che chi legge da fuori non conosce.",
            at: "45d 15:40",
            replies: [
              {
                author: "rep-notaries",
                body: "Fatto nella nuova versione, con un paragrafo anche sul rapporto con i codici deontologici.",
                at: "44d 11:25",
              },
            ],
            resolved: { by: "rep-lawyers", at: "44d 14:05" },
          },
        ],
      },
      {
        heading: "Principi",
        revisions: [
          { body: md(PRINCIPI_INTRO, PRINCIPI_LISTA), author: "rep-accountants", at: "48d 08:30" },
          { amendment: "principi-accessibilita" },
        ],
        amendments: [
          {
            key: "principi-accessibilita",
            proposer: "member",
            baseVersion: 1,
            body: md(
              PRINCIPI_INTRO,
              `${PRINCIPI_LISTA}\n6. **Accessibilità** — la consulenza per l'impatto deve essere alla portata anche delle associazioni e delle cooperative più piccole, con tariffe trasparenti, materiali gratuiti e, dove serve, assistenza pro bono.`,
            ),
            rationale:
              "Manca un principio sull'accessibilità: molte piccole associazioni non si rivolgono a un professionista perché temono i costi, e restano escluse proprio dagli strumenti che il Manifesto promuove.",
            at: "40d 18:45",
            decision: { status: "ACCEPTED", by: "rep-lawyers", at: "38d 09:15" },
          },
        ],
      },
      {
        heading: "Impegni degli Ordini",
        revisions: [
          {
            body: md(IMPEGNI_INTRO, IMPEGNI_COMUNI, IMPEGNI_COMMERCIALISTI, IMPEGNI_NOTAI),
            author: "rep-accountants",
            at: "48d 08:30",
          },
          {
            body: md(IMPEGNI_INTRO, IMPEGNI_COMUNI, IMPEGNI_COMMERCIALISTI, IMPEGNI_NOTAI, IMPEGNI_AVVOCATI),
            author: "rep-lawyers",
            at: "43d 10:00",
          },
          {
            body: md(
              IMPEGNI_INTRO,
              IMPEGNI_COMUNI,
              IMPEGNI_COMMERCIALISTI,
              IMPEGNI_NOTAI,
              IMPEGNI_AVVOCATI,
              IMPEGNI_CONSULENTI,
            ),
            author: "rep-labour-consultants",
            at: "41d 16:30",
          },
        ],
        amendments: [
          {
            key: "impegni-ore-pro-bono",
            proposer: "rep-labour-consultants",
            baseVersion: 3,
            body: md(
              IMPEGNI_INTRO,
              IMPEGNI_COMUNI.replace(
                "- designare un referente",
                "- garantire ogni anno almeno 500 ore di consulenza pro bono per enti del Terzo settore;\n- designare un referente",
              ),
              IMPEGNI_COMMERCIALISTI,
              IMPEGNI_NOTAI,
              IMPEGNI_AVVOCATI,
              IMPEGNI_CONSULENTI,
            ),
            rationale:
              "Un obiettivo quantitativo comune rende gli impegni verificabili e confrontabili tra un anno e l'altro.",
            at: "39d 12:10",
            decision: {
              status: "WITHDRAWN",
              by: "rep-labour-consultants",
              at: "37d 09:40",
              reason:
                "Ritiro la proposta: la quota di ore va definita nelle linee guida sul pro bono, non nel Manifesto.",
            },
          },
        ],
      },
      {
        heading: "Strumenti",
        revisions: [
          {
            body: md(STRUMENTI_INTRO, STRUMENTI_BILANCIO_V1, STRUMENTI_BENEFIT),
            author: "rep-accountants",
            at: "48d 08:30",
          },
          {
            body: md(STRUMENTI_INTRO, STRUMENTI_BILANCIO_V1, STRUMENTI_BENEFIT, STRUMENTI_CLAUSOLE),
            author: "rep-notaries",
            at: "42d 09:50",
          },
          {
            body: md(STRUMENTI_INTRO, STRUMENTI_BILANCIO_V3, STRUMENTI_BENEFIT, STRUMENTI_CLAUSOLE),
            author: "rep-accountants",
            at: "30d 15:20",
          },
        ],
        amendments: [
          {
            key: "strumenti-contratti-impatto",
            proposer: "rep-lawyers",
            // Written on version 2; version 3 has since rewritten the impact report part.
            baseVersion: 2,
            body: md(
              STRUMENTI_INTRO,
              STRUMENTI_BILANCIO_V1,
              STRUMENTI_BENEFIT,
              STRUMENTI_CLAUSOLE,
              STRUMENTI_CONTRATTI_IMPATTO,
            ),
            rationale:
              "Gli strumenti elencati riguardano solo l'organizzazione; manca il lato dei contratti, dove oggi si decide gran parte dell'impatto finanziato.",
            at: "33d 11:00",
          },
        ],
        comments: [
          {
            author: "rep-notaries",
            body: "Nel frattempo la sezione è cambiata (bilancio d'impatto riscritto nella versione 3): puoi riallineare la proposta al testo attuale prima che la valutiamo?",
            at: "29d 10:30",
            amendment: "strumenti-contratti-impatto",
          },
          {
            author: "member",
            body: "Sarebbe utile un rimando alla guida sulla relazione d'impatto della comunità Benefit Corporations: chi legge il Manifesto chiederà subito un esempio.",
            at: "12d 17:05",
            quote:
              "una relazione annuale che descrive gli obiettivi di beneficio comune, le azioni svolte e i risultati",
            replies: [
              {
                author: "rep-accountants",
                body: "Buona idea: la aggiungiamo nella prossima revisione annuale.",
                at: "11d 08:50",
              },
            ],
          },
        ],
      },
      {
        heading: "Formazione e accompagnamento",
        revisions: [
          {
            body: md(FORMAZIONE_INTRO, FORMAZIONE_LISTA, FORMAZIONE_ACCOMPAGNAMENTO),
            author: "rep-accountants",
            at: "48d 08:30",
          },
        ],
        amendments: [
          {
            key: "formazione-sportello",
            proposer: "member",
            baseVersion: 1,
            body: md(FORMAZIONE_INTRO, `${FORMAZIONE_LISTA}\n${FORMAZIONE_SPORTELLO}`, FORMAZIONE_ACCOMPAGNAMENTO),
            rationale:
              "Le piccole associazioni non partecipano ai seminari: uno sportello fisso nel quartiere, con i quattro Ordini presenti insieme, le raggiungerebbe dove già sono.",
            at: "5d 19:20",
          },
        ],
      },
      {
        heading: "Adesione",
        revisions: [
          { body: ADESIONE_V1, author: "rep-accountants", at: "48d 08:30" },
          { body: md(ADESIONE_V1, ADESIONE_REVISIONE), author: "rep-accountants", at: "26d 12:00" },
        ],
        amendments: [
          {
            key: "adesione-autodichiarazione",
            proposer: "facilitator-op4impact",
            baseVersion: 1,
            body: md(
              "Il Manifesto è aperto all'adesione di chiunque eserciti una professione ordinistica.",
              "Per aderire basta un'autodichiarazione sulla piattaforma; gli impegni concreti sono facoltativi.",
            ),
            rationale: "Un'adesione più semplice farebbe crescere in fretta il numero dei firmatari.",
            at: "28d 14:00",
            decision: {
              status: "REJECTED",
              by: "rep-notaries",
              at: "27d 09:30",
              reason:
                "Un'adesione senza impegni verificabili svuoterebbe il Manifesto: preferiamo pochi firmatari che rendono conto di ciò che fanno. La verifica annuale resta il cuore del testo.",
            },
          },
        ],
      },
    ],
    endorsements: [
      {
        organization: "order-accountants",
        endorser: "rep-accountants",
        statement:
          "L'Ordine dei dottori commercialisti e degli esperti contabili di Torino sottoscrive il Manifesto e si impegna a rendicontarne l'attuazione ogni anno.",
        at: "20d 09:00",
      },
      {
        organization: "order-notaries",
        endorser: "rep-notaries",
        statement:
          "Il Consiglio notarile di Torino aderisce al Manifesto e mette a disposizione della comunità le proprie clausole statutarie commentate.",
        at: "19d 16:45",
      },
    ],
  },
  {
    community: "op4impact",
    title: "Linee guida per il pro bono d'impatto",
    summary:
      "Pro bono for impact guidelines — chi può chiedere consulenza gratuita ad avvocati e consulenti del lavoro, come si assegna e quali impegni prende chi la offre.",
    creator: "rep-lawyers",
    at: "12d 09:00",
    editors: ["rep-lawyers", "rep-labour-consultants"],
    authors: ["order-lawyers", "order-labour-consultants"],
    statusChanges: [{ to: "REVIEW", by: "rep-lawyers", at: "6d 10:00" }],
    sections: [
      {
        heading: "Finalità",
        revisions: [
          { body: PROBONO_FINALITA_V1, author: "rep-lawyers", at: "12d 09:00" },
          { body: PROBONO_FINALITA_V2, author: "rep-labour-consultants", at: "9d 15:30" },
        ],
      },
      {
        heading: "Chi può chiedere e come",
        revisions: [{ body: PROBONO_ACCESSO, author: "rep-lawyers", at: "12d 09:00" }],
        amendments: [
          {
            key: "probono-soglia",
            proposer: "member",
            baseVersion: 1,
            body: PROBONO_ACCESSO.replace("meno di dieci dipendenti", "meno di quindici dipendenti"),
            rationale:
              "Molte cooperative sociali di tipo B superano i dieci dipendenti proprio perché inseriscono persone svantaggiate: con la soglia attuale resterebbero escluse.",
            at: "2d 18:10",
          },
        ],
      },
      {
        heading: "Impegni dei professionisti",
        revisions: [{ body: PROBONO_IMPEGNI, author: "rep-lawyers", at: "12d 09:00" }],
        comments: [
          {
            author: "rep-labour-consultants",
            body: "Dodici mesi mi sembrano tanti per una piccola cooperativa che poi vorrebbe restare con lo stesso consulente: possiamo parlarne?",
            at: "8d 11:15",
            quote: "nei dodici mesi successivi",
          },
        ],
      },
    ],
  },
];
