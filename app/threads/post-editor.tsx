import { useTranslation } from "react-i18next";
import { LessonEditor } from "~/lessons/lesson-editor";
import { POST_NODES } from "./mention-node";
import { MentionPlugin } from "./mention-plugin";
import type { Member } from "./reply-form";

// The reply box's rich editor (Lexical with mentions) in a module of its own:
// the thread page imports it only when someone starts a reply, so that
// reading a thread does not download the editor (docs/benchmarks.md,
// thread-page-js).

export function PostEditor({
  members,
  initialText,
  autoFocus,
  onChange,
}: {
  members: Member[];
  initialText: string;
  autoFocus: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  return (
    <LessonEditor
      id="reply-body"
      name="body"
      label={t("threads.replyLabel")}
      hint={t("threads.replyHint")}
      initialJson=""
      initialText={initialText}
      autoFocus={autoFocus}
      nodes={POST_NODES}
      plugins={<MentionPlugin members={members} label={t("threads.mentionMenu")} />}
      onChange={onChange}
    />
  );
}
