import { translator } from "~/i18n/i18n";
import type { OutageData } from "./outage";

/**
 * The page shown while the database is out: what is wrong in plain words, that
 * it is not the user's fault, and, when a form could not be saved, what they
 * wrote, so that nothing typed is lost even where the browser forgets it.
 */
export function OutagePage({ outage }: { outage: OutageData }) {
  const t = translator(outage.locale);
  const full = outage.reason === "storage-full";
  return (
    <div className="page narrow">
      <h1>{t(full ? "errors.storageFullTitle" : "errors.unreachableTitle")}</h1>
      <p>{t(full ? "errors.storageFullText" : "errors.unreachableText")}</p>
      {outage.submitted.length ? (
        <section aria-labelledby="your-writing">
          <h2 id="your-writing">{t("errors.yourWriting")}</h2>
          <p id="your-writing-hint">{t("errors.yourWritingHint")}</p>
          {outage.submitted.map((text, index) => (
            <textarea key={index} readOnly value={text} rows={Math.min(12, text.split("\n").length + 1)} aria-labelledby="your-writing" aria-describedby="your-writing-hint" />
          ))}
        </section>
      ) : null}
      <p>
        <a href="">{t("errors.tryAgain")}</a> · <a href="/">{t("errors.toStart")}</a>
      </p>
    </div>
  );
}
