import { EventEmitter } from "node:events";

// Loaders and actions run inside the Remix build, the socket server outside
// it; access changes reach the live channel through this process-wide bus,
// so that a signed-out session or a removed member stops receiving at once.

export type AccessEvent =
  | { type: "session-ended"; sessionId: string }
  | { type: "user-signed-out-everywhere"; userId: string }
  | { type: "membership-ended"; userId: string; organisationId: string }
  // Threads no longer shared with the network: partners viewing them must stop receiving them.
  | { type: "threads-unshared"; threadIds: string[]; organisationId: string }
  // An organisation left a network: its own shared threads close to the others, the others' to it.
  // An organisation joined a network: its people's open tabs start hearing the network's activity.
  | { type: "network-joined"; networkId: string; organisationId: string }
  | { type: "network-left"; networkId: string; organisationId: string; ownThreadIds: string[]; partnerThreadIds: string[] };

declare global {
  var __larloopAccessEvents: EventEmitter | undefined;
}

const bus = (globalThis.__larloopAccessEvents ??= new EventEmitter());

export function publishAccessEvent(event: AccessEvent): void {
  bus.emit("access", event);
}

/** Subscribe; returns the function that unsubscribes. */
export function onAccessEvent(listener: (event: AccessEvent) => void): () => void {
  bus.on("access", listener);
  return () => bus.off("access", listener);
}
