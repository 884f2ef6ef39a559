import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Board } from "./board.server";
import type { Clock } from "./run.server";

function ClockButton({ intent, label, primary = false }: { intent: string; label: string; primary?: boolean }) {
  const fetcher = useFetcher();
  return (
    <fetcher.Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={primary ? "button" : "button button--secondary"} disabled={fetcher.state !== "idle"}>
        {label}
      </button>
    </fetcher.Form>
  );
}

/** The facilitator's controls: the clock, the phases (back as well as forward) and who is paired with whom. */
export function FacilitatorConsole({ board, clock }: { board: Board; clock: Clock }) {
  const { t } = useTranslation();
  const goTo = useFetcher();
  const index = board.phases.findIndex((p) => p.id === clock.currentPhaseId);
  const present = board.participants.filter((p) => p.present && p.role === "participant");
  return (
    <section aria-labelledby="console-heading" className="card console">
      <h2 id="console-heading">{t("sessions.console")}</h2>
      <div className="actions">
        {clock.status !== "running" ? <ClockButton intent="start" label={clock.status === "ended" ? t("sessions.restart") : t("sessions.start")} primary /> : null}
        {clock.status === "running" && clock.phaseEndsAt ? <ClockButton intent="pause" label={t("sessions.pause")} /> : null}
        {clock.status === "running" && !clock.phaseEndsAt ? <ClockButton intent="resume" label={t("sessions.resume")} primary /> : null}
        {clock.status === "running" ? <ClockButton intent="extend" label={t("sessions.extend")} /> : null}
        {clock.status === "running" && index > 0 ? <ClockButton intent="previous" label={t("sessions.previous")} /> : null}
        {clock.status === "running" && index < board.phases.length - 1 ? <ClockButton intent="next" label={t("sessions.next")} primary /> : null}
        {clock.status === "running" ? <ClockButton intent="end" label={t("sessions.end")} /> : null}
      </div>
      {clock.status === "running" ? (
        <goTo.Form method="post" className="inline-add">
          <input type="hidden" name="intent" value="go-to" />
          <div className="field">
            <label htmlFor="go-to-phase">{t("sessions.goToPhase")}</label>
            <select id="go-to-phase" name="phaseId" defaultValue={clock.currentPhaseId ?? ""} key={clock.currentPhaseId}>
              {board.phases.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t("sessions.goTo")}
          </button>
        </goTo.Form>
      ) : null}
      <p className="muted">{t("sessions.presentCount", { count: present.length })}: {present.map((p) => p.name).join(", ") || "–"}</p>
      {board.groupings.length ? (
        <div>
          <h3>{t("sessions.groupingsTitle")}</h3>
          <ul>
            {board.groupings.map((group, i) => (
              <li key={i}>{group.join(" · ")}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
