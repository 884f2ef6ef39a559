import { renderPostBody, type RenderedBody } from "~/lessons/rich-text.server";
import { mentionedUserIds } from "./mention-node";

// Serialized Lexical nodes, built by hand for text typed without the editor
// (the no-JavaScript textarea) and for a category template's sections.
const text = (value: string) => ({ type: "text", text: value, detail: 0, format: 0, mode: "normal", style: "", version: 1 });
const paragraph = (value: string) => ({ type: "paragraph", children: [text(value)], direction: null, format: "", indent: 0, version: 1, textFormat: 0, textStyle: "" });
const heading = (value: string) => ({ type: "heading", tag: "h3", children: [text(value)], direction: null, format: "", indent: 0, version: 1 });
const paragraphsOf = (plain: string) =>
  plain
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map(paragraph);

type Root = { root: { type: "root"; children: unknown[]; direction: null; format: ""; indent: 0; version: 1 } };
const emptyRoot = (): Root => ({ root: { type: "root", children: [], direction: null, format: "", indent: 0, version: 1 } });

export type Section = { heading: string; text: string };

export type PostBody = { rendered: RenderedBody; mentions: string[] };

/**
 * The body of a post from what the form sent: the editor's JSON, or plain
 * text without JavaScript, followed by the template's sections that were filled
 * in. Null when the JSON is not a valid post body; empty text when nothing was written.
 */
export function composePostBody(input: { body: string; bodyText: string }, sections: Section[] = []): PostBody | null {
  let state: Root;
  if (input.body.trim()) {
    try {
      state = JSON.parse(input.body) as Root;
      if (!state?.root || !Array.isArray(state.root.children)) return null;
    } catch {
      return null;
    }
  } else {
    state = emptyRoot();
    state.root.children.push(...paragraphsOf(input.bodyText));
  }
  for (const section of sections) {
    if (!section.text.trim()) continue;
    state.root.children.push(heading(section.heading), ...paragraphsOf(section.text));
  }
  // Nothing typed without JavaScript: Lexical refuses a root without children, yet this is empty text, not unreadable JSON.
  if (!input.body.trim() && !state.root.children.length) return { rendered: { json: "", html: "", text: "" }, mentions: [] };
  const json = JSON.stringify(state);
  const rendered = renderPostBody(json);
  if (!rendered) return null;
  return { rendered, mentions: mentionedUserIds(rendered.json) };
}
