import { describe, expect, it } from "vitest";
import { composePostBody } from "../../app/threads/post-body.server.ts";

// Serialized Lexical JSON, written by hand as the editor would send it.
function text(value: string) {
  return { type: "text", version: 1, text: value, detail: 0, format: 0, mode: "normal", style: "" };
}
function mention(userId: string, name: string) {
  return { type: "mention", version: 1, userId, name, text: `@${name}`, detail: 0, format: 0, mode: "token", style: "" };
}
function paragraph(children: object[]) {
  return { type: "paragraph", version: 1, direction: null, format: "", indent: 0, textFormat: 0, textStyle: "", children };
}
function doc(blocks: object[]) {
  return JSON.stringify({ root: { type: "root", version: 1, direction: null, format: "", indent: 0, children: blocks } });
}

describe("composePostBody", () => {
  it("turns plain text into one paragraph per blank-line-separated block", () => {
    const body = composePostBody({ body: "", bodyText: "Första stycket.\n\n  Andra stycket.  \n\n\n" })!;
    expect(body.rendered.html).toBe("<p>Första stycket.</p><p>Andra stycket.</p>");
    expect(body.rendered.text).toBe("Första stycket.\n\nAndra stycket.");
    expect(body.mentions).toEqual([]);
  });

  it("keeps a line break inside a block within its paragraph", () => {
    const body = composePostBody({ body: "", bodyText: "Rad ett\nrad två" })!;
    expect(body.rendered.text).toBe("Rad ett\nrad två");
    expect(body.rendered.html.match(/<p>/g)).toHaveLength(1);
  });

  it("appends each filled template section as an h3 heading followed by its paragraphs, skipping empty ones", () => {
    const body = composePostBody({ body: "", bodyText: "Inledning." }, [
      { heading: "Sammanhang", text: "Ett projekt i Kiruna.\n\nMed tre kommuner." },
      { heading: "Vad hände", text: "   " },
      { heading: "Vad vi lärde oss", text: "Tidig dialog lönar sig." },
    ])!;
    expect(body.rendered.html).toBe(
      "<p>Inledning.</p>" +
        "<h3>Sammanhang</h3><p>Ett projekt i Kiruna.</p><p>Med tre kommuner.</p>" +
        "<h3>Vad vi lärde oss</h3><p>Tidig dialog lönar sig.</p>",
    );
    expect(body.rendered.html).not.toContain("Vad hände");
  });

  it("appends sections after the editor's JSON as well", () => {
    const body = composePostBody({ body: doc([paragraph([text("Från editorn.")])]), bodyText: "ignoreras" }, [{ heading: "Rekommendation", text: "Gör så igen." }])!;
    expect(body.rendered.html).toBe("<p>Från editorn.</p><h3>Rekommendation</h3><p>Gör så igen.</p>");
    // The editor's JSON wins over the no-JavaScript textarea.
    expect(body.rendered.text).not.toContain("ignoreras");
  });

  it("gives a body with empty text when nothing was written, sections included", () => {
    const body = composePostBody({ body: "", bodyText: "  \n\n " }, [{ heading: "Sammanhang", text: "" }])!;
    expect(body).not.toBeNull();
    expect(body.rendered.text.trim()).toBe("");
  });

  it("gives null for JSON that is not a post body", () => {
    for (const bad of ["{", "nonsense", "null", "42", "[]", "{}", '{"root":null}', '{"root":{"children":"x"}}', '{"root":{"type":"script","children":[]}}']) {
      expect(composePostBody({ body: bad, bodyText: "" }), bad).toBeNull();
    }
  });

  it("gives null for a node type posts do not allow", () => {
    expect(composePostBody({ body: doc([{ type: "iframe", version: 1, children: [] }]), bodyText: "" })).toBeNull();
  });

  it("collects the members mentioned, each once, in document order", () => {
    const body = composePostBody({
      body: doc([
        paragraph([text("Hej "), mention("u-nina", "Nina Medlem"), text(" och "), mention("u-nils", "Nils Samtalsledare")]),
        paragraph([mention("u-nina", "Nina Medlem"), text(" igen")]),
      ]),
      bodyText: "",
    })!;
    expect(body.mentions).toEqual(["u-nina", "u-nils"]);
    expect(body.rendered.text).toContain("@Nina Medlem");
    expect(body.rendered.html).toContain('<span class="mention">@Nina Medlem</span>');
  });

  it("finds no mentions in plain text that only looks like one", () => {
    expect(composePostBody({ body: "", bodyText: "Fråga @Nina Medlem om saken" })!.mentions).toEqual([]);
  });
});
