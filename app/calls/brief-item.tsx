import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/i18n/i18n";
import { EvidenceBadge } from "~/lessons/badges";
import type { BriefItem } from "./brief.server";
import { VERDICTS } from "./options";

type Refusal = { lessonId: string; verdict: string; note: string; errors: Record<string, string[] | null | undefined> } | null;

/** One lesson of a learning brief: why it is there, and the author's judgement of it. */
export function BriefEntry({ item, slug, canAssess, refusal }: { item: BriefItem; slug: string; canAssess: boolean; refusal: Refusal }) {
  const { t } = useTranslation();
  const mine = refusal?.lessonId === item.lessonId ? refusal : null;
  const verdict = mine?.verdict ?? item.assessment?.verdict ?? "none";
  const note = mine?.note ?? item.assessment?.note ?? "";
  const noteError = mine?.errors.note?.[0] ?? mine?.errors.verdict?.[0];
  const id = `brief-${item.lessonId}`;
  return (
    <li className="card brief-item" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <Link to={`/o/${slug}/lessons/${item.lessonId}`}>{item.title}</Link>
      </h3>
      <p className="muted">
        {item.own ? t("calls.ownLesson") : t("calls.fromOrganisation", { name: item.organisationName })}
        {item.publishedAt ? ` · ${t("calls.publishedOn", { date: formatDate(item.publishedAt) })}` : ""} · <EvidenceBadge evidence={item.evidence} />
      </p>
      {item.whatWeLearned ? <p>{item.whatWeLearned}</p> : null}
      <p className="brief-item__why">
        <span className="muted">{t("calls.why")}: </span>
        {item.reasons.map((r) => t(`calls.reasons.${r.kind}`, { label: "label" in r ? r.label : "" })).join(" · ")}
      </p>
      {item.assessment ? (
        <p>
          <strong>{t(`calls.verdicts.${item.assessment.verdict}`)}</strong>
          {item.assessment.note ? ` – ${item.assessment.note}` : ""}{" "}
          <span className="muted">
            {t("calls.assessedBy", { name: item.assessment.assessedBy ?? t("calls.formerMember"), date: formatDate(item.assessment.assessedAt) })}
          </span>
        </p>
      ) : null}
      {canAssess ? (
        <Form method="post" preventScrollReset className="stack brief-item__form">
          <input type="hidden" name="intent" value="assess" />
          <input type="hidden" name="lessonId" value={item.lessonId} />
          <fieldset className="fieldset checkbox-list--inline">
            <legend>{t("calls.verdictLegend", { title: item.title })}</legend>
            {[...VERDICTS, "none"].map((v) => (
              <div key={v} className="checkbox-item">
                <input type="radio" id={`${id}-${v}`} name="verdict" value={v} defaultChecked={verdict === v} />
                <label htmlFor={`${id}-${v}`}>{t(`calls.verdicts.${v}`)}</label>
              </div>
            ))}
          </fieldset>
          <div className={noteError ? "field field--error" : "field"}>
            <label htmlFor={`${id}-note`}>{t("calls.noteLabel")}</label>
            <p id={`${id}-note-hint`} className="field__hint">
              {t("calls.noteHint")}
            </p>
            {noteError ? (
              <p id={`${id}-note-error`} className="field__error">
                {t(noteError)}
              </p>
            ) : null}
            <textarea
              id={`${id}-note`}
              name="note"
              rows={2}
              defaultValue={note}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={noteError ? `${id}-note-hint ${id}-note-error` : `${id}-note-hint`}
            />
          </div>
          <div>
            <button type="submit" className="button button--secondary">
              {t("calls.saveAssessment")}
            </button>
          </div>
        </Form>
      ) : null}
    </li>
  );
}
