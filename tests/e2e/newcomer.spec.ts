import { expect, test } from "@playwright/test";
import { liveChannelUpgraded, signIn } from "./helpers";

// The acceptance journey: three people in three separate browsers (contexts),
// against the real server, database and live channel.
test("a newcomer signs up, is invited, joins, switches language and sees colleagues come and go live", async ({ browser }) => {
  const newcomerEmail = `mikael.sund.${Date.now()}@region-demo.se`;
  const newcomerPassword = "ett långt lösenord";
  const newcomerContext = await browser.newContext();
  const adminContext = await browser.newContext();
  const newcomer = await newcomerContext.newPage();
  const admin = await adminContext.newPage();

  // 1. The newcomer creates an account from the start page.
  await newcomer.goto("/");
  await expect(newcomer.getByRole("heading", { level: 1, name: "Välkommen till Lärloop" })).toBeVisible();
  await newcomer.getByRole("main").getByRole("link", { name: "Skapa konto" }).click();
  await expect(newcomer.getByRole("heading", { level: 1, name: "Skapa konto" })).toBeVisible();
  await newcomer.getByLabel("Namn").fill("Mikael Sund");
  await newcomer.getByLabel("E-postadress").fill(newcomerEmail);
  await newcomer.getByLabel("Lösenord", { exact: true }).fill(newcomerPassword);
  await newcomer.getByLabel("Upprepa lösenordet").fill(newcomerPassword);
  await newcomer.getByRole("button", { name: "Skapa konto" }).click();
  await expect(newcomer.getByRole("banner")).toContainText("Inloggad som Mikael Sund");
  await expect(newcomer.getByText("Du är inte medlem i någon organisation än.")).toBeVisible();
  // Not a member anywhere yet: no organisation navigation.
  await expect(newcomer.getByRole("navigation", { name: "Organisationens områden" })).toHaveCount(0);

  // 2. The demo admin invites that address and reads the invitation link on the page.
  await signIn(admin, "admin@region-demo.se");
  await admin.getByRole("navigation", { name: "Organisationens områden" }).getByRole("link", { name: "Inställningar" }).click();
  await admin.getByRole("navigation", { name: "Inställningar" }).getByRole("link", { name: "Medlemmar" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Medlemmar" })).toBeVisible();
  const invite = admin.getByRole("region", { name: "Bjud in" });
  await invite.getByLabel("E-postadress").fill(newcomerEmail);
  await invite.getByLabel("Roll").selectOption({ label: "Medlem" });
  await invite.getByRole("button", { name: "Skicka inbjudan" }).click();
  await expect(admin.getByRole("status")).toContainText(`Inbjudan till ${newcomerEmail} är skickad.`);
  await expect(admin.getByRole("region", { name: "Väntande inbjudningar" })).toContainText(newcomerEmail);
  const link = await admin.getByLabel("Länk till inbjudan").inputValue();
  expect(link).toMatch(new RegExp(`^http://localhost:${process.env.E2E_PORT ?? 3210}/invitations/[^/]+$`));

  // 3. The newcomer has signed out meanwhile, opens the link, signs in from it and accepts.
  await newcomer.getByRole("button", { name: "Logga ut", exact: true }).click();
  await expect(newcomer.getByRole("banner").getByRole("link", { name: "Logga in" })).toBeVisible();
  await newcomer.goto(link);
  await expect(newcomer.getByRole("heading", { level: 1, name: "Inbjudan till Region Demo" })).toBeVisible();
  await newcomer.getByRole("main").getByRole("link", { name: "Logga in" }).click();
  await newcomer.getByLabel("E-postadress").fill(newcomerEmail);
  await newcomer.getByLabel("Lösenord").fill(newcomerPassword);
  await newcomer.getByRole("button", { name: "Logga in" }).click();
  // Signing in leads back to the invitation, not elsewhere.
  await expect(newcomer.getByRole("heading", { level: 1, name: "Inbjudan till Region Demo" })).toBeVisible();
  await newcomer.getByRole("button", { name: "Gå med i Region Demo" }).click();
  await expect(newcomer).toHaveURL(/\/o\/region-demo$/);
  await expect(newcomer.getByRole("heading", { level: 1, name: "Region Demo" })).toBeVisible();
  await expect(newcomer.getByText("Din roll: medlem")).toBeVisible();

  // 4. English, and it stays English after a reload.
  const languageButton = newcomer.getByRole("button", { name: "In English" });
  await expect(languageButton).toHaveAttribute("lang", "en");
  await languageButton.click();
  const expectEnglish = async () => {
    await expect(newcomer.locator("html")).toHaveAttribute("lang", "en");
    await expect(
      newcomer.getByRole("navigation", { name: "Organisation areas" }).getByRole("link", { name: "Daily learning" }),
    ).toBeVisible();
    await expect(newcomer.getByRole("heading", { level: 2, name: "Online now" })).toBeVisible();
    await expect(newcomer.getByText("Your role: member")).toBeVisible();
    await expect(newcomer.getByRole("button", { name: "På svenska" })).toBeVisible();
    await expect(newcomer.getByText("Dagligt lärande")).toHaveCount(0);
  };
  await expectEnglish();
  await expect(newcomer).toHaveURL(/\/o\/region-demo$/);
  await newcomer.reload();
  await expectEnglish();

  // 5. "Online now" follows who has Lärloop open, without reloading the page.
  const online = newcomer.getByRole("complementary", { name: "Online now" });
  const presence = newcomer.getByTestId("presence-list");
  // (A longer wait only here: a tab that an earlier test closed while it was still
  // connecting may count as online until the server's ping timeout, about 15 s.)
  await expect(presence.getByRole("listitem")).toHaveText(["Annika Lindqvist", "Mikael Sund (you)"], { timeout: 20_000 });
  await expect(online.getByRole("status")).toHaveText("2 people online");
  await newcomer.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  const colleagueConnected = liveChannelUpgraded(colleague);
  await signIn(colleague, "member@region-demo.se");
  await expect(presence.getByRole("listitem")).toHaveText(["Annika Lindqvist", "Mikael Sund (you)", "Sara Nyberg"]);
  await expect(online.getByRole("status")).toHaveText("3 people online");

  // Sara closes her browser (no unload handlers run); she drops out of the list at once.
  await colleagueConnected;

  await colleagueContext.close();
  await expect(presence.getByRole("listitem")).toHaveText(["Annika Lindqvist", "Mikael Sund (you)"]);
  await expect(online.getByRole("status")).toHaveText("2 people online");
  expect(await newcomer.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  await adminContext.close();
  await expect(presence.getByRole("listitem")).toHaveText(["Mikael Sund (you)"]);
  await newcomerContext.close();
});
