import { isProduction } from "../config.server";
import { isLocale, type AppLocale } from "./messages.server";

export const LOCALE_COOKIE = "nawat_lang";

/** Thai first: a signed-in person's own choice, else the visitor's cookie, else Thai. */
export function resolveLocale(request: Request, accountLocale: AppLocale | null): AppLocale {
  if (accountLocale) return accountLocale;
  const cookie = request.headers.get("Cookie") ?? "";
  const match = cookie.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=(th|en)(?:;|$)`));
  const fromCookie = match?.[1];
  return isLocale(fromCookie) ? fromCookie : "th";
}

export function localeCookie(locale: AppLocale): string {
  const secure = isProduction() ? "; Secure" : "";
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${secure}`;
}
