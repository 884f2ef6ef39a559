import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type SyntheticEvent } from "react";
import { flushSync } from "react-dom";
import { useTranslation } from "react-i18next";
import { FormErrors, TextAreaField } from "~/components/forms";
import { useHydrated } from "~/components/use-hydrated";
import type { PostEditor } from "./post-editor";
import type { PostView } from "./threads.server";

export type Member = { id: string; name: string };
type ReplyResult = { intent: "reply"; result: SubmissionResult<string[]>; ok: boolean };
type Editor = { Component: typeof PostEditor; initialText: string; focus: boolean };

/** Moves to the reply box, e.g. after quoting: the rich editor's text box (LessonEditor id "reply-body") or the plain one. */
export function focusReplyBox() {
  (document.getElementById("reply-body-label-input") ?? document.querySelector<HTMLElement>('form#reply [name="bodyText"]'))?.focus();
}

/**
 * The reply box at the foot of a thread. It posts without leaving the page;
 * the new post arrives through the live channel like everyone else's.
 *
 * It starts as a plain text box (all there is without JavaScript). The rich
 * editor, about half as much JavaScript again as the rest of the page, is
 * fetched when someone points at the form or focuses the box (quoting a post
 * does), and takes over with whatever was typed so far.
 */
export function ReplyForm({
  members,
  quote,
  clearQuote,
  onTyping,
  initialQuoteId,
  pageResult,
}: {
  // The result of a reply sent without JavaScript, as an ordinary form post.
  pageResult?: SubmissionResult<string[]>;
  members: Member[];
  quote: PostView | null;
  clearQuote: () => void;
  onTyping: () => void;
  initialQuoteId: string;
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const fetcher = useFetcher<ReplyResult>();
  const [editorKey, setEditorKey] = useState(0);
  const [editor, setEditor] = useState<Editor | null>(null);
  const loading = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const handled = useRef<unknown>(null);
  const lastResult = fetcher.data?.intent === "reply" ? fetcher.data.result : pageResult;
  const [form, fields] = useForm({ id: "reply", lastResult, shouldValidate: "onSubmit" });

  // A reply that was saved empties the editor and the quote; a refused one keeps everything typed.
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data || handled.current === fetcher.data) return;
    handled.current = fetcher.data;
    if (fetcher.data.intent === "reply" && fetcher.data.ok) {
      setEditorKey((k) => k + 1);
      setEditor((current) => current && { ...current, initialText: "", focus: false });
      clearQuote();
    }
  }, [fetcher.state, fetcher.data, clearQuote]);

  const loadEditor = useCallback(() => {
    if (loading.current) return;
    loading.current = true;
    import("./post-editor").then(
      ({ PostEditor }) => {
        // Read and swap in one go, so that no key pressed in between is lost.
        const box = formRef.current?.elements.namedItem("bodyText") as HTMLTextAreaElement | null | undefined;
        flushSync(() => setEditor({ Component: PostEditor, initialText: box?.value ?? "", focus: !!box && box === document.activeElement }));
      },
      () => {
        // Offline, say: the plain text box still sends the reply. Try again on the next focus.
        loading.current = false;
      },
    );
  }, []);
  const onTextBox = (handler: () => void) => (event: SyntheticEvent) => {
    if ((event.target as HTMLElement).getAttribute("name") === "bodyText") handler();
  };

  const bodyError = fields.body.errors?.[0] ?? fields.bodyText.errors?.[0];
  const quoteId = quote?.id ?? (hydrated ? "" : initialQuoteId);
  return (
    <fetcher.Form
      method="post"
      {...getFormProps(form)}
      ref={formRef}
      className="stack reply-form"
      aria-labelledby="reply-heading"
      onPointerEnter={loadEditor}
      onFocus={onTextBox(loadEditor)}
      onInput={onTextBox(onTyping)}
    >
      <h2 id="reply-heading">{t("threads.replyHeading")}</h2>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="reply" />
      {quoteId ? <input type="hidden" name="quotedPostId" value={quoteId} /> : null}
      {quote ? (
        <div className="reply-form__quote" role="status">
          <p>
            {t("threads.quoting", { name: quote.author?.name ?? t("threads.formerMember"), number: quote.number })}{" "}
            <button type="button" className="button button--link" onClick={clearQuote}>
              {t("threads.removeQuote")}
            </button>
          </p>
        </div>
      ) : null}
      {bodyError ? (
        <p className="field__error" id="reply-body-error">
          {t(bodyError)}
        </p>
      ) : null}
      {editor ? (
        <editor.Component key={editorKey} members={members} initialText={editor.initialText} autoFocus={editor.focus} onChange={onTyping} />
      ) : (
        <TextAreaField key={editorKey} meta={fields.bodyText} label={t("threads.replyLabel")} />
      )}
      <div>
        <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? t("threads.sending") : t("threads.send")}
        </button>
      </div>
    </fetcher.Form>
  );
}
