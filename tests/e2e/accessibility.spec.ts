import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations, signIn } from "./helpers";

// axe-core (WCAG 2.1 A and AA rules) on each main page. Serious and critical
// violations fail; each page is first checked to be the page we meant to test.

test("public pages have no serious accessibility violations", async ({ page }) => {
  for (const [path, heading] of [
    ["/", "Välkommen till Lärloop"],
    ["/login", "Logga in"],
    ["/signup", "Skapa konto"],
    ["/forgot-password", "Återställ lösenord"],
    ["/reset-password?token=ogiltig", "Välj nytt lösenord"],
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    // The title, read first by a screen reader, names the page too.
    await expect(page).toHaveTitle(`${heading} · Lärloop`);
    await expectNoSeriousViolations(page, path);
  }
});

test("the 404 page is a real 404 and has no serious accessibility violations", async ({ page }) => {
  const response = await page.goto("/finns-inte");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
  await expect(page).toHaveTitle("Sidan finns inte · Lärloop");
  await expect(page.getByRole("link", { name: "Till startsidan" })).toBeVisible();
  await expectNoSeriousViolations(page, "404");

  await page.getByRole("button", { name: "In English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page).toHaveTitle("Page not found · Lärloop");
  await expectNoSeriousViolations(page, "404 in English");
});

test("sign-in showing validation errors has no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByLabel("E-postadress")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Lösenord")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("E-postadress")).toHaveAccessibleDescription(/\S/);
  await expectNoSeriousViolations(page, "sign-in with empty fields");

  await page.getByLabel("E-postadress").fill("inte-en-adress");
  await page.getByLabel("Lösenord").fill("något");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByText("Skriv en e-postadress i formatet namn@exempel.se.")).toBeVisible();
  await expectNoSeriousViolations(page, "sign-in with an invalid email");

  await page.getByLabel("E-postadress").fill("member@region-exempel.se");
  await page.getByLabel("Lösenord").fill("fel lösenord");
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Fel e-postadress eller lösenord.");
  await expectNoSeriousViolations(page, "sign-in with wrong credentials");
});

test("sign-up showing validation errors has no serious accessibility violations", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Namn").fill("A");
  await page.getByLabel("E-postadress").fill("fel");
  await page.getByRole("button", { name: "Skapa konto" }).click();
  await expect(page.getByText("Namnet måste ha minst 2 tecken.")).toBeVisible();
  await expectNoSeriousViolations(page, "/signup with errors");
});

test("the organisation's pages have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "admin@region-demo.se");
  for (const [path, heading] of [
    ["/o/region-demo", "Region Demo"],
    ["/o/region-demo/daily", "Dagligt lärande"],
    ["/o/region-demo/daily/new", "Starta en tråd"],
    ["/o/region-demo/daily/moderation", "Modereringslogg"],
    ["/o/region-demo/settings/categories", "Kategorier"],
    ["/notifications", "Aviseringar"],
    ["/account", "Mitt konto"],
    ["/account/delete", "Radera mitt konto"],
    ["/o/region-demo/sessions", "Lärtillfällen"],
    ["/o/region-demo/sessions/new", "Planera ett lärtillfälle"],
    ["/o/region-demo/settings", "Organisationens profil"],
    ["/o/region-demo/settings/members", "Medlemmar"],
    ["/o/region-demo/settings/tags", "Taggar"],
    ["/o/region-demo/settings/audit", "Händelselogg"],
    ["/o/region-demo/settings/data-requests", "Registrerades begäran"],
    ["/organisations/new", "Skapa organisation"],
    ["/o/region-demo/goals", "Mål"],
    ["/o/region-demo/lessons", "Lärdomar"],
    ["/o/region-demo/lessons/new", "Ny lärdom"],
    ["/o/region-demo/projects", "Projekt"],
    ["/o/region-demo/search?q=upphandling", "Sök"],
    ["/o/region-demo/visits", "Studiebesök"],
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
    await expect(page).toHaveTitle(`${heading} · Lärloop`);
    if (path === "/o/region-demo") await expect(page.getByTestId("presence-list")).toContainText("Annika Lindqvist");
    await expectNoSeriousViolations(page, path);
  }
});

test("calls, follow-up and evaluation pages have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "admin@region-demo.se");
  for (const [path, heading] of [
    ["/o/region-demo/calls", "Utlysningar"],
    ["/o/region-demo/calls/new", "Ny utlysning"],
    ["/o/region-demo/dashboard", "Uppföljning"],
    ["/o/region-demo/dashboard/loop", "Lärloopen i siffror"],
    ["/o/region-demo/evaluations", "Utvärderingsplan"],
    ["/o/region-demo/evaluations/model", "Utvärderingsmodell"],
    ["/o/region-demo/evaluations/new", "Planera utvärdering"],
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, path);
  }
  await page.goto("/o/region-demo/calls");
  await page.getByRole("link", { name: "Digital omställning i små och medelstora företag 2026" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Lärandeunderlag" })).toBeVisible();
  await expectNoSeriousViolations(page, "a decided call with its learning brief");
  await page.goto("/o/region-demo/calls/new");
  await page.getByRole("button", { name: "Skapa utlysningen" }).click();
  await expect(page.getByText("Skriv en rubrik med minst 3 tecken.")).toBeVisible();
  await expectNoSeriousViolations(page, "a new call showing its errors");
});

test("pages in English have no serious accessibility violations either", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "In English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  // The control back to Swedish is marked as Swedish, so it is read out in Swedish.
  await expect(page.getByRole("button", { name: "På svenska" })).toHaveAttribute("lang", "sv");
  await expectNoSeriousViolations(page, "/login in English");

  await page.getByLabel("Email address").fill("admin@region-demo.se");
  await page.getByLabel("Password").fill("demo1234");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Region Demo" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Online now" })).toBeVisible();
  await expect(page.getByTestId("presence-list")).toContainText("Annika Lindqvist");
  await expectNoSeriousViolations(page, "organisation overview in English");

  await page.goto("/o/region-demo/settings/members");
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await expectNoSeriousViolations(page, "members in English");
});

test("goal, project and lesson pages have no serious accessibility violations", async ({ page }) => {
  await signIn(page, "admin@region-demo.se");
  await page.goto("/o/region-demo/goals");
  await page.getByRole("link", { name: /1\.1 Fler innovativa/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Fler innovativa/ })).toBeVisible();
  await expectNoSeriousViolations(page, "goal page");
  await page.goto("/o/region-demo/projects");
  await page.getByRole("link", { name: "Digitalt lyft för småföretag" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Digitalt lyft för småföretag" })).toBeVisible();
  await expectNoSeriousViolations(page, "project page");
  await page.getByRole("link", { name: "En utsedd digitaliseringsansvarig i företaget avgör resultatet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "En utsedd digitaliseringsansvarig i företaget avgör resultatet" })).toBeVisible();
  await expectNoSeriousViolations(page, "lesson page");
  await page.getByRole("link", { name: "Ändringshistorik" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ändringshistorik");
  await expectNoSeriousViolations(page, "lesson history");
});

test("a thread as its moderator sees it, in both languages, has no serious accessibility violations", async ({ page }) => {
  await signIn(page, "admin@region-demo.se");
  await page.goto("/o/region-demo/daily");
  await page.getByRole("link", { name: "Hur följer ni upp företagsstöden mot RUS:en?" }).click();
  await expect(page.getByText("Inlägget är dolt av en moderator: Innehöll personuppgifter om en sökande.")).toBeVisible();
  await page.getByText("Moderera tråden").click();
  await page.locator("article.post").first().getByText("Ta bort inlägg 1", { exact: true }).click();
  await expect(page.getByRole("button", { name: "Ja, ta bort inlägget" }).first()).toBeVisible();
  await expectNoSeriousViolations(page, "thread page with moderation open");
  await page.getByRole("button", { name: "In English" }).click();
  await expect(page.getByText("The post is hidden by a moderator: Innehöll personuppgifter om en sökande.")).toBeVisible();
  await expectNoSeriousViolations(page, "thread page in English");
  // The choice is saved on the account: switch back, so that later tests meet the admin in Swedish.
  await page.getByRole("button", { name: "På svenska" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
});
