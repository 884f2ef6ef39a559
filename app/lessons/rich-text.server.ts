import { createHeadlessEditor } from "@lexical/headless";
import { withDOM } from "@lexical/headless/dom";
import { $generateHtmlFromNodes } from "@lexical/html";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import sanitizeHtml from "sanitize-html";
import { LESSON_NODES } from "./rich-text-nodes";

export const MAX_BODY_JSON_LENGTH = 200_000;

// What survives into the page, whatever JSON the client sent: structure and
// emphasis only, links to http(s)/mailto, no attributes but href (and the rel we add).
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "a", "strong", "b", "em", "i", "u", "s", "code"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }),
    h1: "h2",
  },
};

export function sanitizeLessonHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

function editor() {
  return createHeadlessEditor({
    namespace: "lesson",
    nodes: LESSON_NODES,
    onError: (error) => {
      throw error;
    },
  });
}

export type RenderedBody = { json: string; html: string; text: string };

/**
 * Parse submitted Lexical JSON and render it to sanitised HTML and plain text.
 * Returns null when the JSON is not a valid lesson body.
 */
export function renderLessonBody(json: string): RenderedBody | null {
  if (!json.trim()) return { json: "", html: "", text: "" };
  if (json.length > MAX_BODY_JSON_LENGTH) return null;
  try {
    const instance = editor();
    const state = instance.parseEditorState(json);
    instance.setEditorState(state);
    const html = withDOM(() => state.read(() => $generateHtmlFromNodes(instance, null)));
    const text = state.read(() => $getRoot().getTextContent());
    return { json: JSON.stringify(state.toJSON()), html: sanitizeLessonHtml(html), text };
  } catch {
    return null;
  }
}

/** A body typed without JavaScript (a plain textarea): one paragraph per blank-line-separated block. */
export function plainTextToLessonBody(plain: string): RenderedBody {
  if (!plain.trim()) return { json: "", html: "", text: "" };
  const instance = editor();
  instance.update(
    () => {
      const root = $getRoot();
      for (const block of plain.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean)) {
        root.append($createParagraphNode().append($createTextNode(block)));
      }
    },
    { discrete: true },
  );
  return renderLessonBody(JSON.stringify(instance.getEditorState().toJSON()))!;
}
