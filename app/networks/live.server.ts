import type { Server } from "socket.io";
import type { AccessEvent } from "~/live/access-events.server";
import { networkRoom, organisationRoom, threadRoom } from "~/live/live-events.server";
import { dropPartnerReaders } from "~/threads/live.server";

/**
 * An organisation left a network: its members stop receiving the network's
 * activity and the partners' shared threads they have open, and partners
 * reading its formerly shared threads are dropped from them.
 */
export async function dropNetworkReaders(io: Server, event: Extract<AccessEvent, { type: "network-left" }>): Promise<void> {
  const leaver = io.in(organisationRoom(event.organisationId));
  leaver.socketsLeave([networkRoom(event.networkId), ...event.partnerThreadIds.map(threadRoom)]);
  await dropPartnerReaders(io, event.ownThreadIds, event.organisationId);
}
