import fc from "fast-check";
import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { renderLessonBody, renderPostBody, sanitizeLessonHtml } from "../../app/lessons/rich-text.server.ts";
import { composePostBody } from "../../app/threads/post-body.server.ts";

// Fuzzes the one path by which user-written text becomes HTML in a page: a
// Lexical document (or plain text, or raw HTML) through the server's renderer
// and sanitiser. Every string field of every node type the editor knows is
// drawn from a corpus of XSS payloads, mixed with random text, nested at random.

const PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "<img src=x onerror=alert(1)>",
  "<img src=x oNeRrOr=alert(1)//",
  '<img src="x" onerror="&#97;&#108;&#101;&#114;&#116;(1)">',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
  "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  "<body onload=alert(1)>",
  "<iframe src=javascript:alert(1)>",
  '<iframe srcdoc="<script>alert(1)</script>">',
  "<object data=javascript:alert(1)>",
  "<embed src=javascript:alert(1)>",
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<input autofocus onfocus="alert(1)">',
  "<details open ontoggle=alert(1)>",
  "<video><source onerror=alert(1)></video>",
  "<marquee onstart=alert(1)>",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel=stylesheet href="//evil.example/x.css">',
  "<style>@import 'javascript:alert(1)';</style>",
  "<style>*{background:url(//evil.example/track)}</style>",
  '<div style="background-image:url(javascript:alert(1))">x</div>',
  '<div style="width:expression(alert(1))">x</div>',
  '<p style="position:fixed;inset:0">cover</p>',
  "<a href=\"javascript:alert(1)\">x</a>",
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href="java&#10;script:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="https://ok.example" onclick="alert(1)">x</a>',
  '<a href="https://ok.example" target="_self" rel="opener">x</a>',
  '<span class="mention" onmouseover="alert(1)">@x</span>',
  '<span class="mention rt-evil" data-user-id="1">@x</span>',
  '<p class="x" id="login-form">x</p>',
  "<!--<img src=x onerror=alert(1)>-->",
  "<![CDATA[<script>alert(1)</script>]]>",
  "<?xml-stylesheet href=javascript:alert(1)?>",
  "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
  '<textarea></textarea><img src=x onerror=alert(1)>',
  "<title></title><img src=x onerror=alert(1)>",
  '<template><img src=x onerror=alert(1)></template>',
  '"><img src=x onerror=alert(1)>',
  "'><script>alert(1)</script>",
  "</p></div><script>alert(1)</script>",
  "`-alert(1)-`",
  "${alert(1)}",
  "{{constructor.constructor('alert(1)')()}}",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "\u0000javascript:alert(1)",
  "java\u0000script:alert(1)",
  " \t\njavascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "//evil.example",
  "\\\\evil.example\\share",
  "https://ok.example/\"onmouseover=\"alert(1)",
  "https://ok.example/<script>",
  "mailto:a@b.se?body=<script>alert(1)</script>",
  "color:red;background:url(javascript:alert(1))",
  "\u202e<script>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "%3Cscript%3Ealert(1)%3C/script%3E",
  "\ud800",
  "Åäö – vanlig text med “citattecken” & <b>fet</b>",
];

const ALLOWED_TAGS = new Set(["p", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "a", "strong", "b", "em", "i", "u", "s", "code", "span"]);

/** Parses the output as a browser would and fails on anything that could run script, load a resource or restyle the page. */
function expectHarmless(html: string) {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!ALLOWED_TAGS.has(name)) problems.push(`tag <${name}>`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute === "href" && name === "a") {
            const protocol = URL.canParse(value) ? new URL(value).protocol : "unparsable";
            if (!["http:", "https:", "mailto:"].includes(protocol)) problems.push(`href ${JSON.stringify(value)}`);
          } else if (attribute === "rel" && name === "a") {
            if (value !== "noopener noreferrer nofollow") problems.push(`rel ${JSON.stringify(value)}`);
          } else if (attribute === "class" && name === "span") {
            if (value !== "mention") problems.push(`class ${JSON.stringify(value)}`);
          } else {
            problems.push(`attribute ${attribute} on <${name}>`);
          }
        }
        if (name === "span" && attributes.class !== "mention") problems.push("span without the mention class");
      },
      oncomment: () => problems.push("comment"),
      onprocessinginstruction: (name) => problems.push(`processing instruction ${name}`),
      oncdatastart: () => problems.push("CDATA"),
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  expect(problems, html).toEqual([]);
}

/** What the renderer stores is already clean: sanitising it again changes nothing, so it cannot turn into something else when parsed again. */
function expectRenderedHarmless(html: string) {
  expectHarmless(html);
  expect(sanitizeLessonHtml(html), html).toBe(html);
}

const evil = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 5 }), fc.constantFrom(...PAYLOADS)).map((parts) => parts.join("")) },
);
const evilUrl = fc.oneof(evil, fc.constantFrom("https://www.tillvaxtverket.se/", "mailto:kontakt@region.se", "http://example.se/a?b=c&d=e"));
const someNumber = fc.oneof(fc.integer({ min: -3, max: 300 }), evil);

const textNode = fc.record({
  type: fc.constant("text"),
  version: fc.constant(1),
  text: evil,
  format: fc.oneof(fc.integer({ min: 0, max: 255 }), evil),
  detail: someNumber,
  mode: fc.constantFrom("normal", "token", "segmented", "<script>"),
  style: evil,
});
const mentionNode = fc.record({
  type: fc.constant("mention"),
  version: fc.constant(1),
  userId: evil,
  name: evil,
  text: evil,
  format: fc.integer({ min: 0, max: 255 }),
  detail: fc.constant(0),
  mode: fc.constant("token"),
  style: evil,
});
const element = (type: string, children: fc.Arbitrary<unknown[]>, extra: Record<string, fc.Arbitrary<unknown>> = {}) =>
  fc.record({
    type: fc.constant(type),
    version: fc.constant(1),
    direction: fc.constantFrom(null, "ltr", "rtl", "\"><script>"),
    format: fc.oneof(fc.constantFrom("", "left", "center", "justify"), evil),
    indent: someNumber,
    children,
    ...extra,
  });

const { block } = fc.letrec<{ inline: unknown; block: unknown; item: unknown }>((tie) => {
  const inlines = fc.array(tie("inline"), { maxLength: 4 });
  return {
    inline: fc.oneof(
      { weight: 4, arbitrary: textNode },
      { weight: 1, arbitrary: mentionNode },
      { weight: 2, arbitrary: element("link", fc.array(textNode, { maxLength: 2 }), { url: evilUrl, rel: evil, target: evil, title: evil }) },
      { weight: 1, arbitrary: fc.constant({ type: "linebreak", version: 1 }) },
    ),
    item: element("listitem", fc.array(fc.oneof({ depthSize: "small" }, tie("inline"), tie("block")), { maxLength: 3 }), {
      value: someNumber,
      checked: fc.oneof(fc.boolean(), evil),
    }),
    block: fc.oneof(
      { depthSize: "small" },
      element("paragraph", inlines, { textFormat: someNumber, textStyle: evil }),
      element("heading", inlines, { tag: fc.constantFrom("h1", "h2", "h3", "h4", "h5", "h6", "script", "img src=x onerror=alert(1)") }),
      element("quote", inlines),
      element("list", fc.array(tie("item"), { maxLength: 3 }), {
        listType: fc.constantFrom("bullet", "number", "check", "<script>"),
        start: someNumber,
        tag: fc.constantFrom("ul", "ol", "script"),
      }),
      element("code", inlines),
      element("iframe", inlines, { src: evilUrl }),
    ),
  };
});

const document = fc
  .array(block, { minLength: 1, maxLength: 4 })
  .map((children) => JSON.stringify({ root: { type: "root", version: 1, direction: null, format: "", indent: 0, children } }));

describe("XSS fuzzing of the rich-text renderer", () => {
  it("renders any lesson body built from XSS payloads to harmless HTML, or refuses it", () => {
    fc.assert(
      fc.property(document, (json) => {
        const rendered = renderLessonBody(json);
        if (rendered) expectRenderedHarmless(rendered.html);
      }),
      { numRuns: 300 },
    );
  });

  it("renders any post body (with mentions) built from XSS payloads to harmless HTML, or refuses it", () => {
    fc.assert(
      fc.property(document, (json) => {
        const rendered = renderPostBody(json);
        if (rendered) expectRenderedHarmless(rendered.html);
      }),
      { numRuns: 300 },
    );
  });

  it("accepts some of those documents, so the fuzzing reaches the renderer and not only the refusal", () => {
    const accepted = fc.sample(document, { numRuns: 200, seed: 1 }).filter((json) => renderPostBody(json) !== null);
    expect(accepted.length).toBeGreaterThan(20);
  });

  it("keeps every payload typed as plain text (no JavaScript) as text, in a post with template sections", () => {
    fc.assert(
      fc.property(evil, evil, evil, (body, heading, section) => {
        const composed = composePostBody({ body: "", bodyText: body }, [{ heading, text: section }]);
        if (composed) expectRenderedHarmless(composed.rendered.html);
      }),
      { numRuns: 300 },
    );
  });

  it("sanitises any mix of payloads pasted as raw HTML", () => {
    fc.assert(
      fc.property(fc.array(evil, { minLength: 1, maxLength: 6 }), (parts) => {
        const once = sanitizeLessonHtml(parts.join(""));
        expectHarmless(once);
        expectHarmless(sanitizeLessonHtml(once));
      }),
      { numRuns: 500 },
    );
  });

  it.each(PAYLOADS)("keeps the payload %j as the text of a paragraph", (payload) => {
    const json = JSON.stringify({
      root: {
        type: "root",
        version: 1,
        direction: null,
        format: "",
        indent: 0,
        children: [{ type: "paragraph", version: 1, direction: null, format: "", indent: 0, children: [{ type: "text", version: 1, text: payload, format: 0, detail: 0, mode: "normal", style: "" }] }],
      },
    });
    const rendered = renderLessonBody(json)!;
    expectRenderedHarmless(rendered.html);
    expect(rendered.text).toBe(payload);
  });
});
