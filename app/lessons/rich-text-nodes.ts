import { LinkNode } from "@lexical/link";
import { ListItemNode, ListNode } from "@lexical/list";
import { HeadingNode, QuoteNode } from "@lexical/rich-text";

// The node types a lesson body may contain, the same in the browser's editor
// and in the server's renderer: anything else in submitted JSON is refused.
export const LESSON_NODES = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode];

/** Links may only point to the web or to an email address. */
export function isSafeUrl(url: string): boolean {
  try {
    return ["http:", "https:", "mailto:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

export const LESSON_EDITOR_THEME = {
  paragraph: "rt-p",
  quote: "rt-quote",
  heading: { h2: "rt-h2", h3: "rt-h3" },
  list: { ul: "rt-ul", ol: "rt-ol", listitem: "rt-li" },
  link: "rt-link",
  text: { bold: "rt-bold", italic: "rt-italic", underline: "rt-underline" },
};
