import { $isLinkNode, TOGGLE_LINK_COMMAND } from "@lexical/link";
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND, $isListNode } from "@lexical/list";
import { LexicalComposer } from "@lexical/react/LexicalComposer";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import { LexicalErrorBoundary } from "@lexical/react/LexicalErrorBoundary";
import { HistoryPlugin } from "@lexical/react/LexicalHistoryPlugin";
import { LinkPlugin } from "@lexical/react/LexicalLinkPlugin";
import { ListPlugin } from "@lexical/react/LexicalListPlugin";
import { OnChangePlugin } from "@lexical/react/LexicalOnChangePlugin";
import { RichTextPlugin } from "@lexical/react/LexicalRichTextPlugin";
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from "@lexical/rich-text";
import { $setBlocksType } from "@lexical/selection";
import { $getNearestNodeOfType } from "@lexical/utils";
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  FORMAT_TEXT_COMMAND,
  SELECTION_CHANGE_COMMAND,
  COMMAND_PRIORITY_LOW,
  type Klass,
  type LexicalEditor,
  type LexicalNode,
} from "lexical";
import { ListNode } from "@lexical/list";
import { useCallback, useEffect, useLayoutEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isSafeUrl, LESSON_EDITOR_THEME, LESSON_NODES } from "./rich-text-nodes";

type Block = "paragraph" | "h2" | "h3" | "quote" | "bullet" | "number";
type Toolbar = { block: Block; bold: boolean; italic: boolean; link: boolean };

function readToolbar(editor: LexicalEditor): Toolbar {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    const state: Toolbar = { block: "paragraph", bold: false, italic: false, link: false };
    if (!$isRangeSelection(selection)) return state;
    state.bold = selection.hasFormat("bold");
    state.italic = selection.hasFormat("italic");
    const anchor = selection.anchor.getNode();
    const top = anchor.getKey() === "root" ? anchor : anchor.getTopLevelElementOrThrow();
    const list = $getNearestNodeOfType(anchor, ListNode);
    if ($isListNode(list)) state.block = list.getListType() === "number" ? "number" : "bullet";
    else if ($isHeadingNode(top)) state.block = top.getTag() === "h3" ? "h3" : "h2";
    else if ($isQuoteNode(top)) state.block = "quote";
    const parent = anchor.getParent();
    state.link = $isLinkNode(parent) || $isLinkNode(anchor);
    return state;
  });
}

/** Formatting buttons; each says whether it is on (aria-pressed), for screen readers too. */
function ToolbarPlugin({ labelId }: { labelId: string }) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<Toolbar>({ block: "paragraph", bold: false, italic: false, link: false });
  const refresh = useCallback(() => setState(readToolbar(editor)), [editor]);

  useEffect(() => {
    const unregisterUpdate = editor.registerUpdateListener(() => refresh());
    const unregisterSelection = editor.registerCommand(
      SELECTION_CHANGE_COMMAND,
      () => {
        refresh();
        return false;
      },
      COMMAND_PRIORITY_LOW,
    );
    return () => {
      unregisterUpdate();
      unregisterSelection();
    };
  }, [editor, refresh]);

  const setBlock = (block: Block) => {
    if (block === "bullet" || block === "number") {
      editor.dispatchCommand(state.block === block ? REMOVE_LIST_COMMAND : block === "bullet" ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
      return;
    }
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      const target = state.block === block ? "paragraph" : block;
      $setBlocksType(selection, () =>
        target === "h2" || target === "h3" ? $createHeadingNode(target) : target === "quote" ? $createQuoteNode() : $createParagraphNode(),
      );
    });
  };

  const toggleLink = () => {
    if (state.link) {
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
      return;
    }
    const url = window.prompt(t("lessons.editor.linkPrompt"), "https://");
    if (url && isSafeUrl(url)) editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
  };

  const button = (label: string, pressed: boolean, onClick: () => void) => (
    <button type="button" className="toolbar__button" aria-pressed={pressed} onClick={onClick} onMouseDown={(e) => e.preventDefault()}>
      {label}
    </button>
  );

  return (
    <div role="toolbar" aria-labelledby={labelId} aria-controls={`${labelId}-input`} className="toolbar">
      {button(t("lessons.editor.heading"), state.block === "h2", () => setBlock("h2"))}
      {button(t("lessons.editor.subheading"), state.block === "h3", () => setBlock("h3"))}
      {button(t("lessons.editor.bold"), state.bold, () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "bold"))}
      {button(t("lessons.editor.italic"), state.italic, () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "italic"))}
      {button(t("lessons.editor.bulletList"), state.block === "bullet", () => setBlock("bullet"))}
      {button(t("lessons.editor.numberedList"), state.block === "number", () => setBlock("number"))}
      {button(t("lessons.editor.quote"), state.block === "quote", () => setBlock("quote"))}
      {button(t("lessons.editor.link"), state.link, toggleLink)}
    </div>
  );
}

/**
 * Puts the caret at the end of the text as the editor appears, before the
 * browser handles another key: it takes over from a plain text box someone
 * is typing in (the reply box, see app/threads/reply-form.tsx).
 */
function FocusAtEndPlugin() {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    editor.focus(undefined, { defaultSelection: "rootEnd" });
    const root = editor.getRootElement();
    if (root && !root.contains(document.activeElement)) root.focus({ preventScroll: true });
  }, [editor]);
  return null;
}

/** Reports the state the editor starts with, which OnChangePlugin never does, so that the form sends it. */
function InitialStatePlugin({ onJson }: { onJson: (json: string) => void }) {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    editor.read(() => undefined); // commits the initial state
    onJson(JSON.stringify(editor.getEditorState().toJSON()));
  }, [editor, onJson]);
  return null;
}

/** Plain text as paragraphs, one per line. */
const plainTextState = (text: string) => () => {
  const root = $getRoot();
  for (const line of text.split(/\r?\n/)) root.append($createParagraphNode().append(...(line ? [$createTextNode(line)] : [])));
};

/**
 * The lesson body editor. Its state travels with the form as Lexical JSON in
 * a hidden input; the server renders and sanitises it.
 */
export function LessonEditor({
  id,
  label,
  hint,
  initialJson,
  name,
  nodes = LESSON_NODES,
  plugins,
  onChange,
  initialText = "",
  autoFocus = false,
}: {
  id: string;
  label: string;
  hint: string;
  initialJson: string;
  // Used when there is no initialJson: text typed before the editor was there.
  initialText?: string;
  autoFocus?: boolean;
  name: string;
  // A post's editor adds mentions: its node type and the plugin that inserts them.
  nodes?: Klass<LexicalNode>[];
  plugins?: ReactNode;
  onChange?: () => void;
}) {
  const [json, setJson] = useState(initialJson);
  const labelId = `${id}-label`;
  return (
    <div className="field editor">
      <span id={labelId} className="editor__label">
        {label}
      </span>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      <LexicalComposer
        initialConfig={{
          namespace: "lesson",
          nodes,
          theme: LESSON_EDITOR_THEME,
          editorState: initialJson || (initialText ? plainTextState(initialText) : undefined),
          onError: (error: Error) => console.error(error),
        }}
      >
        <ToolbarPlugin labelId={labelId} />
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              id={`${labelId}-input`}
              className="editor__input"
              aria-labelledby={labelId}
              aria-describedby={`${id}-hint`}
              aria-multiline
              role="textbox"
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={isSafeUrl} />
        {plugins}
        {initialText && !initialJson ? <InitialStatePlugin onJson={setJson} /> : null}
        {autoFocus ? <FocusAtEndPlugin /> : null}
        <OnChangePlugin
          ignoreSelectionChange
          onChange={(state) => {
            setJson(JSON.stringify(state.toJSON()));
            onChange?.();
          }}
        />
      </LexicalComposer>
      <input type="hidden" name={name} value={json} />
    </div>
  );
}
