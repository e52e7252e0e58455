import type { MessageKey } from "../i18n/messages.server";

export const ROLES = ["staff", "committee", "hr", "executive", "director", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function hasAnyRole(held: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => held.includes(role));
}

export type NavItem = { to: string; labelKey: MessageKey; roles: readonly Role[] | "everyone" };

/** The whole navigation; each person sees the entries their roles allow. */
export const NAVIGATION: readonly NavItem[] = [
  { to: "/", labelKey: "nav.home", roles: "everyone" },
  { to: "/ideas", labelKey: "nav.ideas", roles: "everyone" },
  { to: "/ideas/new", labelKey: "nav.newIdea", roles: "everyone" },
  { to: "/ideas/mine", labelKey: "nav.myIdeas", roles: "everyone" },
  { to: "/projects", labelKey: "nav.projects", roles: "everyone" },
  { to: "/dashboard", labelKey: "nav.dashboard", roles: ["executive", "director", "hr"] },
  { to: "/reports/quarterly", labelKey: "nav.reports", roles: ["executive", "committee", "admin"] },
  { to: "/plan", labelKey: "nav.plan", roles: "everyone" },
  { to: "/training/mine", labelKey: "nav.myTraining", roles: "everyone" },
  { to: "/committee", labelKey: "nav.committee", roles: ["committee"] },
  { to: "/division", labelKey: "nav.myDivision", roles: ["director"] },
  { to: "/roster", labelKey: "nav.roster", roles: ["hr"] },
  { to: "/training", labelKey: "nav.training", roles: ["hr"] },
  { to: "/admin/accounts", labelKey: "nav.accounts", roles: ["admin"] },
  { to: "/admin/plan", labelKey: "nav.planAdmin", roles: ["admin"] },
  { to: "/admin/participation", labelKey: "nav.participationRule", roles: ["admin"] },
  { to: "/admin/criteria", labelKey: "nav.criteria", roles: ["admin"] },
  { to: "/admin/settings", labelKey: "nav.settings", roles: ["admin"] },
  { to: "/admin/audit", labelKey: "nav.audit", roles: ["admin"] },
  { to: "/account", labelKey: "nav.account", roles: "everyone" },
];

export function navigationFor(roles: readonly Role[]): NavItem[] {
  return NAVIGATION.filter((item) => item.roles === "everyone" || hasAnyRole(roles, item.roles));
}

/**
 * Whether a menu entry is the page shown at `pathname`, as Remix's NavLink decides: its own
 * path, or a path under it when no other entry of the menu is under it (on /ideas/new the entry
 * for /ideas/new is current, not the one for /ideas; on /projects/7 the one for /projects).
 * "/" is current only on the home page. Paths compare in any case, as routes match.
 */
export function isCurrentNavItem(pathname: string, item: NavItem, navigation: readonly NavItem[]): boolean {
  const path = pathname.toLowerCase();
  const to = item.to.toLowerCase();
  if (path === to) return true;
  if (to === "/") return false;
  const hasEntryUnder = navigation.some((other) => other.to !== item.to && other.to.toLowerCase().startsWith(`${to}/`));
  return !hasEntryUnder && path.startsWith(`${to}/`);
}
