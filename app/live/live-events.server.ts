import { EventEmitter } from "node:events";

// Actions run inside the Remix build, the socket server outside it: what an
// action wants every reader to see at once goes through this process-wide bus
// to server/live.ts, which emits it to the room.

export type LiveEvent = { room: string; event: string; payload: unknown };

declare global {
  var __larloopLiveEvents: EventEmitter | undefined;
}

const bus = (globalThis.__larloopLiveEvents ??= new EventEmitter());

export function publishLive(room: string, event: string, payload: unknown): void {
  bus.emit("live", { room, event, payload } satisfies LiveEvent);
}

/** Subscribe; returns the function that unsubscribes. */
export function onLiveEvent(listener: (event: LiveEvent) => void): () => void {
  bus.on("live", listener);
  return () => bus.off("live", listener);
}

export const threadRoom = (threadId: string) => `thread:${threadId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const organisationRoom = (organisationId: string) => `org:${organisationId}`;
// Activity in categories shared with a network reaches the sockets of its member organisations' people.
export const networkRoom = (networkId: string) => `network:${networkId}`;
