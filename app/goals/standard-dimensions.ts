// The tag dimensions every organisation starts with, with their real Swedish
// categories. `code` lets shared categories map across organisations.
export type StandardDimension = { key: string; name: string; description: string; tags: { name: string; code: string }[] };

export const STANDARD_DIMENSIONS: StandardDimension[] = [
  {
    key: "eruf",
    name: "ERUF politiska mål",
    description: "Europeiska regionala utvecklingsfondens politiska mål 2021–2027.",
    tags: [
      { name: "PO1 Ett smartare Europa", code: "eruf-po1" },
      { name: "PO2 Ett grönare, koldioxidsnålt Europa", code: "eruf-po2" },
      { name: "PO3 Ett mer sammanlänkat Europa", code: "eruf-po3" },
      { name: "PO4 Ett socialare och mer inkluderande Europa", code: "eruf-po4" },
      { name: "PO5 Ett Europa närmare medborgarna", code: "eruf-po5" },
    ],
  },
  {
    key: "national",
    name: "Nationella strategins prioriteringar",
    description: "Nationell strategi för hållbar regional utveckling i hela landet 2021–2030.",
    tags: [
      { name: "Likvärdiga möjligheter till boende, arbete och välfärd", code: "ns-likvardiga-mojligheter" },
      { name: "Kompetensförsörjning och kompetensutveckling", code: "ns-kompetensforsorjning" },
      { name: "Innovation, förnyelse och företagande", code: "ns-innovation" },
      { name: "Tillgänglighet genom digital kommunikation och transportinfrastruktur", code: "ns-tillganglighet" },
    ],
  },
  {
    key: "sustainability",
    name: "Hållbarhet",
    description: "De tre dimensionerna av hållbar utveckling.",
    tags: [
      { name: "Ekonomisk hållbarhet", code: "hallbarhet-ekonomisk" },
      { name: "Social hållbarhet", code: "hallbarhet-social" },
      { name: "Miljömässig hållbarhet", code: "hallbarhet-miljo" },
    ],
  },
  {
    key: "support-type",
    name: "Stödform",
    description: "Hur 1:1-medlen betalas ut.",
    tags: [
      { name: "Projektstöd", code: "stod-projekt" },
      { name: "Företagsstöd", code: "stod-foretag" },
    ],
  },
  {
    key: "s3",
    name: "S3-områden",
    description: "Organisationens områden för smart specialisering.",
    tags: [],
  },
  {
    key: "municipality",
    name: "Kommuner",
    description: "Geografi: kommunerna där insatserna görs.",
    tags: [],
  },
];
