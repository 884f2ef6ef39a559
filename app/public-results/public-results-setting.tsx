import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusMessage } from "~/components/forms";

/** The admin's opt-in to the public results page, with what it makes public and, once on, where. */
export function PublicResultsSetting({ enabled, url, saved }: { enabled: boolean; url: string; saved: boolean | undefined }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="public-results-heading" className="stack">
      <h2 id="public-results-heading">{t("publicResults.settings.heading")}</h2>
      {saved !== undefined ? <StatusMessage>{t(saved ? "publicResults.settings.on" : "publicResults.settings.off")}</StatusMessage> : null}
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="public-results" />
        {/* Keyed by the saved value, so that the box shows what is saved after each change. */}
        <div className="checkbox" key={String(enabled)}>
          <input
            type="checkbox"
            id="public-results"
            name="publicResults"
            defaultChecked={enabled}
            aria-describedby="public-results-explanation public-results-not-shown"
          />
          <label htmlFor="public-results">{t("publicResults.settings.checkbox")}</label>
          <p id="public-results-explanation" className="field__hint">
            {t("publicResults.settings.explanation")}
          </p>
          <p id="public-results-not-shown" className="field__hint">
            {t("publicResults.settings.notShown")}
          </p>
        </div>
        {enabled ? (
          <p>
            {t("publicResults.settings.address")}: <a href={url}>{url}</a>
          </p>
        ) : null}
        <div>
          <button type="submit" className="button">
            {t("publicResults.settings.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}
