import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByText(/Inloggad som/)).toBeVisible();
}
