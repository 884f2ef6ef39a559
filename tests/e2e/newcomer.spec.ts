import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a newcomer signs up, is invited, joins, switches language and sees colleagues come online", async ({ browser }) => {
  const newcomerEmail = `ny.kollega.${Date.now()}@region-demo.se`;
  const newcomerContext = await browser.newContext();
  const newcomer = await newcomerContext.newPage();

  // 1. Sign up.
  await newcomer.goto("/");
  await newcomer.getByRole("link", { name: "Skapa konto" }).first().click();
  await newcomer.getByLabel("Namn").fill("Mikael Sund");
  await newcomer.getByLabel("E-postadress").fill(newcomerEmail);
  await newcomer.getByLabel("Lösenord", { exact: true }).fill("ett långt lösenord");
  await newcomer.getByLabel("Upprepa lösenordet").fill("ett långt lösenord");
  await newcomer.getByRole("button", { name: "Skapa konto" }).click();
  await expect(newcomer.getByText("Inloggad som Mikael Sund")).toBeVisible();
  await expect(newcomer.getByText("Du är inte medlem i någon organisation än.")).toBeVisible();

  // 2. The admin invites them and reads the link on the page.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@region-demo.se");
  await admin.getByRole("navigation", { name: "Organisationens områden" }).getByRole("link", { name: "Inställningar" }).click();
  await admin.getByRole("link", { name: "Medlemmar" }).click();
  const invite = admin.getByRole("region", { name: "Bjud in" });
  await invite.getByLabel("E-postadress").fill(newcomerEmail);
  await invite.getByLabel("Roll").selectOption({ label: "Medlem" });
  await invite.getByRole("button", { name: "Skicka inbjudan" }).click();
  await expect(admin.getByRole("status")).toContainText(`Inbjudan till ${newcomerEmail} är skickad.`);
  const link = await admin.getByLabel("Länk till inbjudan").inputValue();

  // 3. The newcomer signs out, opens the link, signs in and joins.
  await newcomer.getByRole("button", { name: "Logga ut" }).click();
  await expect(newcomer.getByRole("banner").getByRole("link", { name: "Logga in" })).toBeVisible();
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { name: "Inbjudan till Region Demo" })).toBeVisible();
  await newcomer.getByRole("link", { name: "Logga in" }).last().click();
  await newcomer.getByLabel("E-postadress").fill(newcomerEmail);
  await newcomer.getByLabel("Lösenord").fill("ett långt lösenord");
  await newcomer.getByRole("button", { name: "Logga in" }).click();
  await newcomer.getByRole("button", { name: "Gå med i Region Demo" }).click();
  await expect(newcomer.getByRole("heading", { level: 1, name: "Region Demo" })).toBeVisible();
  await expect(newcomer).toHaveURL(/\/o\/region-demo$/);

  // 4. Switch language; it sticks after a reload.
  await newcomer.getByRole("button", { name: "In English" }).click();
  await expect(newcomer.locator("html")).toHaveAttribute("lang", "en");
  await expect(newcomer.getByRole("link", { name: "Daily learning" }).first()).toBeVisible();
  await newcomer.reload();
  await expect(newcomer.getByRole("heading", { name: "Online now" })).toBeVisible();

  // 5. Presence updates live as a colleague signs in and leaves.
  const presence = newcomer.getByTestId("presence-list");
  await expect(presence).toContainText("Mikael Sund");
  await expect(presence).toContainText("Annika Lindqvist");
  await expect(presence).not.toContainText("Sara Nyberg");

  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await signIn(colleague, "member@region-demo.se");
  await expect(presence).toContainText("Sara Nyberg");
  await colleague.goto("about:blank");
  await expect(presence).not.toContainText("Sara Nyberg");

  await colleagueContext.close();
  await adminContext.close();
  await newcomerContext.close();
});
