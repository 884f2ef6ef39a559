export const ROLES = ["member", "facilitator", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { member: 0, facilitator: 1, admin: 2 };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles are cumulative: an admin may do what a facilitator may, and so on. */
export function hasRole(role: string, atLeast: Role): boolean {
  return isRole(role) && RANK[role] >= RANK[atLeast];
}
