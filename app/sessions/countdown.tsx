import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Clock } from "./run.server";
import { formatRemaining, useRemaining } from "./use-session-live";

/**
 * The shared countdown. The number itself is not read out every second; a
 * polite announcement says when a minute is left and when time is up.
 */
export function Countdown({ clock }: { clock: Clock }) {
  const { t } = useTranslation();
  const remaining = useRemaining(clock);
  const [announcement, setAnnouncement] = useState("");
  const said = useRef<{ phase: string | null; minute: boolean; up: boolean }>({ phase: null, minute: false, up: false });

  useEffect(() => {
    if (said.current.phase !== clock.currentPhaseId) said.current = { phase: clock.currentPhaseId, minute: false, up: false };
    if (remaining === null || !clock.phaseEndsAt) return;
    if (remaining === 0 && !said.current.up) {
      said.current.up = true;
      setAnnouncement(t("sessions.timeUp"));
    } else if (remaining > 0 && remaining <= 60_000 && !said.current.minute) {
      said.current.minute = true;
      setAnnouncement(t("sessions.oneMinuteLeft"));
    }
  }, [remaining, clock, t]);

  if (remaining === null) return null;
  const paused = !clock.phaseEndsAt;
  return (
    <div className="countdown">
      <p className="countdown__label" id="countdown-label">
        {paused ? t("sessions.paused") : remaining === 0 ? t("sessions.timeUp") : t("sessions.timeLeft")}
      </p>
      <p role="timer" aria-labelledby="countdown-label" className={remaining === 0 ? "countdown__time countdown__time--up" : "countdown__time"} data-testid="countdown">
        {formatRemaining(remaining)}
      </p>
      <p aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
