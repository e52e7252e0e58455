import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { getCurrentUser } from "../auth/current-user.server";
import { safeRedirectPath } from "../domain/safe-redirect";
import { localeCookie } from "../i18n/locale.server";
import { isLocale } from "../i18n/messages.server";
import { setAccountLocale } from "../models/accounts.server";

export async function loader() {
  return redirect("/");
}

/** Switch language: kept on the account when signed in, and in a cookie for the sign-in page. */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const locale = formData.get("locale");
  const target = safeRedirectPath(formData.get("redirectTo"));
  if (!isLocale(locale)) return redirect(target);
  const user = await getCurrentUser(request);
  if (user) await setAccountLocale(db(), user.accountId, locale);
  return redirect(target, { headers: { "Set-Cookie": localeCookie(locale) } });
}
