// Plausible lessons learned for the search benchmark: the fields of a lesson
// mixed from pools of Swedish sentences about regionally funded projects,
// with a municipality and a sector in each so that some words are common
// and others rare, as in a real region's knowledge base.

export const MUNICIPALITIES = [
  "Arjeplog", "Arvidsjaur", "Bjurholm", "Boden", "Dorotea", "Gällivare", "Haparanda", "Jokkmokk", "Kalix", "Kiruna",
  "Lycksele", "Malå", "Nordmaling", "Norsjö", "Piteå", "Robertsfors", "Skellefteå", "Sorsele", "Storuman", "Umeå",
  "Vilhelmina", "Vindeln", "Vännäs", "Åsele", "Älvsbyn", "Överkalix", "Övertorneå", "Pajala", "Luleå", "Härnösand",
  "Kramfors", "Sollefteå", "Sundsvall", "Timrå", "Ånge", "Örnsköldsvik", "Östersund", "Strömsund", "Krokom", "Berg",
  "Bräcke", "Härjedalen", "Ragunda", "Åre", "Falun", "Mora", "Orsa", "Älvdalen", "Ludvika", "Hedemora",
];

const SECTORS = [
  "besöksnäringen", "livsmedelsindustrin", "träindustrin", "gruvnäringen", "kulturella och kreativa näringar",
  "vård och omsorg", "energiomställningen", "rennäringen", "verkstadsindustrin", "digitala tjänster",
  "handeln på landsbygden", "byggsektorn", "skogsnäringen", "fordonstestverksamheten", "kollektivtrafiken",
  "fiske och vattenbruk", "cirkulär ekonomi", "logistiken", "utbildningssektorn", "den sociala ekonomin",
];

const TITLES = [
  "Rekrytera deltagande företag redan innan projektet startar",
  "Ledningens engagemang avgör om utvecklingsarbetet blir kvar",
  "Indikatorer som mäter det vi faktiskt vill uppnå",
  "Planera för vad som händer efter projekttidens slut",
  "Samverkan med kommunerna tar längre tid än man tror",
  "En halvtidsutvärdering ger tid att ändra kurs",
  "Små aktörer behöver stöd redan i ansökningsfasen",
  "Branschorganisationer når målgruppen bäst",
  "Dokumentera lärdomarna där alla hittar dem",
  "Koppla varje beslut till ett mål i strategin",
  "Förseningar i upphandlingen äter upp projekttiden",
  "När eldsjälen slutar stannar arbetet",
  "Kompetensförsörjning är företagens största utmaning",
  "Jämför kostnaden per deltagare mellan projekten",
  "Förläng hellre än att utöka budgeten",
  "Be om en kort reflektion vid varje lägesrapport",
  "Medfinansiering som dras tillbaka kräver en plan B",
  "Digitaliseringscheckar stannar ofta vid en förstudie",
  "Snabb återkoppling till projekten gör skillnad",
  "Logikmodellen ska hänga ihop med aktiviteterna",
];

const CONTEXTS = [
  "Projektet drevs av {org} i {kommun} och riktade sig till små och medelstora företag inom {sektor}.",
  "Insatsen finansierades med 1:1-medel under tre år och samlade ett tjugotal aktörer inom {sektor} i {kommun}.",
  "Förstudien i {kommun} visade på ett stort behov av samordning inom {sektor}, och projektet byggde vidare på den.",
  "Lärdomen kommer från uppföljningsbesök hos projektet i {kommun} och från slutrapporten.",
  "Projektet var ett samarbete mellan kommunen, näringslivet och högskolan, med fokus på {sektor} i {kommun}.",
  "Under utlysningen 2024 beviljades sju projekt inom {sektor}; det här är ett av dem, med säte i {kommun}.",
];

const HAPPENED = [
  "Rekryteringen av deltagande företag gick långsammare än planerat, och aktiviteterna fick skjutas upp ett halvår.",
  "Projektledaren slutade efter ett år och det tog fyra månader att hitta en ersättare.",
  "Kommunernas medfinansiering kom på plats först efter att projektet hade startat, vilket skapade osäkerhet.",
  "Företagen uppskattade de individuella coachningsträffarna mer än de gemensamma seminarierna.",
  "Upphandlingen av utrustning blev överklagad och driftsättningen försenades med nästan ett år.",
  "Indikatorerna i ansökan visade sig svåra att följa upp eftersom uppgifterna inte fanns hos företagen.",
  "Styrgruppen träffades sällan och flera beslut fattades för sent för att påverka genomförandet.",
  "Projektet nådde fler kvinnor än väntat tack vare samarbetet med en lokal företagarförening.",
  "Halvtidsutvärderingen pekade på att målgruppen var för bred och att insatserna spreds för tunt.",
  "Efter projekttiden tog en branschorganisation över nätverket och finansierar det nu med medlemsavgifter.",
  "Flera deltagande företag använde checkarna till förstudier men gick aldrig vidare till en investering.",
  "Samarbetet med gymnasieskolan gav praktikplatser som ledde till anställningar i bygden.",
];

const LEARNED = [
  "Det som skiljer framgångsrika företag åt är att någon i ledningen tar ett tydligt ansvar för utvecklingsarbetet.",
  "En realistisk tidplan för rekrytering av deltagare är minst sex månader, inte tre.",
  "Indikatorer bör väljas utifrån vad projektet och företagen faktiskt kan mäta under projekttiden.",
  "Resultaten lever kvar när någon utanför projektet har tagit över ansvaret innan projekttiden är slut.",
  "Samverkan med kommunerna kräver förankring hos både tjänstepersoner och politiker redan i ansökningsfasen.",
  "En tidig halvtidsutvärdering ger utrymme att justera kursen medan det fortfarande finns pengar kvar.",
  "Små aktörer behöver hjälp med budgeten i ansökan, annars blir den orealistisk och måste göras om.",
  "Branschorganisationer når målgruppen bättre än projektet på egen hand.",
  "Kompetensförsörjningen är den fråga som engagerar företagen mest, oavsett vad projektet egentligen handlar om.",
  "Lärdomar som dokumenteras på ett gemensamt ställe används i nästa utlysning; de som stannar i rapporter gör det inte.",
  "Att koppla varje beslut till ett mål i den regionala utvecklingsstrategin gör uppföljningen mycket enklare.",
  "Personberoendet är den största risken i små projekt och behöver hanteras redan i ansökan.",
];

const RECOMMENDATIONS = [
  "Kräv en plan för hur resultaten tas om hand efter projekttidens slut redan i ansökan.",
  "Skriv in en halvtidsutvärdering i beslutet och avsätt medel för den.",
  "Erbjud stöd i ansökningsfasen till aktörer som saknar erfarenhet av projektbudgetar.",
  "Låt projekten redovisa en kort reflektion vid varje lägesrapport, inte bara siffror.",
  "Ställ krav på att medfinansieringen är säkrad innan beslut fattas.",
  "Ta med lärdomen i nästa utlysning inom samma insatsområde.",
  "Följ upp effekterna två år efter projektslut, inte bara vid slutrapporten.",
  "Se till att minst två personer i projektorganisationen kan driva arbetet vidare.",
];

// Rare on purpose: a search for these words finds a few hundred lessons in 100 000.
const RARE = [
  "Elektrolysören för vätgasproduktionen levererades ett år för sent, och testerna fick göras om.",
  "Elektrolysörer av den här storleken kräver en elanslutning som nätägaren inte kunde erbjuda i tid.",
];
const RARE_SHARE = 0.003;

const ORGANISATIONS = ["kommunen", "ett lokalt utvecklingsbolag", "en ekonomisk förening", "högskolan", "en branschorganisation", "företagarföreningen"];

export type LessonText = {
  title: string;
  context: string;
  whatHappened: string;
  whatWeLearned: string;
  recommendation: string;
};

const pick = <T>(random: () => number, items: readonly T[]) => items[Math.floor(random() * items.length)];

function some(random: () => number, items: readonly string[], min: number, max: number): string {
  const count = min + Math.floor(random() * (max - min + 1));
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(pick(random, items));
  return [...chosen].join(" ");
}

/** One lesson's text; the body is left to the caller (a few rendered bodies are reused). */
export function swedishLesson(random: () => number): LessonText {
  const kommun = pick(random, MUNICIPALITIES);
  const sektor = pick(random, SECTORS);
  const fill = (sentence: string) => sentence.replace("{kommun}", kommun).replace("{sektor}", sektor).replace("{org}", pick(random, ORGANISATIONS));
  const happened = some(random, HAPPENED, 2, 3) + (random() < RARE_SHARE ? ` ${pick(random, RARE)}` : "");
  return {
    title: `${pick(random, TITLES)} – ${sektor} i ${kommun}`,
    context: fill(pick(random, CONTEXTS)),
    whatHappened: happened,
    whatWeLearned: some(random, LEARNED, 1, 3),
    recommendation: some(random, RECOMMENDATIONS, 1, 2),
  };
}
