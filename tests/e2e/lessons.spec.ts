import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a member writes a lesson from a project in the editor, tags it to a goal, publishes it and finds it by search", async ({ page }) => {
  await signIn(page, "member@region-demo.se");
  await page.getByRole("navigation", { name: "Organisationens områden" }).getByRole("link", { name: "Projekt" }).click();
  await page.getByRole("link", { name: "Smart energi i hamnen" }).click();
  await page.getByRole("link", { name: "Skriv en lärdom från projektet" }).click();

  await expect(page.getByLabel("Projekt", { exact: true })).toHaveValue(/.+/);
  await page.getByLabel("Rubrik", { exact: true }).fill("Leveransplanen styr när klimatnyttan kommer");
  const editor = page.getByRole("textbox", { name: "Lärdomen" });
  await editor.click();
  await page.getByRole("button", { name: "Underrubrik" }).click();
  await page.keyboard.type("Vad som hände");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Värmepumparna levererades fyra månader sent, ");
  await page.getByRole("button", { name: "Fetstil" }).click();
  await expect(page.getByRole("button", { name: "Fetstil" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.type("så klimatnyttan sköts upp.");
  await page.getByRole("button", { name: "Fetstil" }).click();
  await expect(page.getByRole("button", { name: "Fetstil" })).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Punktlista" }).click();
  await page.keyboard.type("Följ upp leveranstiden i lägesrapporten");
  await page.getByLabel("Vad lärde vi oss?").fill("Driftsättningen är projektets kritiska punkt.");
  await page.getByRole("group", { name: "Mål" }).getByLabel(/3\.1 Minskade utsläpp/).check();
  await page.getByLabel("Underlag").selectOption({ label: "Stöds av uppföljningsdata" });
  await page.getByRole("button", { name: "Publicera" }).click();

  await expect(page.getByRole("status")).toHaveText("Lärdomen är publicerad.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Leveransplanen styr när klimatnyttan kommer");
  const body = page.locator(".rich-text");
  await expect(body.getByRole("heading", { name: "Vad som hände" })).toBeVisible();
  await expect(body.locator("strong")).toHaveText("så klimatnyttan sköts upp.");
  await expect(body.getByRole("listitem")).toHaveText("Följ upp leveranstiden i lägesrapporten");
  await expect(page.getByRole("link", { name: /3\.1 Minskade utsläpp/ })).toBeVisible();
  await expect(page.getByText("Stöds av uppföljningsdata")).toBeVisible();

  await page.getByRole("navigation", { name: "Organisationens områden" }).getByRole("link", { name: "Sök" }).click();
  await page.getByLabel("Sök i lärdomar, trådar och projekt").fill("leveranstider klimatnytta");
  await page.getByLabel("Sök i lärdomar, trådar och projekt").press("Enter");
  const hit = page.getByRole("link", { name: "Leveransplanen styr när klimatnyttan kommer" });
  await expect(hit).toBeVisible();
  await expect(hit.locator("mark")).toHaveText("klimatnyttan");
  await hit.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Leveransplanen styr när klimatnyttan kommer");
});

test("pasted HTML keeps its structure and loses scripts, styles and event handlers", async ({ page }) => {
  await signIn(page, "member@region-demo.se");
  await page.goto("/o/region-demo/lessons/new");
  await page.getByLabel("Rubrik", { exact: true }).fill("Inklistrad text från ett Word-dokument");
  const editor = page.getByRole("textbox", { name: "Lärdomen" });
  await editor.click();
  await editor.evaluate((element) => {
    const data = new DataTransfer();
    data.setData(
      "text/html",
      '<h2 style="color:red">Bakgrund</h2><p onclick="alert(1)">Projektet <b>försenades</b>.<script>alert(2)</script></p><ul><li>Leverans</li></ul><img src=x onerror="alert(3)"><a href="javascript:alert(4)">länk</a>',
    );
    data.setData("text/plain", "Bakgrund Projektet försenades.");
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.getByRole("button", { name: "Spara utkast" }).click();
  await expect(page.getByRole("status")).toHaveText("Lärdomen är sparad som utkast.");

  const body = page.locator(".rich-text");
  await expect(body.getByRole("heading", { name: "Bakgrund" })).toBeVisible();
  await expect(body.locator("b, strong").first()).toHaveText("försenades");
  await expect(body.getByRole("listitem")).toHaveText("Leverans");
  const html = await body.innerHTML();
  expect(html).not.toMatch(/<script|<img|onclick|onerror|style=|javascript:/i);
});
