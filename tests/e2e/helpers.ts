import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";

/** Sign in through the form, the way a person does; waits until the header says who is signed in. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page.getByText(/Inloggad som/)).toBeVisible();
}

/**
 * Resolves once the page's live channel (socket.io) has moved from HTTP polling
 * to its WebSocket. Call before the page connects. A tab closed before that
 * moment is only noticed by the server's ping timeout (about 15 s) instead of
 * at once, which a person never hits but a fast test can.
 */
export function liveChannelUpgraded(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on("websocket", (ws) => {
      if (!ws.url().includes("/socket.io/")) return;
      // Engine.io's "upgrade" packet: from here the WebSocket carries the session.
      ws.on("framesent", ({ payload }) => payload === "5" && resolve());
    });
  });
}

/** Press Tab (only the keyboard) until `target` has focus; fails if it is not reachable within `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target, `not reachable with ${max} presses of Tab`).toBeFocused({ timeout: 1 });
}

/** axe-core on the page as it is now; serious and critical WCAG 2.1 A/AA violations fail the test, listed. */
export async function expectNoSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} ${v.helpUrl}\n` +
      v.nodes.map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ")}`).join("\n"),
  );
  expect(report, `axe on ${what} (${page.url()}):\n${report.join("\n")}`).toEqual([]);
}
