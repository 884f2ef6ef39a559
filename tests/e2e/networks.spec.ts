import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousViolations, signIn } from "./helpers";

const NETWORK = "Kustregionernas lärnätverk";
const LESSON = "Gemensam besiktning av hamnprojekt sparar en månad";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

function areas(page: Page) {
  return page.getByRole("navigation", { name: "Organisationens områden" });
}

test("two organisations form a network, one shares a lesson, the other finds it in the feed and a call's brief, and loses it when the first leaves", async ({ browser }) => {
  // Region Norrkust starts a network and invites Region Demo.
  const norrkust = await signedIn(browser, "admin@region-norrkust.se");
  await areas(norrkust).getByRole("link", { name: "Nätverk" }).click();
  await expect(norrkust.getByRole("heading", { level: 1 })).toHaveText("Nätverk");
  await norrkust.getByLabel("Nätverkets namn").fill(NETWORK);
  await norrkust.getByLabel("Beskrivning").fill("Regioner längs kusten som delar erfarenheter av hamn- och energiprojekt.");
  await norrkust.getByRole("button", { name: "Starta ett nätverk" }).click();
  await expect(norrkust.getByRole("status").first()).toHaveText("Nätverket är skapat. Bjud in de organisationer ni vill lära tillsammans med.");
  await expect(norrkust.getByRole("heading", { level: 1 })).toHaveText(NETWORK);
  await norrkust.getByLabel("Organisation att bjuda in").selectOption({ label: "Region Demo" });
  await norrkust.getByRole("button", { name: "Skicka inbjudan" }).click();
  await expect(norrkust.getByRole("status").first()).toHaveText("Region Demo är inbjuden.");
  await expectNoSeriousViolations(norrkust, "a network's page");

  // Region Demo's admin accepts.
  const demo = await signedIn(browser, "admin@region-demo.se");
  await areas(demo).getByRole("link", { name: "Nätverk" }).click();
  const invitation = demo.getByRole("region", { name: "Inbjudningar till er organisation" }).getByRole("listitem").filter({ hasText: NETWORK });
  await invitation.getByRole("button", { name: "Gå med i nätverket" }).click();
  await expect(demo.getByRole("status").first()).toHaveText(`Er organisation är nu med i nätverket ${NETWORK}.`);
  await expectNoSeriousViolations(demo, "the networks page");

  // Region Demo shares a lesson with the new network, not with its older one.
  await demo.goto("/o/region-demo/lessons/new");
  await demo.getByLabel("Rubrik", { exact: true }).fill(LESSON);
  await demo.getByRole("textbox", { name: "Lärdomen" }).click();
  await demo.keyboard.type("Hamnen, kommunen och regionen besiktigade tillsammans i stället för var för sig.");
  await demo.getByLabel("Vad lärde vi oss?").fill("Samordnad besiktning av hamnprojekt kortar ledtiden.");
  await demo.getByLabel("Vem får läsa").selectOption({ label: "Delad med nätverket" });
  await demo.getByLabel("Nätverk", { exact: true }).selectOption({ label: NETWORK });
  await demo.getByRole("button", { name: "Publicera" }).click();
  await expect(demo.getByRole("status").first()).toHaveText("Lärdomen är publicerad.");
  await expect(demo.getByText(`Delad med nätverket ${NETWORK}`)).toBeVisible();
  const lessonUrl = new URL(demo.url()).pathname;

  // Region Norrkust finds it in the feed …
  await norrkust.goto("/o/region-norrkust/networks");
  await norrkust.getByRole("link", { name: "Nytt från partnerna" }).first().click();
  await expect(norrkust.getByRole("heading", { level: 1 })).toHaveText("Nytt från partnerna");
  await expect(norrkust.getByRole("link", { name: LESSON })).toBeVisible();
  await expectNoSeriousViolations(norrkust, "the network feed");
  await norrkust.getByRole("link", { name: LESSON }).click();
  await expect(norrkust.getByRole("heading", { level: 1 })).toHaveText(LESSON);
  const sharedUrl = new URL(norrkust.url()).pathname;

  // … and in the learning brief of a call on the same subject.
  await areas(norrkust).getByRole("link", { name: "Utlysningar" }).click();
  await norrkust.getByRole("link", { name: "Ny utlysning" }).click();
  await norrkust.getByLabel("Rubrik").fill("Hamnar och farleder 2027");
  await norrkust.getByLabel("Beskrivning").fill("Stöd till hamnprojekt där besiktning och tillstånd samordnas mellan hamn, kommun och region.");
  await norrkust.getByRole("button", { name: "Skapa utlysningen" }).click();
  await expect(norrkust.getByRole("status").first()).toHaveText("Utlysningen är sparad.");
  const callUrl = norrkust.url();
  const brief = norrkust.getByRole("list").filter({ has: norrkust.getByRole("heading", { name: LESSON }) });
  await expect(brief.getByText("Från Region Demo").first()).toBeVisible();

  // Region Demo leaves the network: what it shared is its own again, at once.
  await demo.goto("/o/region-demo/networks");
  await demo.getByRole("link", { name: NETWORK, exact: true }).click();
  await demo.getByRole("link", { name: "Lämna nätverket" }).click();
  await expect(demo.getByRole("heading", { name: `Lämna ${NETWORK}?` })).toBeVisible();
  await demo.getByRole("button", { name: "Ja, lämna nätverket" }).click();
  await expect(demo.getByRole("status").first()).toContainText("Er organisation har lämnat nätverket. 1 lärdomar");

  await norrkust.goto(callUrl);
  await expect(norrkust.getByRole("heading", { level: 1 })).toHaveText("Hamnar och farleder 2027");
  await expect(norrkust.getByRole("heading", { name: LESSON })).toHaveCount(0);
  await norrkust.goto("/o/region-norrkust/networks/feed");
  await expect(norrkust.getByRole("heading", { level: 1 })).toHaveText("Nytt från partnerna");
  await expect(norrkust.getByRole("link", { name: LESSON })).toHaveCount(0);
  const gone = await norrkust.goto(sharedUrl);
  expect(gone?.status()).toBe(404);
  expect(sharedUrl).toBe(lessonUrl.replace("/o/region-demo/", "/o/region-norrkust/"));
  await norrkust.context().close();
  await demo.context().close();
});
