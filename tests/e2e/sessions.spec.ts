import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousViolations, liveChannelUpgraded, signIn } from "./helpers";

const TITLE = "Lärdomar från företagsstöden – e2e";
const GOAL = "1.1 Fler innovativa små och medelstora företag";
const PARTICIPANTS = [
  { email: "member@region-demo.se", name: "Sara Nyberg", note: "Följ upp stöden tidigt" },
  { email: "lars.bergman@region-demo.se", name: "Lars Bergman", note: "Ge företagen en kontaktperson" },
  { email: "fatima.karlsson@region-demo.se", name: "Fatima Karlsson", note: "Mät digital mognad före och efter" },
];
const GROUP = "Tidig och nära uppföljning";
const LESSON = "Följ upp företagsstöden tidigt och nära";
const ACTION = "Ta fram en mall för tidig uppföljning";

/** A note on the board, by its text (the note's buttons repeat the text for screen readers). */
const noteText = (scope: Page | Locator, text: string) => scope.locator(".note__text").filter({ hasText: text });

/**
 * Reload the live room and resolve once the new page has rejoined the session's
 * live room (which marks its reader present again). The page shows the phase and
 * countdown from the server before that: its socket connects and joins a moment
 * later, and only then does the page ask for fresh data (the join's answer, or a
 * change announced to the room). Data requests of the new document therefore mark
 * the rejoin; those of the old one end when it unloads.
 */
async function reloadAndRejoin(page: Page): Promise<void> {
  let newDocument = false;
  let rejoined = false;
  const onNavigated = (frame: unknown) => {
    if (frame === page.mainFrame()) newDocument = true;
  };
  const onRequest = (request: { url(): string }) => {
    if (newDocument && request.url().includes("_data=")) rejoined = true;
  };
  page.on("framenavigated", onNavigated);
  page.on("request", onRequest);
  await page.reload();
  await expect.poll(() => rejoined, { message: "the reloaded page rejoins the live room" }).toBe(true);
  page.off("framenavigated", onNavigated);
  page.off("request", onRequest);
}

/** Tomorrow, as a date in Stockholm (ÅÅÅÅ-MM-DD). */
const tomorrow = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date(Date.now() + 86_400_000));

/** What the shared countdown (role timer) shows, in seconds. */
async function secondsLeft(page: Page): Promise<number> {
  const text = (await page.getByRole("timer", { name: "Tid kvar" }).textContent()) ?? "";
  const match = text.trim().match(/^(\d+):(\d{2})$/);
  if (!match) throw new Error(`not a countdown: "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The countdowns in all browsers agree within two seconds; resolves with their values. */
async function expectCountdownsAgree(pages: Page[]): Promise<number[]> {
  let values: number[] = [];
  await expect
    .poll(async () => {
      values = await Promise.all(pages.map(secondsLeft));
      return Math.max(...values) - Math.min(...values);
    })
    .toBeLessThanOrEqual(2);
  return values;
}

test("a facilitator and three participants run a Buzzin' bees session end to end", async ({ browser }) => {
  const facilitator = await (await browser.newContext()).newPage();
  const people = await Promise.all(PARTICIPANTS.map(async () => (await browser.newContext()).newPage()));
  const [sara, lars, fatima] = people;
  const everyone = [facilitator, ...people];
  await Promise.all([signIn(facilitator, "facilitator@region-demo.se"), ...people.map((page, i) => signIn(page, PARTICIPANTS[i].email))]);

  // ── The facilitator plans the session through the form. ──
  await facilitator.goto("/o/region-demo/sessions");
  await facilitator.getByRole("link", { name: "Planera lärtillfälle" }).click();
  await expect(facilitator.getByRole("heading", { level: 1 })).toHaveText("Planera ett lärtillfälle");
  await expectNoSeriousViolations(facilitator, "the planning form");
  await facilitator.getByLabel("Rubrik", { exact: true }).fill(TITLE);
  await facilitator.getByLabel("Tema", { exact: true }).fill("Hur följer vi upp företagsstöden så att lärdomarna kommer nästa utlysning till del?");
  await facilitator.getByLabel("Upplägg", { exact: true }).selectOption({ label: "Buzzin' bees" });
  await facilitator.getByLabel("Datum", { exact: true }).fill(tomorrow());
  await facilitator.getByLabel("Starttid", { exact: true }).fill("13:30");
  await facilitator.getByRole("group", { name: "Mål som lärtillfället tittar på" }).getByRole("checkbox", { name: new RegExp(`${GOAL.replace(/\./g, "\\.")}$`) }).check();
  const invitees = facilitator.getByRole("group", { name: "Inbjudna" });
  for (const p of PARTICIPANTS) await invitees.getByRole("checkbox", { name: p.name, exact: true }).check();
  await facilitator.getByRole("button", { name: "Planera lärtillfället" }).click();
  await expect(facilitator.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(facilitator.getByRole("status")).toHaveText("Lärtillfället är planerat.");
  const sessionUrl = facilitator.url().replace(/\?.*$/, "");

  // Thinking alone takes one and a half minutes today, not two (typed the Swedish way).
  const thinkAlone = facilitator.locator(".phase-list > li").filter({ has: facilitator.getByText("Tänk själv", { exact: true }) });
  await thinkAlone.getByText("Ändra Tänk själv").click();
  await thinkAlone.getByLabel("Tid i minuter").fill("1,5");
  await thinkAlone.getByRole("button", { name: "Spara fasen" }).click();
  await expect(facilitator.getByRole("status")).toHaveText("Faserna är sparade.");
  await expect(thinkAlone).toContainText("Tänk själv · Var för sig · 1,5 minuter");
  await expectNoSeriousViolations(facilitator, "the session page as its facilitator sees it");
  await facilitator.getByRole("link", { name: "Öppna samtalsledarens vy" }).click();
  await expect(facilitator.getByRole("heading", { level: 1 })).toHaveText(TITLE);

  // ── The participants find it among their sessions and join. ──
  let saraUpgraded: Promise<void> = Promise.resolve();
  for (const page of people) {
    // The socket that carries Sara's live room: on a WebSocket, her reload below is noticed at once.
    if (page === sara) saraUpgraded = liveChannelUpgraded(sara);
    await page.goto("/o/region-demo/sessions");
    await page.getByRole("link", { name: TITLE }).click();
    await expect(page).toHaveURL(sessionUrl);
    if (page === sara) await expectNoSeriousViolations(sara, "the session page as a participant sees it");
    await page.getByRole("link", { name: "Gå med i lärtillfället" }).click();
    await expect(page.getByText("Lärtillfället har inte börjat än.", { exact: false })).toBeVisible();
  }
  const present = facilitator.getByText(/^3 deltagare närvarande: /);
  for (const p of PARTICIPANTS) await expect(present).toContainText(p.name);

  // ── Think alone: everyone sees the phase and the same countdown. ──
  await facilitator.getByRole("button", { name: "Starta lärtillfället" }).click();
  for (const page of everyone) {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tänk själv");
    await expect(page.getByRole("timer", { name: "Tid kvar" })).toBeVisible();
  }
  const atStart = await expectCountdownsAgree(everyone);
  for (const seconds of atStart) {
    expect(seconds).toBeGreaterThan(60);
    expect(seconds).toBeLessThanOrEqual(90);
  }

  for (const [i, page] of people.entries()) {
    await page.getByLabel("Din lapp").fill(PARTICIPANTS[i].note);
    await page.getByRole("button", { name: "Lägg till lapp" }).click();
    const mine = page.getByRole("region", { name: "Lappar i den här fasen" }).getByRole("listitem");
    // Alone means alone: each sees their own note only.
    await expect(mine).toHaveCount(1);
    await expect(mine).toContainText(PARTICIPANTS[i].note);
    await expect(page.getByLabel("Din lapp")).toHaveValue("");
  }
  await expect(facilitator.getByRole("region", { name: "Lappar i den här fasen" }).getByRole("listitem")).toHaveCount(3);
  await expectNoSeriousViolations(lars, "the live room as a participant sees it");

  // Sara reloads mid-phase: the same phase, her note, and a countdown that went on.
  await saraUpgraded;
  const beforeReload = await secondsLeft(sara);
  await reloadAndRejoin(sara);
  await expect(sara.getByRole("heading", { level: 1 })).toHaveText("Tänk själv");
  await expect(sara.getByRole("region", { name: "Lappar i den här fasen" }).getByRole("listitem")).toContainText(PARTICIPANTS[0].note);
  const [afterReload] = await expectCountdownsAgree([sara, facilitator]);
  expect(afterReload).toBeLessThanOrEqual(beforeReload);
  expect(afterReload).toBeGreaterThan(0);
  for (const p of PARTICIPANTS) await expect(present).toContainText(p.name);

  // ── Talk with your neighbour: three people present make one trio. ──
  await facilitator.getByRole("button", { name: "Nästa fas" }).click();
  for (const page of everyone) await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prata med din granne");
  await expectCountdownsAgree(everyone);
  // Pairs are drawn at random among those present; with three, the one pair takes the third in as a trio.
  for (const [i, page] of people.entries()) {
    const others = PARTICIPANTS.filter((_, j) => j !== i).map((p) => p.name);
    const partner = page.getByTestId("partner");
    await expect(partner).toHaveText(/^Din grupp: /);
    const named = ((await partner.textContent()) ?? "").replace(/^Din grupp: /, "").split(", ");
    expect(named.sort()).toEqual(others.sort());
  }
  await expect(facilitator.getByRole("heading", { name: "Paren och grupperna" })).toBeVisible();

  // ── The whole group: every note, for everyone. ──
  await facilitator.getByRole("button", { name: "Nästa fas" }).click();
  for (const page of everyone) {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hela gruppen");
    const notes = page.getByRole("region", { name: "Lappar utan grupp" });
    for (const p of PARTICIPANTS) await expect(noteText(notes, p.note)).toBeVisible();
  }

  // Lars groups by keyboard: a new group of Sara's note, Lars's note moved into it, then renamed.
  const saraNote = PARTICIPANTS[0].note;
  const newGroup = lars.getByRole("button", { name: `Ny grupp av lappen ${saraNote}` });
  await newGroup.focus();
  await lars.keyboard.press("Enter");
  for (const page of everyone) await expect(page.getByRole("heading", { level: 3, name: saraNote })).toBeVisible();
  const groupSelect = lars.getByLabel(`Grupp för lappen ”${PARTICIPANTS[1].note}”`);
  await groupSelect.focus();
  await lars.keyboard.press("ArrowDown"); // "Ingen grupp" → the new group
  await expect(groupSelect.locator("option:checked")).toHaveText(saraNote);
  await lars.keyboard.press("Tab");
  await expect(lars.getByRole("button", { name: `Flytta ${PARTICIPANTS[1].note}` })).toBeFocused();
  await lars.keyboard.press("Enter");
  const groupIn = (page: Page, title: string) => page.getByRole("region", { name: "Grupper" }).getByRole("listitem", { name: title });
  await expect(noteText(groupIn(lars, saraNote), PARTICIPANTS[1].note)).toBeVisible();
  await groupIn(lars, saraNote).getByText("Byt namn").focus();
  await lars.keyboard.press("Enter");
  await lars.keyboard.press("Tab");
  await expect(groupIn(lars, saraNote).getByLabel("Gruppens namn")).toBeFocused();
  await lars.keyboard.press("ControlOrMeta+A");
  await lars.keyboard.type(GROUP);
  await lars.keyboard.press("Enter");
  for (const page of everyone) {
    const group = groupIn(page, GROUP);
    await expect(noteText(group, saraNote)).toBeVisible();
    await expect(noteText(group, PARTICIPANTS[1].note)).toBeVisible();
    await expect(noteText(page.getByRole("region", { name: "Lappar utan grupp" }), PARTICIPANTS[2].note)).toBeVisible();
  }

  // Everyone votes; the counts move in the other browsers without a reload.
  const groupVotes = (page: Page) => groupIn(page, GROUP).locator(".votes__count");
  for (const [n, voter] of everyone.entries()) {
    await groupIn(voter, GROUP).getByRole("button", { name: `Rösta ${GROUP}` }).click();
    const count = n + 1 === 1 ? "1 röst" : `${n + 1} röster`;
    for (const page of everyone) await expect(groupVotes(page)).toHaveText(count);
  }
  await fatima.getByRole("button", { name: `Rösta ${PARTICIPANTS[2].note}` }).click();
  await expect(groupIn(fatima, GROUP)).toContainText("4 röster (1 av dem din)");
  await expect(fatima.getByText("Du har 3 av 5 röster kvar.")).toBeVisible();
  const fatimaNote = (page: Page) => page.getByRole("region", { name: "Lappar utan grupp" }).getByRole("listitem").filter({ hasText: PARTICIPANTS[2].note });
  for (const page of everyone) await expect(fatimaNote(page).locator(".votes__count")).toHaveText("1 röst");
  await expectNoSeriousViolations(facilitator, "the live room as its facilitator sees it");
  await expectNoSeriousViolations(sara, "the live room of the whole group as a participant sees it");

  // The facilitator turns the top group into a draft lesson and adds an action with an owner.
  const top = groupIn(facilitator, GROUP);
  await top.getByText("Gör till resultat").click();
  await top.getByLabel("Lärdomens rubrik").fill(LESSON);
  await top.getByRole("button", { name: "Skapa utkast till lärdom" }).click();
  const outcomes = (page: Page) => page.getByRole("region", { name: "Resultat" });
  await expect(outcomes(facilitator).getByRole("link", { name: LESSON })).toBeVisible();
  await expect(groupIn(facilitator, GROUP).getByRole("heading", { level: 3 })).toHaveText(`${GROUP} Behandlad`);
  await outcomes(facilitator).getByText("Lägg till en åtgärd", { exact: true }).click();
  await outcomes(facilitator).getByLabel("Vad ska göras").fill(ACTION);
  await outcomes(facilitator).getByLabel("Ansvarig").selectOption({ label: "Lars Bergman" });
  await outcomes(facilitator).getByRole("button", { name: "Lägg till åtgärden" }).click();
  for (const page of everyone) {
    await expect(outcomes(page).getByRole("link", { name: LESSON })).toBeVisible();
    await expect(outcomes(page).getByRole("listitem").filter({ hasText: ACTION })).toContainText("Lars Bergman · senast ");
  }

  // ── The end, and what it gave. ──
  await facilitator.getByRole("button", { name: "Avsluta lärtillfället" }).click();
  for (const page of everyone) await expect(page.getByText("Lärtillfället är avslutat.")).toBeVisible();
  await facilitator.getByRole("link", { name: "Sammanfattning", exact: true }).click();
  await expect(facilitator.getByRole("heading", { level: 1 })).toHaveText(`Sammanfattning: ${TITLE}`);
  const summaryOutcomes = facilitator.getByRole("region", { name: "Resultat" });
  await expect(summaryOutcomes.getByRole("listitem").filter({ hasText: LESSON })).toHaveText(`${LESSON} (Utkast)`);
  await expect(summaryOutcomes.getByRole("listitem").filter({ hasText: ACTION })).toContainText(`${ACTION} – Lars Bergman, senast `);
  await expect(facilitator.getByRole("region", { name: "Grupper efter röster" }).getByRole("heading", { level: 3 })).toHaveText(`${GROUP} (4 röster)`);
  const byPhase = facilitator.getByRole("region", { name: "Lappar per fas" });
  for (const p of PARTICIPANTS) await expect(byPhase.getByRole("listitem").filter({ hasText: p.note })).toContainText(p.name);
  await expectNoSeriousViolations(facilitator, "the session summary");

  // The draft lesson: its source is the session, its goal the session's.
  await summaryOutcomes.getByRole("link", { name: LESSON }).click();
  await expect(facilitator.getByRole("heading", { level: 1 })).toHaveText(LESSON);
  await expect(facilitator.locator(".badges")).toContainText("Utkast");
  await expect(facilitator.getByRole("definition").filter({ hasText: "Lärtillfälle" })).toHaveText(`Lärtillfälle – ${TITLE}`);
  await expect(facilitator.getByRole("link", { name: GOAL })).toBeVisible();
  await expect(facilitator.locator(".rich-text")).toContainText(saraNote);
  await expect(facilitator.locator(".rich-text")).toContainText(PARTICIPANTS[1].note);
});
