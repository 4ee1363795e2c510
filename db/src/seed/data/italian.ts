// The Italian texts of the seeded communities and organisations: the English ones are `name`,
// `tagline` and `description` in communities.ts and organizations.ts. Kept apart so each file
// stays one language; the seed joins them by slug (data.test.ts checks that every slug has both).

export type CommunityItalian = { nameIt: string; taglineIt: string; descriptionIt: string };
export type OrganizationItalian = { nameIt: string; descriptionIt: string };

export const communitiesIt: Readonly<Record<string, CommunityItalian>> = {
  "benefit-corporations": {
    nameIt: "Società Benefit",
    taglineIt: "Imprese che scrivono nello statuto una finalità di beneficio comune e ne rendono conto ogni anno.",
    descriptionIt: [
      "Dal 2016 la legge italiana permette a qualsiasi società di diventare Società Benefit: mantiene la propria " +
        "forma giuridica, aggiunge all'oggetto sociale una o più finalità specifiche di beneficio comune, nomina " +
        "le persone responsabili di perseguirle e pubblica ogni anno, insieme al bilancio, una relazione " +
        "d'impatto valutata secondo uno standard esterno.",
      "Questa comunità riunisce le imprese che hanno compiuto il passaggio o lo stanno valutando, insieme a chi le " +
        "accompagna. Si confrontano clausole statutarie, si discute di come scegliere lo standard di valutazione " +
        "(il B Impact Assessment, GRI e altri) e ci si rileggono a vicenda le bozze delle relazioni d'impatto " +
        "prima del deposito. Diversi partecipanti sono B Corp certificate e raccontano che cosa comporta davvero " +
        "la ricertificazione.",
      "Per cominciare, partite dalle clausole tipo nella sezione delle risorse e dalla discussione mensile in cui " +
        "ciascuno porta un indicatore che ha trovato difficile da misurare.",
    ].join("\n\n"),
  },
  "circular-economy": {
    nameIt: "Economia circolare",
    taglineIt:
      "Riuso, riparazione e simbiosi industriale: i materiali restano in uso tra case, imprese e acquisti pubblici.",
    descriptionIt: [
      "La comunità lavora sul lato pratico dell'economia circolare nell'area metropolitana: repair café e centri " +
        "del riuso di quartiere, mercati dell'usato e simbiosi industriale, in cui gli scarti, i sottoprodotti o " +
        "il calore in eccesso di un'impresa diventano materia prima per un'altra.",
      "Un tema ricorrente sono gli acquisti pubblici. Le stazioni appaltanti italiane devono applicare nelle gare i " +
        "Criteri Ambientali Minimi (CAM); qui si condividono clausole di gara, liste di verifica e l'esito dei " +
        "ricorsi contro una clausola, così che chi compra e chi fornisce impari dagli stessi casi.",
      "La comunità tiene un elenco condiviso dei materiali offerti e richiesti e organizza due volte l'anno visite " +
        "agli stabilimenti e ai laboratori dei partecipanti.",
    ].join("\n\n"),
  },
  "gender-equality": {
    nameIt: "Parità di genere",
    taglineIt:
      "Certificazione della parità di genere, analisi del divario retributivo e pratiche che reggono alla verifica.",
    descriptionIt: [
      "La prassi di riferimento UNI/PdR 125:2022 fissa gli indicatori che un'organizzazione italiana deve " +
        "soddisfare per ottenere la certificazione della parità di genere, in sei aree: cultura e strategia, " +
        "governance, processi HR, opportunità di crescita, equità retributiva, genitorialità e conciliazione. Chi " +
        "è certificato ottiene uno sgravio contributivo e punti in più nelle gare pubbliche, perciò anche le " +
        "piccole e medie imprese fanno domanda.",
      "Qui si racconta come si sono raccolti i dati per la prima valutazione, come si è calcolato e spiegato il " +
        "proprio divario retributivo di genere e quali misure (integrazioni del congedo parentale, fasce " +
        "retributive pubblicate, un canale per segnalare le molestie) hanno cambiato i numeri e non solo i documenti.",
      "Partecipano responsabili del personale, consulenti di certificazione, delegate e delegati sindacali e " +
        "consigliere di parità. A chi arriva chiediamo di indicare dimensione e settore della propria " +
        "organizzazione, per dare consigli adatti.",
    ].join("\n\n"),
  },
  op4impact: {
    nameIt: "OP4Impact — Ordini professionali per l'impatto",
    taglineIt:
      "Commercialisti, notai, avvocati e consulenti del lavoro insieme sugli aspetti giuridici dell'impatto sociale.",
    descriptionIt: [
      "OP4Impact riunisce i quattro ordini professionali a cui le organizzazioni si rivolgono quando nascono, si " +
        "trasformano o si riorganizzano: dottori commercialisti, notai, avvocati e consulenti del lavoro. Il primo " +
        "lavoro comune è il Manifesto per l'impatto, scritto sezione per sezione da rappresentanti dei quattro " +
        "ordini e sottoscritto da ciascuno di essi.",
      "Oltre al Manifesto, si affrontano le domande che i clienti portano davvero: come scrivere una clausola di " +
        "beneficio comune che un notaio accetti, gli obblighi di governance e rendicontazione degli enti iscritti " +
        "al Registro unico nazionale del Terzo settore (RUNTS), il trattamento fiscale delle imprese sociali e i " +
        "contratti di lavoro che favoriscono un lavoro equo e inclusivo.",
      "Si entra su approvazione: chi facilita verifica che ogni richiedente sia iscritto a uno dei quattro ordini o " +
        "collabori con una delle loro commissioni.",
    ].join("\n\n"),
  },
  neet: {
    nameIt: "NEET",
    taglineIt:
      "Riportare allo studio e al lavoro le ragazze e i ragazzi che non studiano, non lavorano e non si formano.",
    descriptionIt: [
      "L'Italia ha una delle quote più alte dell'Unione europea di giovani che non studiano, non lavorano e non " +
        "seguono una formazione. Dietro il dato ci sono vite molto diverse: chi ha lasciato la scuola presto, " +
        "laureate e laureati che passano da un contratto breve all'altro, giovani che si prendono cura di un " +
        "familiare, persone che hanno smesso di cercare. A ciascuna serve una strada diversa per rientrare.",
      "La comunità mette in contatto servizi per i giovani, enti di formazione, imprese e finanziatori attorno a " +
        "questo lavoro. Molta parte della discussione riguarda il finanziamento a risultato: social impact bond e " +
        "fondi per i risultati, in cui chi investe anticipa le risorse di un programma e i pagatori pubblici o " +
        "filantropici le rimborsano solo quando i risultati concordati, come una qualifica ottenuta o un lavoro " +
        "mantenuto per sei mesi, sono stati verificati.",
      "Si condividono definizioni dei risultati, accordi per lo scambio di dati e disegni di valutazione, e ci si " +
        "confronta su come raggiungere i giovani che non sono iscritti ad alcun servizio.",
    ].join("\n\n"),
  },
};

export const organizationsIt: Readonly<Record<string, OrganizationItalian>> = {
  "city-social-innovation": {
    nameIt: "Città di Torino — Divisione Innovazione sociale",
    descriptionIt:
      "La divisione comunale che coordina il protocollo d'intesa dell'ecosistema e coprogetta i bandi " +
      "sull'inclusione sociale e la rigenerazione dei quartieri.",
  },
  "metropolitan-employment-agency": {
    nameIt: "Agenzia metropolitana per il lavoro e la formazione",
    descriptionIt:
      "Gestisce i centri per l'impiego dell'area metropolitana e gli sportelli Garanzia Giovani, dove molti " +
      "giovani che non studiano e non lavorano si iscrivono per la prima volta.",
  },
  "regional-green-procurement-office": {
    nameIt: "Ufficio regionale per gli acquisti pubblici verdi",
    descriptionIt:
      "Aiuta le stazioni appaltanti ad applicare i Criteri Ambientali Minimi (CAM) e pubblica clausole di gara " +
      "tipo per arredi, ristorazione, pulizie e lavori edili.",
  },
  "dora-community-foundation": {
    nameIt: "Fondazione di comunità della Valle della Dora",
    descriptionIt:
      "Una fondazione di comunità che raccoglie donazioni locali in contributi per progetti di quartiere ed è " +
      "pagatore dei risultati nel primo fondo cittadino per l'occupazione giovanile.",
  },
  "borgo-credit-cooperative": {
    nameIt: "Banca di Credito Cooperativo del Borgo",
    descriptionIt:
      "Una banca cooperativa con uno sportello dedicato a imprese sociali e Società Benefit, che offre prestiti " +
      "il cui tasso scende quando si raggiungono gli obiettivi d'impatto concordati.",
  },
  "subalpine-outcomes-fund": {
    nameIt: "Fondo Subalpino per i Risultati",
    descriptionIt:
      "Un veicolo di investimento a impatto che prefinanzia contratti a risultato sociale e condivide con " +
      "l'ecosistema le sue metriche di risultato e i rapporti di valutazione.",
  },
  "lingotto-vocational-centre": {
    nameIt: "Centro di formazione professionale Lingotto",
    descriptionIt:
      "Centro di formazione professionale accreditato con qualifiche triennali in meccanica, logistica e " +
      "ristorazione, e un percorso di riaggancio per chi ha lasciato la scuola presto.",
  },
  "aurora-makerspace": {
    nameIt: "Makerspace e Laboratorio di riparazione Aurora",
    descriptionIt:
      "Un laboratorio condiviso con attrezzi, un angolo tessile e un banco di elettronica, che ospita il repair " +
      "café mensile e affitta spazi a giovani artigiani digitali.",
  },
  "ponte-aperto-cooperative": {
    nameIt: "Cooperativa sociale Ponte Aperto",
    descriptionIt:
      "Una cooperativa sociale di tipo B che impiega persone a rischio di esclusione nel riuso di mobili, nei " +
      "piccoli traslochi e nella raccolta degli ingombranti.",
  },
  "san-salvario-neighbourhood-house": {
    nameIt: "Casa del Quartiere di San Salvario",
    descriptionIt:
      "Una casa del quartiere gestita da una rete di associazioni locali, con una sala teatro, un doposcuola e " +
      "uno sportello serale dove i giovani trovano consigli su corsi e lavoro.",
  },
  "seconda-vita-reuse-association": {
    nameIt: "Associazione per il riuso Seconda Vita",
    descriptionIt:
      "Un'associazione di volontariato che gestisce un mercato dell'usato e uno scambio di libri, e forma " +
      "volontari per animare repair café nelle biblioteche della città.",
  },
  "impact-measurement-centre": {
    nameIt: "Centro per la misurazione dell'impatto sociale",
    descriptionIt:
      "Un centro di ricerca universitario che progetta modelli di valutazione per i contratti a risultato e, su " +
      "richiesta, esamina le relazioni d'impatto delle Società Benefit.",
  },
  "circular-materials-lab": {
    nameIt: "Laboratorio Subalpino per i Materiali Circolari",
    descriptionIt:
      "Un laboratorio di ricerca applicata che prova materiali riciclati e materie prime seconde e fa incontrare " +
      "i sottoprodotti industriali con le imprese che possono usarli.",
  },
  "rampa-incubator": {
    nameIt: "Rampa, incubatore di imprese sociali",
    descriptionIt:
      "Un percorso di incubazione di dodici mesi per imprese sociali, con affiancamento su governance, " +
      "misurazione dell'impatto e gare pubbliche.",
  },
  "fucina-impact-accelerator": {
    nameIt: "Fucina, acceleratore d'impatto",
    descriptionIt:
      "Un acceleratore per startup in fase iniziale nell'economia circolare e nell'occupazione inclusiva, che " +
      "aiuta le sue squadre ad adottare da subito la forma di Società Benefit.",
  },
  "verdemela-catering": {
    nameIt: "Verdemela Ristorazione Società Benefit",
    descriptionIt:
      "Un'impresa di ristorazione scolastica e aziendale diventata Società Benefit nel 2021, che pubblica ogni " +
      "anno una relazione d'impatto sullo spreco alimentare e sulle forniture locali.",
  },
  "alpi-logistics": {
    nameIt: "Alpi Logistica Urbana",
    descriptionIt:
      "Un'impresa di consegne dell'ultimo miglio con cargo bike e furgoni elettrici; ha la certificazione della " +
      "parità di genere e assume attraverso il programma cittadino per l'occupazione giovanile.",
  },
  "ferro-luce-lighting": {
    nameIt: "Ferro & Luce Illuminazione",
    descriptionIt:
      "Un'azienda familiare che produce apparecchi per l'illuminazione pubblica, ritira e rigenera le lampade " +
      "vecchie e scambia rottami di alluminio con una fonderia vicina.",
  },
  "order-accountants": {
    nameIt: "Ordine dei Dottori Commercialisti e degli Esperti Contabili di Torino",
    descriptionIt:
      "L'ordine professionale dei dottori commercialisti e degli esperti contabili del circondario di Torino; la " +
      "sua commissione sul Terzo settore guida le sezioni del Manifesto su rendicontazione e fisco.",
  },
  "order-notaries": {
    nameIt: "Consiglio Notarile di Torino",
    descriptionIt:
      "Il consiglio dei notai che esercitano nel distretto; contribuisce con clausole statutarie tipo per " +
      "Società Benefit e imprese sociali.",
  },
  "order-lawyers": {
    nameIt: "Ordine degli Avvocati di Torino",
    descriptionIt:
      "L'ordine degli avvocati del circondario di Torino; il suo gruppo di lavoro sul Terzo settore cura nel " +
      "Manifesto governance, contratti e risoluzione delle controversie.",
  },
  "order-labour-consultants": {
    nameIt: "Ordine dei Consulenti del Lavoro di Torino",
    descriptionIt:
      "L'ordine professionale dei consulenti del lavoro della provincia; scrive le sezioni del Manifesto su " +
      "assunzioni inclusive, conciliazione vita-lavoro e trasparenza retributiva.",
  },
  "po-river-foundation": {
    nameIt: "Fondazione filantropica Fiume Po",
    descriptionIt:
      "Una fondazione di erogazione che finanzia welfare di quartiere, housing sociale e la rigenerazione delle " +
      "sponde del fiume; tra i primi firmatari del protocollo d'intesa.",
  },
  "moncalieri-social-services": {
    nameIt: "Consorzio socio-assistenziale di Moncalieri",
    descriptionIt:
      "Il consorzio dei servizi sociali dei comuni del sud: sostegno alle famiglie, assistenza domiciliare e primo " +
      "sportello per chi ha perso il lavoro.",
  },
  "urban-data-institute": {
    nameIt: "Istituto per i dati urbani e la ricerca sociale",
    descriptionIt:
      "Un istituto universitario che mappa bisogni e servizi quartiere per quartiere e apre i suoi dati ai partner " +
      "che progettano interventi locali.",
  },
  "lanterna-social-printing": {
    nameIt: "Cooperativa sociale Tipografia Lanterna",
    descriptionIt:
      "Una cooperativa sociale che formava giovani come tipografi e legatori, stampando su carta riciclata per i " +
      "partner dell'ecosistema.",
  },
  "collegno-environment-office": {
    nameIt: "Città di Collegno — Ufficio Ambiente",
    descriptionIt:
      "Gestisce il centro del riuso della città e il programma di orti urbani nel parco dell'ex ospedale " +
      "psichiatrico.",
  },
  "barriera-community-kitchen": {
    nameIt: "Cucina di comunità di Barriera",
    descriptionIt:
      "Una cucina di quartiere che trasforma l'invenduto dei mercati in pasti a prezzo accessibile e forma come " +
      "aiuto cuoco persone senza lavoro.",
  },
  "crocetta-design-studio": {
    nameIt: "Studio Crocetta Design Società Benefit",
    descriptionIt:
      "Uno studio di architettura e design diventato Società Benefit nel 2018, che coprogetta gli spazi pubblici " +
      "con chi li userà.",
  },
  "mole-microcredit": {
    nameIt: "Associazione Microcredito Mole",
    descriptionIt:
      "Bancari volontari che istruiscono e accompagnano piccoli prestiti per persone e microimprese respinte dalle " +
      "banche.",
  },
  "women-at-work-network": {
    nameIt: "Rete Donne al Lavoro",
    descriptionIt:
      "Una rete di associazioni che accompagna le donne nel ritorno al lavoro: orientamento, cura dei figli durante " +
      "la formazione e mentoring di manager donne.",
  },
  "grugliasco-agrifood-lab": {
    nameIt: "Laboratorio di innovazione agroalimentare di Grugliasco",
    descriptionIt:
      "Un laboratorio universitario del polo di agraria che studia lo spreco alimentare e aiuta mense e produttori " +
      "a trasformare i sottoprodotti in nuovi alimenti.",
  },
  "binario-social-startups": {
    nameIt: "Programma Binario per start-up sociali",
    descriptionIt:
      "Un percorso di sei mesi in un'ex officina ferroviaria per start-up con finalità sociali, con un fondo di " +
      "avvio e mentori delle banche partner.",
  },
  "mirafiori-skills-hub": {
    nameIt: "Polo delle competenze Mirafiori",
    descriptionIt:
      "Laboratori e aule in un ex stabilimento di componentistica dove scuole tecniche, imprese e centri per " +
      "l'impiego formano i giovani ai mestieri che assumono.",
  },
  "vallette-youth-theatre": {
    nameIt: "Teatro dei giovani delle Vallette",
    descriptionIt:
      "Una compagnia teatrale che tiene corsi gratuiti per adolescenti dei quartieri a nord e porta i loro " +
      "spettacoli in piazze e cortili.",
  },
  "chieri-textile-reuse": {
    nameIt: "Cooperativa Riuso Tessile Chieri",
    descriptionIt:
      "Una cooperativa sociale nella vecchia città del tessile che raccoglie, seleziona e ripara abiti usati, dando " +
      "lavoro a persone con disabilità.",
  },
  "subalpina-energy-community": {
    nameIt: "Comunità energetica rinnovabile Subalpina",
    descriptionIt:
      "Famiglie, negozi e una scuola che condividono l'energia dei pannelli sui loro tetti; i risparmi finanziano " +
      "il sostegno alla povertà energetica in città.",
  },
  "mutua-solidale-insurance": {
    nameIt: "Cooperativa assicurativa Mutua Solidale",
    descriptionIt:
      "Una mutua che assicura enti del Terzo settore e volontari e reinveste gli avanzi in progetti di salute di " +
      "comunità.",
  },
  "gender-pay-observatory": {
    nameIt: "Osservatorio sul divario retributivo di genere",
    descriptionIt:
      "Ricercatrici e ricercatori che pubblicano ogni anno il divario retributivo di genere dell'area metropolitana " +
      "e aiutano le imprese a leggere i propri dati prima della certificazione.",
  },
  "settimo-shared-workshops": {
    nameIt: "Officine condivise di Settimo",
    descriptionIt:
      "Officine condivise con attrezzi, un repair café e postazioni per giovani maker, in un'ex fabbrica della " +
      "periferia nord.",
  },
  "rivoli-green-incubator": {
    nameIt: "Incubatore di imprese verdi di Rivoli",
    descriptionIt:
      "Un incubatore per giovani imprese dell'adattamento climatico, dell'agricoltura sostenibile e dell'economia " +
      "circolare, ai piedi delle valli occidentali.",
  },
  "san-donato-community-pharmacies": {
    nameIt: "Farmacie di comunità San Donato",
    descriptionIt:
      "Tre farmacie di quartiere che ospitano controlli gratuiti, un punto di raccolta dei farmaci donati e uno " +
      "sportello che aiuta le persone anziane con i servizi online.",
  },
};
