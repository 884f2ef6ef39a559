import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextAreaField } from "~/components/forms";
import { useHydrated } from "~/components/use-hydrated";
import { LessonEditor } from "~/lessons/lesson-editor";
import { POST_NODES } from "./mention-node";
import { MentionPlugin } from "./mention-plugin";
import type { PostView } from "./threads.server";

export type Member = { id: string; name: string };
type ReplyResult = { intent: "reply"; result: SubmissionResult<string[]>; ok: boolean };

/**
 * The reply box at the foot of a thread. It posts without leaving the page;
 * the new post arrives through the live channel like everyone else's.
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
  const handled = useRef<unknown>(null);
  const lastResult = fetcher.data?.intent === "reply" ? fetcher.data.result : pageResult;
  const [form, fields] = useForm({ id: "reply", lastResult, shouldValidate: "onSubmit" });

  // A reply that was saved empties the editor and the quote; a refused one keeps everything typed.
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data || handled.current === fetcher.data) return;
    handled.current = fetcher.data;
    if (fetcher.data.intent === "reply" && fetcher.data.ok) {
      setEditorKey((k) => k + 1);
      clearQuote();
    }
  }, [fetcher.state, fetcher.data, clearQuote]);

  const bodyError = fields.body.errors?.[0] ?? fields.bodyText.errors?.[0];
  const quoteId = quote?.id ?? (hydrated ? "" : initialQuoteId);
  return (
    <fetcher.Form method="post" {...getFormProps(form)} className="stack reply-form" aria-labelledby="reply-heading">
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
      {hydrated ? (
        <LessonEditor
          key={editorKey}
          id="reply-body"
          name="body"
          label={t("threads.replyLabel")}
          hint={t("threads.replyHint")}
          initialJson=""
          nodes={POST_NODES}
          plugins={<MentionPlugin members={members} label={t("threads.mentionMenu")} />}
          onChange={onTyping}
        />
      ) : (
        <TextAreaField meta={fields.bodyText} label={t("threads.replyLabel")} />
      )}
      <div>
        <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? t("threads.sending") : t("threads.send")}
        </button>
      </div>
    </fetcher.Form>
  );
}
