import {
  $applyNodeReplacement,
  $getDocument,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type LexicalParseJSON,
  type NodeKey,
  type SerializedPartial,
  type SerializedTextNode,
  type Spread,
  TextNode,
} from "lexical";
import { LESSON_NODES } from "~/lessons/rich-text-nodes";

export type SerializedMentionNode = Spread<{ userId: string; name: string }, SerializedTextNode>;

function requireText(value: unknown, what: string): string {
  if (typeof value !== "string" || !value.trim()) throw new Error(`MentionNode: ${what} must be a non-empty string`);
  return value;
}

/**
 * A mention of an organisation member inside a post: the member's id travels
 * with the document, the text shown is "@" followed by their name. It is one
 * token: deleted as a whole, never edited inside, and text typed beside it
 * goes into a neighbouring text node.
 */
export class MentionNode extends TextNode {
  __userId: string;
  __name: string;

  static getType(): string {
    return "mention";
  }

  static clone(node: MentionNode): MentionNode {
    return new MentionNode(node.__userId, node.__name, node.__key);
  }

  static importJSON(serializedNode: SerializedPartial<SerializedMentionNode>): MentionNode {
    return $createMentionNode(requireText(serializedNode.userId, "userId"), requireText(serializedNode.name, "name")).updateFromJSON(serializedNode);
  }

  constructor(userId = "", name = "", key?: NodeKey) {
    super(`@${name}`, key);
    this.__userId = userId;
    this.__name = name;
    this.__mode = 1; // "token"; setMode() needs an active editor, the constructor may run without one.
  }

  /**
   * The TextNode fields come from the JSON, except what a mention decides for
   * itself: its text is always "@" + name and it is always a token.
   */
  updateFromJSON(serializedNode: LexicalParseJSON<SerializedMentionNode>): this {
    const userId = requireText(serializedNode.userId, "userId");
    const name = requireText(serializedNode.name, "name");
    const node = super.updateFromJSON(serializedNode).setTextContent(`@${name}`).setMode("token");
    const writable = node.getWritable();
    writable.__userId = userId;
    writable.__name = name;
    return writable;
  }

  exportJSON(): SerializedMentionNode {
    return { ...super.exportJSON(), type: "mention", version: 1, userId: this.getUserId(), name: this.getName() };
  }

  getUserId(): string {
    return this.getLatest().__userId;
  }

  getName(): string {
    return this.getLatest().__name;
  }

  createDOM(config: EditorConfig, editor?: LexicalEditor): HTMLElement {
    const dom = super.createDOM(config, editor);
    dom.classList.add("mention");
    dom.spellcheck = false;
    return dom;
  }

  exportDOM(): DOMExportOutput {
    const element = $getDocument().createElement("span");
    element.className = "mention";
    element.setAttribute("data-user-id", this.getUserId());
    element.textContent = `@${this.getName()}`;
    return { element };
  }

  isTextEntity(): true {
    return true;
  }

  canInsertTextBefore(): false {
    return false;
  }

  canInsertTextAfter(): false {
    return false;
  }
}

export function $createMentionNode(userId: string, name: string): MentionNode {
  return $applyNodeReplacement(new MentionNode(userId, name));
}

export function $isMentionNode(node: LexicalNode | null | undefined): node is MentionNode {
  return node instanceof MentionNode;
}

/** The nodes a post body may contain: a lesson body's, and mentions. */
export const POST_NODES = [...LESSON_NODES, MentionNode];

/**
 * The distinct ids of the members mentioned in serialized editor state, in
 * document order. Reads the JSON only (no editor); anything unreadable gives [].
 */
export function mentionedUserIds(editorStateJson: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(editorStateJson);
  } catch {
    return [];
  }
  if (!isObject(parsed)) return [];
  const ids = new Set<string>();
  // An explicit stack rather than recursion: submitted JSON may nest deeply.
  const stack: unknown[] = ["root" in parsed ? parsed.root : parsed];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isObject(node)) continue;
    if (node.type === "mention" && typeof node.userId === "string" && node.userId) ids.add(node.userId);
    if (Array.isArray(node.children)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
  }
  return [...ids];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The editor state with every mention of `userId` turned into plain text
 * (`@` and `shownAs`), for a person who has left; null when none mentions them.
 */
export function withoutMentionOf(editorStateJson: string, userId: string, shownAs: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(editorStateJson);
  } catch {
    return null;
  }
  if (!isObject(parsed)) return null;
  let changed = false;
  const stack: unknown[] = [parsed];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isObject(node)) continue;
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) {
        for (const [i, child] of value.entries()) {
          if (isObject(child) && child.type === "mention" && child.userId === userId) {
            const { userId: _id, name: _name, ...textNode } = child;
            value[i] = { ...textNode, type: "text", text: `@${shownAs}` };
            changed = true;
          } else stack.push(child);
        }
      } else if (isObject(value)) stack.push(value);
    }
  }
  return changed ? JSON.stringify(parsed) : null;
}
