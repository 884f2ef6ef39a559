import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn, tabTo } from "./helpers";

// Everything here is done with the keyboard alone, as a person without a mouse would.

test("the first Tab shows the skip link, which moves focus to the main content", async ({ page }) => {
  await page.goto("/login");
  const skip = page.getByRole("link", { name: "Hoppa till huvudinnehållet" });
  // Hidden from sight until it has focus.
  await expect(skip).not.toBeInViewport();

  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  await expect(skip).not.toBeInViewport();
  // The next Tab continues inside the main content, past the header.
  await page.keyboard.press("Tab");
  const email = page.getByLabel("E-postadress");
  await expect(email).toBeFocused();
  // Where the focus is can be seen.
  expect(await email.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
});

test("a keyboard user signs in, fixing an invalid email the form points out next to the field", async ({ page }) => {
  await page.goto("/login");
  await page.keyboard.press("Tab"); // the skip link
  await page.keyboard.press("Enter"); // into main
  await page.keyboard.press("Tab");
  const email = page.getByLabel("E-postadress");
  const password = page.getByLabel("Lösenord");
  await expect(email).toBeFocused();
  await page.keyboard.type("admin@region-demo");
  await page.keyboard.press("Tab");
  await expect(password).toBeFocused();

  // The message is shown at the field, is read out with it, and what was typed stays.
  const message = "Skriv en e-postadress i formatet namn@exempel.se.";
  await expect(page.getByText(message)).toBeVisible();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription(message);
  await expect(email).toHaveValue("admin@region-demo");
  const [messageBox, fieldBox] = [await page.getByText(message).boundingBox(), await email.boundingBox()];
  expect(Math.abs(messageBox!.y - fieldBox!.y), "the message sits right at the field").toBeLessThan(80);

  // Submitting anyway does not send the form; the field to fix gets focus again.
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
  await expect(email).toHaveValue("admin@region-demo");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toBeFocused();

  // Finish the address; the message goes away as it becomes valid.
  await page.keyboard.press("End");
  await page.keyboard.type(".se");
  await expect(page.getByText(message)).toHaveCount(0);
  await expect(email).not.toHaveAttribute("aria-invalid", "true");
  await page.keyboard.press("Tab");
  await expect(password).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("banner")).toContainText("Inloggad som Annika Lindqvist");
  await expect(page.getByRole("heading", { level: 1, name: "Region Demo" })).toBeVisible();
});

test("wrong credentials are announced and the email is kept", async ({ page }) => {
  await page.goto("/login");
  await tabTo(page, page.getByLabel("E-postadress"));
  await page.keyboard.type("admin@region-demo.se");
  await page.keyboard.press("Tab");
  await page.keyboard.type("fel lösenord");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert")).toHaveText("Fel e-postadress eller lösenord.");
  await expect(page.getByLabel("E-postadress")).toHaveValue("admin@region-demo.se");
  await expect(page.getByRole("banner").getByRole("link", { name: "Logga in" })).toBeVisible();
});

test("the organisation switcher takes a member of two regions between them", async ({ page }) => {
  await signIn(page, "facilitator@region-demo.se");
  // Two organisations: the start page lists them instead of choosing one.
  await expect(page.getByRole("heading", { name: "Dina organisationer" })).toBeVisible();
  await tabTo(page, page.getByRole("main").getByRole("link", { name: "Region Demo" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/o\/region-demo$/);
  await expect(page.getByRole("heading", { level: 1, name: "Region Demo" })).toBeVisible();
  await expect(page.getByText("Din roll: samtalsledare")).toBeVisible();

  const switcher = page.getByRole("combobox", { name: "Organisation", exact: true });
  await expect(switcher).toHaveValue("region-demo");
  await tabTo(page, switcher);
  await page.keyboard.press("ArrowDown");
  await expect(switcher).toHaveValue("region-exempel");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Byt organisation" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/o\/region-exempel$/);
  await expect(page.getByRole("heading", { level: 1, name: "Region Exempel" })).toBeVisible();
  await expect(page.getByText("Din roll: medlem")).toBeVisible();
  await expect(switcher).toHaveValue("region-exempel");
  const areas = page.getByRole("navigation", { name: "Organisationens områden" });
  await expect(areas.getByRole("link", { name: "Översikt" })).toHaveAttribute("href", "/o/region-exempel");

  // And back again.
  await tabTo(page, switcher);
  await page.keyboard.press("ArrowUp");
  await expect(switcher).toHaveValue("region-demo");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Region Demo" })).toBeVisible();
  await expect(page.getByText("Din roll: samtalsledare")).toBeVisible();
});

test("every control reached with Tab on the overview shows where the focus is", async ({ page }) => {
  await signIn(page, "facilitator@region-demo.se");
  await page.goto("/o/region-demo");
  await expect(page.getByRole("heading", { level: 1, name: "Region Demo" })).toBeVisible();
  const reached: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, name: (el.textContent ?? "").trim().slice(0, 40), outline: style.outlineStyle, width: style.outlineWidth };
    });
    if (focused.tag === "BODY") break; // past the last control
    reached.push(focused.name);
    expect(focused.outline, `no visible focus on ${focused.tag} "${focused.name}"`).not.toBe("none");
    expect(parseFloat(focused.width)).toBeGreaterThanOrEqual(2);
  }
  // The tour went through the header, the area navigation and the page's own links.
  expect(reached).toEqual(expect.arrayContaining(["Hoppa till huvudinnehållet", "Byt organisation", "Dagligt lärande", "Logga ut"]));
  expect(reached.filter((name) => name === "Dagligt lärande")).toHaveLength(2);
});
