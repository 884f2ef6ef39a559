import type { Shape } from "../shape";

// Data-subject requests (Inställningar → Registrerades begäran) and the setting for a departing
// member's lessons; Swedish first, English beside it.
export const dataRequestsSv = {
  title: "Registrerades begäran",
  intro:
    "När en medlem begär att få ut eller radera sina personuppgifter (GDPR artikel 15 och 17) svarar ni här. Organisationen är personuppgiftsansvarig bara för det som finns hos er: utdraget och raderingen gäller bara er organisation, aldrig andra organisationers uppgifter.",
  person: "Person",
  choosePerson: "Välj en medlem",
  none: "Organisationen har inga andra medlemmar.",
  exportHeading: "Lämna ut personuppgifter",
  exportText: "Ett utdrag i JSON-format med allt er organisation har om personen: medlemskap, lärdomar, trådar, inlägg, kommentarer, lärtillfällen, aviseringar och händelser i loggen.",
  exportSubmit: "Ladda ner utdraget (JSON)",
  eraseHeading: "Radera personen från organisationen",
  eraseText:
    "Medlemskapet tas bort. Personens inlägg, trådar, kommentarer och anteckningar hos er finns kvar men visas som skrivna av ”Tidigare medlem”. Aviseringar, bevakningar, reaktioner och röster hos er tas bort. Kontot i Lärloop och uppgifter hos andra organisationer berörs inte.",
  lessons: "Personens lärdomar",
  lessonsKeep: "Behåll lärdomarna hos organisationen (med ”Tidigare medlem” som författare)",
  lessonsDelete: "Radera lärdomarna",
  confirm: "Jag förstår att raderingen inte går att ångra",
  eraseSubmit: "Radera personen från organisationen",
  erased: "Personen är raderad från organisationen.",
  personRequired: "Välj en person.",
  lessonsRequired: "Välj vad som händer med lärdomarna.",
  confirmRequired: "Bekräfta att du förstår att raderingen inte går att ångra.",
  notFound: "Personen är inte medlem i organisationen.",
  lastAdmin: "Personen är organisationens enda administratör. Gör någon annan till administratör först.",
  self: "Dina egna uppgifter raderar du under Mitt konto.",
  setting: {
    heading: "När en medlem lämnar",
    legend: "Lärdomar av en medlem som raderar sitt konto eller raderas på begäran",
    keep: "Stannar hos organisationen, med ”Tidigare medlem” som författare",
    delete: "Raderas",
    hint: "Inlägg och kommentarer stannar alltid, som skrivna av ”Tidigare medlem”. Vid en begäran om radering kan du välja annat för just den personen.",
    save: "Spara",
    saved: "Sparat.",
  },
};

export const dataRequestsEn: Shape<typeof dataRequestsSv> = {
  title: "Data-subject requests",
  intro:
    "When a member asks for a copy of their personal data or for its erasure (GDPR articles 15 and 17), you answer here. Your organisation is the controller only of what it holds: the copy and the erasure cover your organisation alone, never other organisations' data.",
  person: "Person",
  choosePerson: "Choose a member",
  none: "The organisation has no other members.",
  exportHeading: "Disclose personal data",
  exportText: "A JSON copy of everything your organisation holds about the person: membership, lessons, threads, posts, comments, learning sessions, notifications and log entries.",
  exportSubmit: "Download the copy (JSON)",
  eraseHeading: "Erase the person from the organisation",
  eraseText:
    "The membership ends. The person's posts, threads, comments and notes with you stay, shown as written by “Former member”. Their notifications, follows, reactions and votes with you are removed. Their Lärloop account and their data with other organisations are not touched.",
  lessons: "The person's lessons",
  lessonsKeep: "Keep the lessons with the organisation (with “Former member” as author)",
  lessonsDelete: "Delete the lessons",
  confirm: "I understand that the erasure cannot be undone",
  eraseSubmit: "Erase the person from the organisation",
  erased: "The person is erased from the organisation.",
  personRequired: "Choose a person.",
  lessonsRequired: "Choose what happens to the lessons.",
  confirmRequired: "Confirm that you understand the erasure cannot be undone.",
  notFound: "The person is not a member of the organisation.",
  lastAdmin: "The person is the organisation's only admin. Make someone else an admin first.",
  self: "You erase your own data under My account.",
  setting: {
    heading: "When a member leaves",
    legend: "Lessons of a member who deletes their account or is erased on request",
    keep: "Stay with the organisation, with “Former member” as author",
    delete: "Are deleted",
    hint: "Posts and comments always stay, as written by “Former member”. For a request for erasure you can choose otherwise for that person.",
    save: "Save",
    saved: "Saved.",
  },
};
