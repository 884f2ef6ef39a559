import { hashPassword } from "../../app/auth/password.server.ts";
import { db } from "../../app/db.server.ts";
import type { Role } from "../../app/organisations/roles.ts";

export const PASSWORD = "correct horse battery";

let passwordHash: Promise<string> | undefined;

export async function createUser(email: string, name = email.split("@")[0]) {
  passwordHash ??= hashPassword(PASSWORD);
  return db.user.create({ data: { email, name, passwordHash: await passwordHash } });
}

export async function createOrganisation(slug: string, name = slug) {
  return db.organisation.create({ data: { slug, name } });
}

export async function addMember(userId: string, organisationId: string, role: Role = "member") {
  return db.membership.create({ data: { userId, organisationId, role } });
}

/** Two regions, each with an admin, a facilitator and a member. */
export async function twoRegions() {
  const north = await createOrganisation("region-nord", "Region Nord");
  const south = await createOrganisation("region-syd", "Region Syd");
  const people = {
    northAdmin: await createUser("admin@nord.se", "Nora Admin"),
    northFacilitator: await createUser("facilitator@nord.se", "Nils Samtalsledare"),
    northMember: await createUser("member@nord.se", "Nina Medlem"),
    southAdmin: await createUser("admin@syd.se", "Sven Admin"),
    southMember: await createUser("member@syd.se", "Siri Medlem"),
  };
  await addMember(people.northAdmin.id, north.id, "admin");
  await addMember(people.northFacilitator.id, north.id, "facilitator");
  await addMember(people.northMember.id, north.id, "member");
  await addMember(people.southAdmin.id, south.id, "admin");
  await addMember(people.southMember.id, south.id, "member");
  // The two regions learn from each other: what either shares with "the network" reaches the other.
  const network = await db.network.create({
    data: {
      name: "Nord och Syd",
      createdByOrganisationId: north.id,
      members: { create: [north, south].map((o) => ({ organisationId: o.id, status: "member", joinedAt: new Date() })) },
    },
  });
  return { north, south, people, network };
}

/** The Lucia session id a client's cookie carries (the cookie's value is the session row's id). */
export function sessionIdOf(client: { cookieHeader: string }): string {
  const match = client.cookieHeader.match(/(?:^|; )larloop_session=([^;]+)/);
  if (!match) throw new Error(`No session cookie in "${client.cookieHeader}"`);
  return match[1];
}
