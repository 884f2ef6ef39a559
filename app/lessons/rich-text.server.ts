import { createHeadlessEditor } from "@lexical/headless";
import { withDOM } from "@lexical/headless/dom";
import { $generateHtmlFromNodes } from "@lexical/html";
import { $createParagraphNode, $createTextNode, $getRoot, type Klass, type LexicalNode } from "lexical";
import sanitizeHtml from "sanitize-html";
import { POST_NODES } from "~/threads/mention-node";
import { isSafeUrl, LESSON_NODES } from "./rich-text-nodes";

export const MAX_BODY_JSON_LENGTH = 200_000;

// What survives into the page, whatever JSON the client sent: structure and
// emphasis only, links to http(s)/mailto, no attributes but href (and the rel we add),
// and a post's mentions as <span class="mention"> (no other class, no data attributes).
// Lexical writes every run of text as a <span style="white-space: pre-wrap">: any span
// but a mention's is unwrapped (its text stays), as before spans were allowed.
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "a", "strong", "b", "em", "i", "u", "s", "code", "span"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedClasses: { span: ["mention"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    // Lexical turns a link target without a scheme into "https://" + whatever was typed;
    // what then is no URL at all stays as the link's text, not as a broken href.
    a: (_tagName, attribs) => ({
      tagName: "a",
      attribs: { ...(attribs.href && isSafeUrl(attribs.href) ? { href: attribs.href } : {}), rel: "noopener noreferrer nofollow" },
    }),
    h1: "h2",
  },
  exclusiveFilter: (frame) => (frame.tag === "span" && !(frame.attribs.class ?? "").split(/\s+/).includes("mention") ? "excludeTag" : false),
};

export function sanitizeLessonHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

type NodeList = ReadonlyArray<Klass<LexicalNode>>;

function editor(nodes: NodeList) {
  return createHeadlessEditor({
    namespace: "lesson",
    nodes,
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
  return renderBody(json, LESSON_NODES);
}

/** As renderLessonBody, for a discussion post: the same nodes plus mentions. */
export function renderPostBody(json: string): RenderedBody | null {
  return renderBody(json, POST_NODES);
}

/** Null when the JSON holds anything but the given nodes (or is not editor state at all). */
function renderBody(json: string, nodes: NodeList): RenderedBody | null {
  if (!json.trim()) return { json: "", html: "", text: "" };
  if (json.length > MAX_BODY_JSON_LENGTH) return null;
  try {
    const instance = editor(nodes);
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
  return plainTextToBody(plain, LESSON_NODES);
}

/** As plainTextToLessonBody, for a discussion post (plain text holds no mentions). */
export function plainTextToPostBody(plain: string): RenderedBody {
  return plainTextToBody(plain, POST_NODES);
}

function plainTextToBody(plain: string, nodes: NodeList): RenderedBody {
  if (!plain.trim()) return { json: "", html: "", text: "" };
  const instance = editor(nodes);
  instance.update(
    () => {
      const root = $getRoot();
      for (const block of plain.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean)) {
        root.append($createParagraphNode().append($createTextNode(block)));
      }
    },
    { discrete: true },
  );
  return renderBody(JSON.stringify(instance.getEditorState().toJSON()), nodes)!;
}
