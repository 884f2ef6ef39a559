import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./helpers";

// GDPR in the browser: a person downloads what Lärloop holds about them and
// deletes their account, confirming with the password; afterwards the
// account is gone and its address free.
test("a person downloads their data and deletes their account with their password", async ({ page }) => {
  const email = `tove.lind.${Date.now()}@example.se`;
  const password = "ett långt lösenord";
  await page.goto("/signup");
  await page.getByLabel("Namn").fill("Tove Lind");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill(password);
  await page.getByLabel("Upprepa lösenordet").fill(password);
  await page.getByRole("button", { name: "Skapa konto" }).click();
  await page.getByRole("banner").getByRole("link", { name: "Tove Lind" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mitt konto" })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Ladda ner mina uppgifter (JSON)" }).click();
  const exported = JSON.parse(readFileSync(await (await downloading).path(), "utf8"));
  expect(exported.account).toMatchObject({ name: "Tove Lind", email });

  await page.getByRole("link", { name: "Radera mitt konto" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Radera mitt konto" })).toBeVisible();
  await expectNoSeriousViolations(page, "the delete-account page");
  const passwordField = page.getByLabel("Ditt nuvarande lösenord");
  await passwordField.fill("fel lösenord här");
  await page.getByRole("button", { name: "Radera mitt konto för alltid" }).click();
  await expect(page.getByText("Lösenordet stämmer inte. Skriv ditt nuvarande lösenord.")).toBeVisible();
  await expect(passwordField).toHaveAttribute("aria-invalid", "true");

  await passwordField.fill(password);
  await page.getByRole("button", { name: "Radera mitt konto för alltid" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Ditt konto är raderat.");

  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByText("Fel e-postadress eller lösenord.")).toBeVisible();
});
