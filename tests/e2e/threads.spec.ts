import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations, signIn } from "./helpers";

const THREAD = "Hur följer ni upp företagsstöden mot RUS:en?";

test("two colleagues in a thread: replies and typing appear live, a mention rings the bell, and a post becomes a lesson", async ({ browser }) => {
  const writer = await (await browser.newContext()).newPage();
  const reader = await (await browser.newContext()).newPage();
  await signIn(writer, "facilitator@region-demo.se");
  await signIn(reader, "member@region-demo.se");

  for (const page of [writer, reader]) {
    await page.goto("/o/region-demo/daily");
    await page.getByRole("link", { name: THREAD }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(THREAD);
  }
  await expectNoSeriousViolations(reader, "a thread page");

  // The writer types; the reader sees who is writing, then the reply, without reloading.
  const editor = writer.getByRole("textbox", { name: "Ditt svar" });
  await editor.click();
  await writer.keyboard.type("Vi kopplar varje beslut till ett mål i RUS:en sedan i våras.");
  await expect(reader.getByText("Johan Ekström skriver…")).toBeVisible();
  await writer.getByRole("button", { name: "Skicka svar" }).click();
  const live = reader.locator("article.post").filter({ hasText: "Vi kopplar varje beslut till ett mål" });
  await expect(live).toHaveCount(1);
  await expect(live.getByRole("heading", { name: /Johan Ekström/ })).toBeVisible();
  await expect(editor).toHaveText("");

  // The reader moves on; a mention reaches them in the header's bell, live.
  await reader.getByRole("link", { name: "Dagligt lärande" }).first().click();
  const bell = reader.getByTestId("notification-bell");
  const before = Number((await bell.textContent())?.match(/(\d+)/)?.[1]);
  await editor.click();
  await writer.keyboard.type("Fråga ");
  await writer.keyboard.type("@Sar");
  const menu = writer.getByRole("listbox", { name: "Personer att nämna" });
  await expect(menu.getByRole("option", { name: "Sara Nyberg" })).toBeVisible();
  await writer.keyboard.press("Enter");
  await writer.keyboard.type("om hennes modell för företagsstöden.");
  await writer.getByRole("button", { name: "Skicka svar" }).click();
  await expect(bell).toHaveText(new RegExp(`Aviseringar, ${before + 1} olästa?`));

  // From the notification to the post, and from the post to a lesson.
  await bell.click();
  await reader.getByRole("link", { name: `Johan Ekström nämnde dig i ”${THREAD}”` }).first().click();
  const mentioned = reader.locator("article.post").filter({ hasText: "om hennes modell för företagsstöden" });
  await expect(mentioned.locator(".mention")).toHaveText("@Sara Nyberg");
  await reader.locator("article.post").filter({ hasText: "Vi kopplar varje beslut" }).getByRole("link", { name: /Gör till lärdom/ }).click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Ny lärdom");
  await expect(reader.getByLabel("Rubrik", { exact: true })).toHaveValue(THREAD);
  await expect(reader.getByRole("textbox", { name: "Lärdomen" })).toContainText("Vi kopplar varje beslut till ett mål");
  await reader.getByLabel("Rubrik", { exact: true }).fill("Koppla företagsstöd till RUS-mål redan i beslutet");
  await reader.getByRole("button", { name: "Publicera" }).click();
  await expect(reader.getByRole("status")).toHaveText("Lärdomen är publicerad.");
  await reader.getByRole("link", { name: new RegExp(THREAD.replace(/[?]/g, "\\?")) }).click();
  await expect(reader.getByRole("definition").getByRole("link", { name: "Koppla företagsstöd till RUS-mål redan i beslutet" })).toBeVisible();
});
