import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations, signIn } from "./helpers";

const GOAL = "Fler innovativa små och medelstora företag";

/** The "applied lessons" figure of a goal's row in "Lärloopen i siffror", all years. */
async function appliedFigure(page: Page): Promise<number> {
  await page.goto("/o/region-demo/dashboard/loop");
  const row = page.locator("tr", { has: page.getByRole("link", { name: GOAL, exact: true }) }).first();
  return Number(await row.locator("td").nth(1).innerText());
}

test("an author opens a call, sees lessons from two regions, applies one, and the loop's applied figure for the goal goes up by one", async ({ page }) => {
  await signIn(page, "member@region-demo.se");
  const before = await appliedFigure(page);

  await page.getByRole("navigation", { name: "Organisationens områden" }).getByRole("link", { name: "Utlysningar" }).click();
  await page.getByRole("link", { name: "Ny utlysning" }).click();
  await page.getByLabel("Rubrik").fill("Innovationsstöd för småföretag 2027");
  await page.getByLabel("Beskrivning").fill("Stöd till innovation och digitalisering i småföretag. Projekten rapporterar i lägesrapporter med fasta resultatfrågor.");
  await page.getByLabel("Budget").fill("7 500 000");
  await page.getByLabel("Status").selectOption({ label: "Öppen" });
  await page.getByLabel("Öppnar").fill("2027-02-01");
  await page.getByLabel("Stänger").fill("2027-03-31");
  await page.getByRole("group", { name: "Mål som utlysningen riktar sig mot" }).getByLabel(new RegExp(`› 1\\.1 ${GOAL}$`)).check();
  await page.getByRole("button", { name: "Skapa utlysningen" }).click();

  await expect(page.getByRole("status").first()).toHaveText("Utlysningen är sparad.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Innovationsstöd för småföretag 2027");
  const brief = page.getByRole("list").filter({ has: page.getByRole("heading", { name: "Tydliga resultatmål i beslutet gör slutrapporterna användbara" }) });
  await expect(brief.getByText("Egen lärdom").first()).toBeVisible();
  await expect(brief.getByText("Från Region Exempel")).toBeVisible();
  // A lesson on a sub-goal of the call's goal ranks above one found by its text alone.
  const titles = await brief.getByRole("heading", { level: 3 }).allInnerTexts();
  expect(titles.indexOf("En utsedd digitaliseringsansvarig i företaget avgör resultatet")).toBeLessThan(titles.indexOf("Gemensam mall för lägesrapporter höjde kvaliteten"));
  await expectNoSeriousViolations(page, "a call with its learning brief");

  const entry = brief.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Tydliga resultatmål i beslutet gör slutrapporterna användbara" }) });
  await entry.getByLabel("Tillämpad", { exact: true }).check();
  await entry.getByRole("button", { name: "Spara bedömningen" }).click();
  await expect(entry.getByText("Skriv med en mening vad som ändrades i utlysningen.")).toBeVisible();
  await entry.getByLabel("Vad ändrades i utlysningen, eller varför inte").fill("Ansökan ska ange mätbara resultatmål som skrivs in i beslutet.");
  await entry.getByRole("button", { name: "Spara bedömningen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Bedömningen är sparad." })).toBeVisible();
  await expect(entry.getByText("Tillämpad – Ansökan ska ange mätbara resultatmål som skrivs in i beslutet.")).toBeVisible();

  expect(await appliedFigure(page)).toBe(before + 1);
  await expectNoSeriousViolations(page, "the learning loop in numbers");

  // The figure links to the list behind it, and from there to the lesson's path.
  await page.locator("tr", { has: page.getByRole("link", { name: GOAL, exact: true }) }).first().locator("td").nth(1).getByRole("link").click();
  await page.getByRole("link", { name: "Tydliga resultatmål i beslutet gör slutrapporterna användbara" }).click();
  const path = page.getByRole("region", { name: "Lärdomens väg" });
  await expect(path.getByText("Det här ändrades: Ansökan ska ange mätbara resultatmål som skrivs in i beslutet.")).toBeVisible();
});

test("the public results page works signed out and shows nothing private", async ({ page }) => {
  await page.goto("/results/region-demo");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Vilken nytta gör 1:1-medlen?");
  await expect(page.getByText(/Inloggad som/)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Tydliga resultatmål i beslutet gör slutrapporterna användbara" })).toBeVisible();
  const text = await page.locator("main").innerText();
  for (const secret of ["Sen driftsättning äter upp klimatnyttan", "Gemensam mall för lägesrapporter", "Utkast: företagsstöd följs upp för sig", "Sara Nyberg", "Annika Lindqvist", "556779-2542"]) {
    expect(text).not.toContain(secret);
  }
  await expectNoSeriousViolations(page, "the public results page");
  await page.goto("/results/region-exempel");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
});
