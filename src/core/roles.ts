/** Roles, weakest first. A command names the weakest role allowed to run it. */
export const ROLES = ["member", "moderator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** True when `role` includes everything `required` may do. */
export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** The stronger of two roles. */
export function strongest(a: Role, b: Role | undefined): Role {
  return b !== undefined && hasRole(b, a) ? b : a;
}
