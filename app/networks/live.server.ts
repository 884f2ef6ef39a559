import type { Server, Socket } from "socket.io";
import { db } from "~/db.server";
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

/** A socket hears the activity of categories shared with the networks its user's organisations belong to. */
export async function joinNetworkRooms(socket: Socket): Promise<void> {
  const userId = (socket.data.user as { id: string }).id;
  const memberships = await db.networkMember.findMany({
    where: { status: "member", organisation: { memberships: { some: { userId } } } },
    select: { networkId: true },
  });
  await socket.join([...new Set(memberships.map((m) => networkRoom(m.networkId)))]);
}
