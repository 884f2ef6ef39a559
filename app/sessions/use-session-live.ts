import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useLive } from "~/live/live-context";
import type { Clock } from "./run.server";

/**
 * The live room of a session: joins it (which marks the person present), takes
 * every clock change as it comes and reloads the board when notes, groups,
 * votes or outcomes change. Rejoining after a lost connection reloads too,
 * so nothing written meanwhile is missed.
 */
export function useSessionLive(sessionId: string, organisationId: string, initial: Clock) {
  const { socket, status } = useLive();
  const revalidator = useRevalidator();
  const [clock, setClock] = useState(initial);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;

  useEffect(() => setClock(initial), [initial]);

  useEffect(() => {
    if (!socket || status !== "connected") return;
    const refresh = () => {
      // Several changes in a burst (a room full of people voting) make one reload.
      if (pending.current) return;
      pending.current = setTimeout(() => {
        pending.current = null;
        revalidate.current();
      }, 150);
    };
    const onChanged = (event: { sessionId: string; what: string; clock: Clock }) => {
      if (event.sessionId !== sessionId) return;
      setClock(event.clock);
      refresh();
    };
    socket.on("learning:changed", onChanged);
    socket.emit("learning:join", { sessionId, organisationId }, (reply: { ok: boolean; clock?: Clock }) => {
      if (reply.ok && reply.clock) setClock(reply.clock);
      refresh();
    });
    return () => {
      socket.off("learning:changed", onChanged);
      socket.emit("learning:leave", { sessionId });
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    };
  }, [socket, status, sessionId, organisationId]);

  return { clock, status };
}

/** Milliseconds left in the phase by the server's clock, counted down in the browser. */
export function useRemaining(clock: Clock): number | null {
  // How far this browser's clock is from the server's, measured when the clock arrived.
  const offset = useRef(0);
  const [now, setNow] = useState(() => Date.parse(clock.serverNow));
  useEffect(() => {
    offset.current = Date.parse(clock.serverNow) - Date.now();
    setNow(Date.now() + offset.current);
    if (!clock.phaseEndsAt) return;
    const timer = setInterval(() => setNow(Date.now() + offset.current), 250);
    return () => clearInterval(timer);
  }, [clock]);
  if (clock.status !== "running") return null;
  if (clock.phaseEndsAt) return Math.max(0, Date.parse(clock.phaseEndsAt) - now);
  return clock.pausedRemainingMs;
}

export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}
