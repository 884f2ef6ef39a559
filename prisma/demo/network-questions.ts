import type { Prisma } from "../../app/generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

// Questions to the demo network. The first repeats the survey in the seed
// (16 of 21 regions answered: how do you follow up, evaluate and learn from
// your 1:1 funds?), answered by both member regions and now closed; the
// second is newer and still open, and Region Exempel has not answered it yet.

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

// Answers per organisation slug: who saved them, how long ago, one text per question.
type DemoQuestionnaire = { title: string; intro: string; questions: string[]; answers: Record<string, { by: string; daysAgo: number; texts: string[] }> };

const SURVEY: DemoQuestionnaire = {
  title: "Kartläggning: uppföljning, utvärdering och lärande kring 1:1-medlen",
  intro:
    "Vi upprepar enkäten till regionerna, nu inom nätverket: hur arbetar ni med uppföljning, utvärdering och lärande kring 1:1-medlen? Svaren blir underlag för vårt gemensamma arbete och för vilka regioner vi besöker under studiebesöken. Svara kort – det går bra att svara på bara några av frågorna.",
  questions: [
    "Hur arbetar ni med uppföljning av era 1:1-medel, och vilka data använder ni (projektbeslut, lägesrapporter, slutrapporter, slutredovisningar i Nyps 2020)?",
    "Utvärderar ni 1:1-medlen mot RUS:en, eller ingår de bara som en del av RUS-utvärderingen?",
    "Använder ni uppföljningsdata för att styra utlysningar och rikta information? Ge gärna ett exempel.",
    "Följer ni upp företagsstöden på samma sätt som projektmedlen? Följer ni upp mot smart specialisering?",
    "Hur arbetar ni med lärande i och utanför er organisation?",
    "Vad skulle hjälpa er mest att komma vidare, och hur kan vi samarbeta kring uppföljning, utvärdering, analys och lärande?",
  ],
  answers: {
    "region-demo": {
      by: "admin@region-demo.se",
      daysAgo: 62,
      texts: [
        "Vi hämtar data ur Nyps 2020: projektbeslut, lägesrapporter, slutrapporter och slutredovisningar. Uppföljningen handlar mest om ekonomisk basinformation – beslutade medel fördelade på nationella strategin, ERUF-prioritering, S3-områden och hållbarhet – och används främst i återrapporteringen.\nResultatindikatorer följer vi framför allt upp för EU-projekten.",
        "Vi har inga egentliga utvärderingar av 1:1-medlen. En viss kvalitativ uppföljning ingår i RUS-uppföljningen, men den kopplas inte systematiskt ihop med uppföljningen i Nyps. Under året börjar vi med tematiska resultatutvärderingar för projekt och företagsstöd.",
        "Inte systematiskt. Handläggarna använder sin erfarenhet av tidigare projekt när utlysningarna skrivs, men vi har ingen rutin för att uppföljningen ska påverka utlysningar och beslut. Ibland saknar projekten också mål att följa upp emot.",
        "Nej. Företagsstöden följs upp för sig, med fokus på utbetalning, och inte med samma systematik som projektmedlen. Mot smart specialisering redovisar vi bara hur de beslutade medlen fördelas, inte vilka resultat de ger.",
        "Mest informellt inom finansieringsteamet. Det saknas forum för erfarenhetsutbyte och en närmare dialog mellan finansiering, strateger och ledning. Nu skiljer vi mellan det dagliga lärandet i forumet och ett samlat sällanlärande två gånger om året.",
        "Att börja enkelt: gemensamma frågor i lägesrapporterna och en utvärderingsmodell som pekar ut vad som kan utvärderas per projekttyp och stöd. Vi vill gärna jämföra hur andra regioner kopplar ihop Nyps med RUS-uppföljningen, och tar emot studiebesök.",
      ],
    },
    "region-exempel": {
      by: "admin@region-exempel.se",
      daysAgo: 51,
      texts: [
        "Vi för in förväntade och realiserade resultat från lägesrapporter och slutrapporter i Nyps 2020 i en egen uppföljningsdatabas. Varje projekt kopplas redan vid beslut till ett mål i RUS:en och ett S3-område, så att vi kan redovisa både medelsfördelning och resultat per mål.",
        "Ja, 1:1-medlen utvärderas mot RUS:en. Vartannat år upphandlar vi en extern tematisk utvärdering, senast om kompetensförsörjning, och inför varje ny finansieringsplan sammanställer vi själva projektens bidrag till måluppfyllelsen.",
        "Ja. Inför varje utlysning tar vi fram en sammanställning av vad tidigare projekt inom samma mål har gett, och den ligger till grund för urvalskriterierna. Uppföljningen visar också var få har sökt, och dit riktar vi informationen – senast till kommunerna i norra länsdelen.",
        "Delvis. Företagsstöden följs upp i ett eget system hos näringslivsenheten, men vi har börjat använda samma indikatorer för båda stödformerna. Mot smart specialisering följer vi upp både beslut och resultat, eftersom S3-strategin har egna mål.",
        "Ett lärforum varje kvartal där handläggare, strateger och en från ledningen går igenom avslutade projekt; slutsatserna förs in i en lärdomslogg. Utanför organisationen delar vi erfarenheter i SKR:s nätverk, men mest vid enstaka möten.",
        "Enklare sätt att få ut kvalitativa resultat ur slutrapporterna, som ofta håller låg kvalitet. Vi vill samarbeta om gemensamma krav på lägesrapporterna och om att jämföra resultaten av liknande projekt mellan regionerna.",
      ],
    },
  },
};

const FOLLOW_UP: DemoQuestionnaire = {
  title: "Från uppföljning till utlysning",
  intro:
    "Kartläggningen visade att alla tycker att det är svårt att omsätta uppföljning och utvärdering i ett lärande som påverkar utlysningar och beslut. Inför studiebesöken vill vi veta hur ni gör i praktiken – och vad ni vill se hos varandra.",
  questions: [
    "Beskriv en gång då en lärdom eller ett uppföljningsresultat ändrade en utlysning eller ett beslut hos er. Vad ändrades?",
    "Vilka krav ställer ni på projektens lägesrapporter och slutrapporter, och hur ser ni till att de håller god kvalitet?",
    "Vad vill ni visa eller få se vid ett studiebesök under nästa år?",
  ],
  answers: {
    "region-demo": {
      by: "facilitator@region-demo.se",
      daysAgo: 3,
      texts: [
        "I utlysningen om digitalisering i småföretag kräver vi nu att företagen utser en digitaliseringsansvarig. Det kom från slutrapporten i Digitalt lyft: i de företag som saknade en sådan person uteblev resultaten.",
        "Sedan i år har varje lägesrapport tre fasta frågor: vad har ni uppnått, vad har inte gått som planerat och vad har ni lärt er. Handläggaren går igenom svaren vid uppföljningsmötet. Slutrapporterna granskar vi fortfarande mest ekonomiskt.",
        "Vi vill se hur Region Exempel för in resultat från Nyps i sin uppföljningsdatabas och hur det kvartalsvisa lärforumet går till. Hos oss kan vi visa hur lärdomar kopplas till utlysningarnas lärandeunderlag.",
      ],
    },
  },
};

export async function seedDemoNetworkQuestions(tx: Tx, organisationIds: Map<string, string>, userIds: Map<string, string>) {
  const network = await tx.network.findFirstOrThrow({ where: { name: "Regionernas nätverk för 1:1-uppföljning" }, select: { id: true } });
  const demo = organisationIds.get("region-demo")!;

  const send = async (questionnaire: DemoQuestionnaire, sentDaysAgo: number, closesAt: Date | null) => {
    const created = await tx.networkQuestionnaire.create({
      data: {
        networkId: network.id,
        organisationId: demo,
        authorId: userIds.get("admin@region-demo.se")!,
        title: questionnaire.title,
        intro: questionnaire.intro,
        questions: questionnaire.questions.join("\n"),
        closesAt,
        createdAt: daysAgo(sentDaysAgo),
      },
    });
    for (const [slug, answer] of Object.entries(questionnaire.answers)) {
      await tx.networkAnswer.createMany({
        data: answer.texts.map((text, position) => ({
          questionnaireId: created.id,
          organisationId: organisationIds.get(slug)!,
          position,
          answer: text,
          answeredById: userIds.get(answer.by)!,
          updatedAt: daysAgo(answer.daysAgo),
        })),
      });
    }
  };

  await send(SURVEY, 75, daysAgo(40));
  await send(FOLLOW_UP, 6, new Date(Date.now() + 24 * DAY));
}
