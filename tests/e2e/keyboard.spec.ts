import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./helpers";

test("the first Tab reaches the skip link, which moves focus to the main content", async ({ page }) => {
  await page.goto("/login");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Hoppa till huvudinnehållet" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("a keyboard user signs in, fixing a mistake the form points out", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-postadress").focus();
  await page.keyboard.type("admin@region-demo");
  await page.keyboard.press("Tab");
  // The message sits next to the field, and what was typed stays.
  const email = page.getByLabel("E-postadress");
  await expect(page.getByText("Skriv en e-postadress i formatet namn@exempel.se.")).toBeVisible();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveValue("admin@region-demo");

  await email.focus();
  await page.keyboard.press("End");
  await page.keyboard.type(".se");
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Inloggad som Annika Lindqvist")).toBeVisible();
});

test("wrong credentials are announced and the email is kept", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-postadress").fill("admin@region-demo.se");
  await page.getByLabel("Lösenord").fill("fel lösenord");
  await page.getByLabel("Lösenord").press("Enter");
  await expect(page.getByRole("alert")).toHaveText("Fel e-postadress eller lösenord.");
  await expect(page.getByLabel("E-postadress")).toHaveValue("admin@region-demo.se");
});

test("the organisation switcher takes a member of two regions between them", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-postadress").fill("facilitator@region-demo.se");
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByRole("heading", { name: "Dina organisationer" })).toBeVisible();
  await page.getByRole("link", { name: "Region Demo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Region Demo" })).toBeVisible();

  await page.getByLabel("Organisation", { exact: true }).selectOption({ label: "Region Exempel" });
  await page.getByRole("button", { name: /Byt/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Region Exempel" })).toBeVisible();
  await expect(page).toHaveURL(/\/o\/region-exempel$/);
  await expect(page.getByText("Din roll: medlem")).toBeVisible();
});
