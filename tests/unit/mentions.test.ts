import { describe, expect, it } from "vitest";
import { renderLessonBody, renderPostBody } from "../../app/lessons/rich-text.server.ts";
import { mentionedUserIds } from "../../app/threads/mention-node.ts";

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
function list(items: object[][]) {
  return {
    type: "list",
    version: 1,
    listType: "bullet",
    start: 1,
    tag: "ul",
    direction: null,
    format: "",
    indent: 0,
    children: items.map((children, i) => ({ type: "listitem", version: 1, value: i + 1, direction: null, format: "", indent: 0, children })),
  };
}
function doc(blocks: object[]) {
  return JSON.stringify({ root: { type: "root", version: 1, direction: null, format: "", indent: 0, children: blocks } });
}

describe("mentionedUserIds", () => {
  it("finds mentions in paragraphs and list items, in document order, each once", () => {
    const json = doc([
      paragraph([text("Hej "), mention("u-sara", "Sara Nyberg"), text(" och "), mention("u-ake", "Åke Öberg")]),
      list([[text("Fråga "), mention("u-lina", "Lina Ek")], [mention("u-sara", "Sara Nyberg"), text(" igen")]]),
      paragraph([mention("u-ake", "Åke Öberg"), mention("u-bo", "Bo Ström")]),
    ]);
    expect(mentionedUserIds(json)).toEqual(["u-sara", "u-ake", "u-lina", "u-bo"]);
  });

  it("gives [] for a body without mentions", () => {
    expect(mentionedUserIds(doc([paragraph([text("Ingen nämnd här")])]))).toEqual([]);
  });

  it("gives [] for malformed input", () => {
    for (const bad of ["", "nonsense", "{", "null", "42", '"text"', "[]", "{}", '{"root":null}', '{"root":{"children":"x"}}']) {
      expect(mentionedUserIds(bad), bad).toEqual([]);
    }
  });

  it("skips mention nodes without a usable user id", () => {
    const json = doc([paragraph([{ ...mention("", "Tom"), userId: "" }, { ...mention("x", "Nummer"), userId: 7 }, mention("u-ok", "Ok")])]);
    expect(mentionedUserIds(json)).toEqual(["u-ok"]);
  });
});

describe("post body rendering", () => {
  it("renders a mention as a span with only the mention class", () => {
    const rendered = renderPostBody(doc([paragraph([text("Hej "), mention("u-sara", "Sara Nyberg"), text("!")])]))!;
    expect(rendered).not.toBeNull();
    expect(rendered.html).toBe('<p>Hej <span class="mention">@Sara Nyberg</span>!</p>');
    expect(rendered.text).toBe("Hej @Sara Nyberg!");
    expect(rendered.html).not.toContain("data-user-id");
    expect(mentionedUserIds(rendered.json)).toEqual(["u-sara"]);
  });

  it("takes a mention's text from its name, and keeps it a token", () => {
    const forged = { ...mention("u-sara", "Sara Nyberg"), text: "@Någon annan", mode: "normal" };
    const rendered = renderPostBody(doc([paragraph([forged])]))!;
    expect(rendered.html).toBe('<p><span class="mention">@Sara Nyberg</span></p>');
    const node = JSON.parse(rendered.json).root.children[0].children[0];
    expect(node).toMatchObject({ type: "mention", userId: "u-sara", name: "Sara Nyberg", text: "@Sara Nyberg", mode: "token" });
  });

  it("escapes markup in a mentioned name", () => {
    const rendered = renderPostBody(doc([paragraph([mention("u-x", "<script>alert(1)</script>")])]))!;
    expect(rendered.html).toBe('<p><span class="mention">@&lt;script&gt;alert(1)&lt;/script&gt;</span></p>');
    expect(rendered.html).not.toContain("<script");
    expect(rendered.text).toBe("@<script>alert(1)</script>");
  });

  it("refuses a mention without user id or name", () => {
    expect(renderPostBody(doc([paragraph([{ ...mention("u-x", "Namn"), userId: "" }])]))).toBeNull();
    expect(renderPostBody(doc([paragraph([{ ...mention("u-x", "Namn"), name: 5 }])]))).toBeNull();
  });

  it("keeps no other span, class or attribute", () => {
    const styled = { ...text("vanlig text"), style: "color:red" };
    const rendered = renderPostBody(doc([paragraph([styled, mention("u-sara", "Sara Nyberg")])]))!;
    expect(rendered.html).toBe('<p>vanlig text<span class="mention">@Sara Nyberg</span></p>');
  });
});

describe("lesson bodies and mentions", () => {
  it("refuses a lesson body containing a mention", () => {
    expect(renderLessonBody(doc([paragraph([text("Hej "), mention("u-sara", "Sara Nyberg")])]))).toBeNull();
  });

  it("still renders a lesson body without spans", () => {
    expect(renderLessonBody(doc([paragraph([text("Hej")])]))!.html).toBe("<p>Hej</p>");
  });
});
