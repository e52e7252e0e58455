import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { loader as rootLoader } from "../root";
import { formatDate, formatDateTime, formatNumber, formatPercent, fiscalYearLabel } from "./format";
import { translate, type AppLocale, type MessageKey } from "./messages";

/** The person's language and formatters bound to it, for any component under the root. */
export function useI18n() {
  const rootData = useRouteLoaderData<typeof rootLoader>("root");
  const locale: AppLocale = rootData?.locale ?? "th";
  const timeZone = rootData?.timeZone ?? "Asia/Bangkok";
  return useMemo(
    () => ({
      locale,
      timeZone,
      t: (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values),
      date: (value: Date | string, style?: "long" | "medium" | "short") => formatDate(value, locale, { timeZone, style }),
      dateTime: (value: Date | string) => formatDateTime(typeof value === "string" ? new Date(value) : value, locale, { timeZone }),
      number: (value: number) => formatNumber(value, locale),
      percent: (value: number) => formatPercent(value, locale),
      fiscalYear: (fiscalYearBE: number, short?: boolean) => fiscalYearLabel(fiscalYearBE, locale, { short }),
    }),
    [locale, timeZone],
  );
}
