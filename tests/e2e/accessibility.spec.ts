import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

async function expectNoSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
  expect(report, `${what}:\n${report.join("\n")}`).toEqual([]);
}

test("public pages have no serious accessibility violations, in both languages", async ({ page }) => {
  for (const path of ["/", "/login", "/signup", "/forgot-password", "/reset-password?token=ogiltig", "/finns-inte"]) {
    await page.goto(path);
    await expectNoSeriousViolations(page, path);
  }
  await page.goto("/login");
  await page.getByRole("button", { name: "In English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectNoSeriousViolations(page, "/login in English");
});

test("a form showing its errors has no serious accessibility violations", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Namn").fill("A");
  await page.getByLabel("E-postadress").fill("fel");
  await page.getByRole("button", { name: "Skapa konto" }).click();
  await expect(page.getByText("Namnet måste ha minst 2 tecken.")).toBeVisible();
  await expectNoSeriousViolations(page, "/signup with errors");
});

test("the organisation's pages have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "admin@region-demo.se");
  await expect(page.getByTestId("presence-list")).toContainText("Annika Lindqvist");
  for (const path of [
    "/o/region-demo",
    "/o/region-demo/daily",
    "/o/region-demo/settings",
    "/o/region-demo/settings/members",
    "/o/region-demo/settings/tags",
    "/organisations/new",
    "/o/region-demo/goals",
    "/o/region-demo/lessons",
    "/o/region-demo/lessons/new",
    "/o/region-demo/projects",
    "/o/region-demo/search?q=upphandling",
  ]) {
    await page.goto(path);
    await expectNoSeriousViolations(page, path);
  }
});

test("goal, project and lesson pages have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "admin@region-demo.se");
  await page.goto("/o/region-demo/goals");
  await page.getByRole("link", { name: /1\.1 Fler innovativa/ }).click();
  await expectNoSeriousViolations(page, "goal page");
  await page.goto("/o/region-demo/projects");
  await page.getByRole("link", { name: "Digitalt lyft för småföretag" }).click();
  await expectNoSeriousViolations(page, "project page");
  await page.getByRole("link", { name: "En utsedd digitaliseringsansvarig i företaget avgör resultatet" }).click();
  await expectNoSeriousViolations(page, "lesson page");
  await page.getByRole("link", { name: "Ändringshistorik" }).click();
  await expectNoSeriousViolations(page, "lesson history");
});
