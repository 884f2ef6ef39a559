// The session formats Lärloop offers out of the box. Phases are a starting
// point: the facilitator adds, removes, reorders and retimes them per session.

export const PHASE_KINDS = ["write", "pairs", "foursomes", "group"] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export type PhaseDraft = { kind: PhaseKind; title: string; prompt: string; durationSeconds: number };
type Localised = { sv: PhaseDraft[]; en: PhaseDraft[] };

const min = (m: number) => m * 60;

export const BUILT_IN_TEMPLATES: Record<string, { name: { sv: string; en: string }; phases: Localised }> = {
  "buzzin-bees": {
    name: { sv: "Buzzin' bees", en: "Buzzin' bees" },
    phases: {
      sv: [
        { kind: "write", title: "Tänk själv", prompt: "Vad är din viktigaste lärdom från projekten sedan sist? Skriv en eller flera lappar.", durationSeconds: min(2) },
        { kind: "pairs", title: "Prata med din granne", prompt: "Berätta för varandra. Vad har ni gemensamt? Skriv det ni vill ta med till gruppen.", durationSeconds: min(8) },
        { kind: "group", title: "Hela gruppen", prompt: "Gruppera lapparna, rösta på det viktigaste och gör om det till lärdomar och åtgärder.", durationSeconds: min(15) },
      ],
      en: [
        { kind: "write", title: "Think alone", prompt: "What is your most important lesson from the projects since last time? Write one or more notes.", durationSeconds: min(2) },
        { kind: "pairs", title: "Talk with your neighbour", prompt: "Tell each other. What do you share? Write what you want to bring to the group.", durationSeconds: min(8) },
        { kind: "group", title: "The whole group", prompt: "Group the notes, vote on what matters most and turn it into lessons and actions.", durationSeconds: min(15) },
      ],
    },
  },
  "1-2-4-all": {
    name: { sv: "1-2-4-alla", en: "1-2-4-All" },
    phases: {
      sv: [
        { kind: "write", title: "1: Själv", prompt: "Vilka idéer har du? Skriv dem var för sig.", durationSeconds: min(1) },
        { kind: "pairs", title: "2: I par", prompt: "Bygg vidare på varandras idéer.", durationSeconds: min(2) },
        { kind: "foursomes", title: "4: Fyra tillsammans", prompt: "Två par blir en fyra. Vad sticker ut?", durationSeconds: min(4) },
        { kind: "group", title: "Alla", prompt: "Varje fyra delar en idé. Gruppera och rösta.", durationSeconds: min(5) },
      ],
      en: [
        { kind: "write", title: "1: Alone", prompt: "What ideas do you have? Write them one by one.", durationSeconds: min(1) },
        { kind: "pairs", title: "2: In pairs", prompt: "Build on each other's ideas.", durationSeconds: min(2) },
        { kind: "foursomes", title: "4: Four together", prompt: "Two pairs make a four. What stands out?", durationSeconds: min(4) },
        { kind: "group", title: "All", prompt: "Each four shares one idea. Group and vote.", durationSeconds: min(5) },
      ],
    },
  },
  retrospective: {
    name: { sv: "Återblick", en: "Retrospective" },
    phases: {
      sv: [
        { kind: "write", title: "Vad fungerade?", prompt: "Det som gick bra och som vi vill behålla.", durationSeconds: min(5) },
        { kind: "write", title: "Vad fungerade inte?", prompt: "Det som skavde eller inte gav det vi hoppades.", durationSeconds: min(5) },
        { kind: "write", title: "Vad ändrar vi?", prompt: "Konkreta förändringar till nästa gång.", durationSeconds: min(5) },
        { kind: "group", title: "Gruppera, rösta och besluta", prompt: "Samla lika lappar, rösta och gör om det viktigaste till åtgärder.", durationSeconds: min(20) },
      ],
      en: [
        { kind: "write", title: "What worked?", prompt: "What went well and what we want to keep.", durationSeconds: min(5) },
        { kind: "write", title: "What didn't?", prompt: "What chafed or did not give what we hoped for.", durationSeconds: min(5) },
        { kind: "write", title: "What do we change?", prompt: "Concrete changes for next time.", durationSeconds: min(5) },
        { kind: "group", title: "Group, vote and decide", prompt: "Gather similar notes, vote and turn what matters most into actions.", durationSeconds: min(20) },
      ],
    },
  },
  "thematic-evaluation": {
    name: { sv: "Genomgång av tematisk utvärdering", en: "Thematic evaluation review" },
    phases: {
      sv: [
        { kind: "write", title: "Resultat per mål", prompt: "Vad säger utvärderingen om varje mål? En lapp per iakttagelse.", durationSeconds: min(10) },
        { kind: "pairs", title: "Slutsatser", prompt: "Vilka slutsatser drar ni av resultaten?", durationSeconds: min(10) },
        { kind: "group", title: "Rekommendationer", prompt: "Gör slutsatserna till rekommendationer till utlysningar och beslut.", durationSeconds: min(20) },
      ],
      en: [
        { kind: "write", title: "Findings per goal", prompt: "What does the evaluation say about each goal? One note per finding.", durationSeconds: min(10) },
        { kind: "pairs", title: "Conclusions", prompt: "Which conclusions do you draw from the findings?", durationSeconds: min(10) },
        { kind: "group", title: "Recommendations", prompt: "Turn the conclusions into recommendations to calls and decisions.", durationSeconds: min(20) },
      ],
    },
  },
};

export type BuiltInTemplateId = keyof typeof BUILT_IN_TEMPLATES;
export const BUILT_IN_TEMPLATE_IDS = Object.keys(BUILT_IN_TEMPLATES) as BuiltInTemplateId[];

export const RECURRENCES = ["none", "monthly", "quarterly", "half-yearly", "yearly"] as const;
export type Recurrence = (typeof RECURRENCES)[number];
export const RECURRENCE_MONTHS: Record<Recurrence, number> = { none: 0, monthly: 1, quarterly: 3, "half-yearly": 6, yearly: 12 };
