import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusMessage } from "~/components/forms";
import { DEPARTED_LESSONS, type DepartedLessons } from "./departed-lessons";

/** Radio buttons for what happens to a departing member's lessons; `name` is the field the form sends. */
export function DepartedLessonsChoice({ name, legend, value, labels, hintId }: { name: string; legend: string; value: DepartedLessons; labels: Record<DepartedLessons, string>; hintId?: string }) {
  return (
    <fieldset className="fieldset" aria-describedby={hintId}>
      <legend>{legend}</legend>
      {DEPARTED_LESSONS.map((choice) => (
        <div className="checkbox-item" key={choice}>
          <input type="radio" id={`${name}-${choice}`} name={name} value={choice} defaultChecked={value === choice} />
          <label htmlFor={`${name}-${choice}`}>{labels[choice]}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The admin's setting on the organisation's settings page. */
export function DepartedLessonsSetting({ value, saved }: { value: DepartedLessons; saved: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="departed-lessons-heading" className="stack">
      <h2 id="departed-lessons-heading">{t("dataRequests.setting.heading")}</h2>
      {saved ? <StatusMessage>{t("dataRequests.setting.saved")}</StatusMessage> : null}
      {/* Keyed by the saved value, so that the choice shows what is saved after each change. */}
      <Form method="post" className="stack" key={value}>
        <input type="hidden" name="intent" value="departed-lessons" />
        <DepartedLessonsChoice
          name="departedLessons"
          legend={t("dataRequests.setting.legend")}
          value={value}
          labels={{ keep: t("dataRequests.setting.keep"), delete: t("dataRequests.setting.delete") }}
          hintId="departed-lessons-hint"
        />
        <p id="departed-lessons-hint" className="field__hint">
          {t("dataRequests.setting.hint")}
        </p>
        <div>
          <button type="submit" className="button">
            {t("dataRequests.setting.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}
