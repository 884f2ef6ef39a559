import type { Shape } from "../shape";

// The person's own account page (Mitt konto); Swedish first, English beside it.
export const accountSv = {
  title: "Mitt konto",
  intro: "Ditt konto i Lärloop: vem du är här, var du är medlem och vad Lärloop sparar om dig.",
  details: "Uppgifter",
  name: "Namn",
  email: "E-postadress",
  since: "Konto sedan",
  memberships: "Medlemskap",
  role: "Roll",
  yourData: "Dina personuppgifter",
  yourDataText:
    "Du kan när som helst ladda ner allt Lärloop sparar om dig: kontot, medlemskap, inloggningar, lärdomar, inlägg, kommentarer, aviseringar, lärtillfällen, anteckningar och händelser i loggen som gäller dig. Filen är i JSON-format, som går att läsa i en textredigerare och att flytta till en annan tjänst.",
  download: "Ladda ner mina uppgifter (JSON)",
  signIns: "Inloggningar",
  signInsText_one: "Du är inloggad i {{count}} webbläsare.",
  signInsText_other: "Du är inloggad i {{count}} webbläsare.",
  signOutEverywhere: "Logga ut på alla enheter",
};

export const accountEn: Shape<typeof accountSv> = {
  title: "My account",
  intro: "Your Lärloop account: who you are here, where you are a member and what Lärloop keeps about you.",
  details: "Details",
  name: "Name",
  email: "Email address",
  since: "Account since",
  memberships: "Memberships",
  role: "Role",
  yourData: "Your personal data",
  yourDataText:
    "You can download everything Lärloop keeps about you at any time: your account, memberships, sign-ins, lessons, posts, comments, notifications, learning sessions, notes and the log entries that concern you. The file is JSON, which a text editor can read and another service can import.",
  download: "Download my data (JSON)",
  signIns: "Sign-ins",
  signInsText_one: "You are signed in in {{count}} browser.",
  signInsText_other: "You are signed in in {{count}} browsers.",
  signOutEverywhere: "Sign out on all devices",
};
