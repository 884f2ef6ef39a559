import { describe, expect, it } from "vitest";
import { renderLessonBody, sanitizeLessonHtml } from "../../app/lessons/rich-text.server.ts";

const PAYLOADS = [
  "<script>alert(1)</script>",
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '"><script>alert(1)</script>',
  "<style>body{display:none}</style>",
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
];

const URLS = ["javascript:alert(1)", "<script>alert(1)</script>", "not a url", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "//evil.example"];

function textNode(text: string) {
  return { type: "text", version: 1, text, format: 0, detail: 0, mode: "normal", style: "color:red;background:url(javascript:alert(1))" };
}
function doc(children: object[]) {
  return JSON.stringify({
    root: { type: "root", version: 1, direction: null, format: "", indent: 0, children: [{ type: "paragraph", version: 1, direction: null, format: "", indent: 0, children }] },
  });
}
function link(url: string) {
  return { type: "link", version: 1, url, rel: null, target: "_blank", title: '" onmouseover="alert(1)', direction: null, format: "", indent: 0, children: [textNode("länk")] };
}

function expectHarmless(html: string) {
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
    expect(tag, html).toMatch(/^<(p|br|h2|h3|h4|ul|ol|li|blockquote|a|strong|b|em|i|u|s|code)[ >]/);
    expect(tag, html).not.toMatch(/\son\w+\s*=|javascript:|vbscript:|data:|style=/i);
  }
}

describe("lesson body rendering", () => {
  it.each(PAYLOADS)("keeps %s as text only", (payload) => {
    const rendered = renderLessonBody(doc([textNode(payload)]))!;
    expectHarmless(rendered.html);
    expect(rendered.text).toBe(payload);
  });

  it.each(URLS)("drops the link target %s", (url) => {
    const rendered = renderLessonBody(doc([link(url)]))!;
    expectHarmless(rendered.html);
    expect(rendered.html).not.toContain("href=");
  });

  it("keeps safe links, marked rel=noopener", () => {
    const rendered = renderLessonBody(doc([link("https://www.tillvaxtverket.se/")]))!;
    expect(rendered.html).toContain('<a href="https://www.tillvaxtverket.se/" rel="noopener noreferrer nofollow">');
  });

  it.each(PAYLOADS)("sanitises raw HTML %s", (payload) => {
    expectHarmless(sanitizeLessonHtml(payload));
  });

  it("refuses JSON that is not a lesson body", () => {
    for (const bad of ["nonsense", "{}", '{"root":{"type":"iframe"}}', JSON.stringify({ root: { type: "root", children: [{ type: "script" }] } })]) {
      expect(renderLessonBody(bad), bad).toBeNull();
    }
  });
});
