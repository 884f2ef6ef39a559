// Plausible forum text for the benchmarks: sentences about following up
// regional development projects, mixed by a seeded generator so that every
// run writes the same posts.

const SENTENCES = [
  "Vi har läst lägesrapporten från projektet och ser att rekryteringen av deltagande företag har gått långsammare än planerat.",
  "Det som skiljer de framgångsrika företagen åt är att någon i ledningen har tagit ett tydligt ansvar för utvecklingsarbetet.",
  "Jag håller med, men vi behöver också fråga oss om indikatorerna i ansökan verkligen mäter det vi vill uppnå.",
  "I förra utlysningen krävde vi en plan för hur resultaten skulle tas om hand efter projekttidens slut.",
  "Projektledaren berättade vid uppföljningsbesöket att samverkan med kommunerna har tagit mer tid än någon räknat med.",
  "Kan vi skriva in ett krav på en halvtidsutvärdering i beslutet, så att vi hinner justera kursen i tid?",
  "Slutrapporten visar att 42 av 55 företag har infört minst en ny arbetsmetod, vilket är bättre än målet.",
  "Samtidigt är det svårt att säga hur mycket av effekten som beror på projektet och hur mycket på konjunkturen.",
  "Tillväxtverket har publicerat en ny vägledning om hur effekter ska redovisas, och den påverkar vår uppföljning.",
  "Vi borde ta upp det här på nästa lärträff, gärna tillsammans med handläggarna som ansvarar för företagsstöden.",
  "Min erfarenhet är att små aktörer behöver hjälp redan i ansökningsfasen, annars blir budgeten orealistisk.",
  "Utvärderaren pekade på att målgruppen nåddes bäst där projektet samarbetade med en etablerad branschorganisation.",
  "Det finns en risk att vi upprepar samma misstag om vi inte dokumenterar lärdomarna på ett ställe som alla hittar.",
  "Region Norr har en modell där varje beslut kopplas till ett mål i den regionala utvecklingsstrategin.",
  "Jag har lagt upp en sammanställning av indikatorerna per insatsområde, säg till om något saknas.",
  "Förseningen i driftsättningen gjorde att klimatnyttan under projekttiden blev betydligt lägre än beräknat.",
  "Vi ser samma mönster i landsbygdsprojekten: när en lokal eldsjäl försvinner stannar arbetet upp nästan helt.",
  "Kompetensförsörjningen är fortfarande den största utmaningen enligt företagen vi har intervjuat i höst.",
  "Det vore intressant att jämföra kostnaden per deltagare mellan de olika projekten i programmet.",
  "Styrgruppen har beslutat att förlänga projektet med sex månader utan att utöka den totala budgeten.",
  "Ett tips är att begära in en kort reflektion från projektet vid varje lägesrapport, inte bara siffror.",
  "Jag tycker att vi ska vara försiktiga med att dra för stora slutsatser av ett enda projekt.",
  "Enligt den senaste mätningen har andelen kvinnor bland de nya företagarna ökat med fyra procentenheter.",
  "Hur har ni hanterat projekt där medfinansieringen från kommunerna har dragits tillbaka under projekttiden?",
  "Vi kommer att presentera erfarenheterna på nätverksträffen i Umeå i mars och vill gärna ha med exempel från er.",
  "Digitaliseringscheckarna har använts flitigt, men uppföljningen visar att många insatser stannar vid en förstudie.",
  "Det är viktigt att återkopplingen till projekten kommer snabbt, annars hinner de inte använda den.",
  "Jag saknar en tydlig koppling mellan projektets aktiviteter och de förväntade resultaten i logikmodellen.",
  "Vi har börjat samla lärdomar från avslutade projekt i en gemensam mall som handläggarna fyller i.",
  "Frågan är om vi ska prioritera färre och större projekt eller fortsätta sprida medlen på många mindre.",
];

/** A small seeded generator (mulberry32): the same seed gives the same text in every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About `length` characters of Swedish, in one or two paragraphs. */
export function swedishPost(random: () => number, length = 400): string {
  const sentences: string[] = [];
  let total = 0;
  while (total < length - 40) {
    const sentence = SENTENCES[Math.floor(random() * SENTENCES.length)];
    sentences.push(sentence);
    total += sentence.length + 1;
  }
  if (sentences.length < 3 || random() < 0.5) return sentences.join(" ");
  const split = 1 + Math.floor(random() * (sentences.length - 1));
  return `${sentences.slice(0, split).join(" ")}\n\n${sentences.slice(split).join(" ")}`;
}
