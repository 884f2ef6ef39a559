import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an admin imports the Nyps fixture after seeing the preview", async ({ page }) => {
  await signIn(page, "admin@region-demo.se");
  await page.getByRole("navigation", { name: "Organisationens områden" }).getByRole("link", { name: "Projekt" }).click();
  await page.getByRole("link", { name: "Importera från Nyps" }).click();

  await page.getByLabel("Fil att importera").setInputFiles(path.resolve("tests/fixtures/nyps-export-with-errors.csv"));
  await page.getByRole("button", { name: "Ladda upp och förhandsgranska" }).click();
  const problems = page.getByRole("alert");
  await expect(problems).toContainText("Rad 5: Beslutat belopp");
  await expect(problems).toContainText("Rad 13: Ärendenummer: ärendenumret finns redan på rad 4");
  await expect(page.getByRole("button", { name: /^Importera/ })).toHaveCount(0);

  await page.goto("/o/region-demo/projects/import");
  await page.getByLabel("Fil att importera").setInputFiles(path.resolve("tests/fixtures/nyps-export-sample.csv"));
  await page.getByRole("button", { name: "Ladda upp och förhandsgranska" }).click();
  // Two case numbers are already in the demo: they are updated, not duplicated.
  await expect(page.getByRole("status")).toHaveText("40 rader: 38 nya projekt och 2 som uppdateras.");
  await expect(page.getByLabel("Ärendenummer *")).toHaveValue("Ärendenummer");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await page.getByRole("button", { name: "Importera 40 rader" }).click();
  await expect(page.getByRole("status")).toHaveText("Importen är klar: 40 rader lästa, 38 nya projekt, 2 uppdaterade.");
  await page.goto("/o/region-demo/projects?status=ongoing");
  await expect(page.getByRole("link", { name: "Livsmedelsklustret växer 3" })).toBeVisible();
});
