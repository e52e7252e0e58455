import { useRouteLoaderData } from "@remix-run/react";
import { createContext, createElement, useContext, useMemo, type ReactNode } from "react";
import type { loader as rootLoader } from "../root";
import { coreMessages } from "./catalogue/core";
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent, fiscalYearLabel } from "./format";
import { fillPlaceholders, type AppLocale } from "./locales";
import type { Catalogue, Translate } from "./messages.server";

/** Set by InThai: the language of a subtree that is Thai whatever the reader chose. */
const FixedLocaleContext = createContext<"th" | null>(null);

/**
 * Everything under it reads in Thai, dates in the Buddhist Era, whatever language the reader
 * chose: for a document whose language is fixed (the Mayor's quarterly report, PRODUCT.md §6),
 * inside a page whose menu, forms and buttons stay in the reader's language. The same catalogues
 * and formatters as everywhere, through useI18n. Put `lang="th"` on the element it wraps.
 * Thai only: the Thai of the catalogues a component passes is always in its bundle, English
 * only for English readers.
 */
export function InThai({ children }: { children: ReactNode }) {
  return createElement(FixedLocaleContext.Provider, { value: "th" }, children);
}

/**
 * The person's language and formatters bound to it, for any component under the root.
 * Pass the catalogues whose messages the component shows (core is always there):
 * `const { t } = useI18n(ideasMessages, engagementMessages)`. Only those catalogues' Thai is in
 * the page's bundle; English comes from the root loader, for English readers only. Under InThai
 * it is Thai whatever the reader chose.
 * `t` takes any key: typing it by the catalogues passed made the compiler take minutes, so
 * catalogue-usage.test.ts checks instead that every key a file shows is in a catalogue it passes.
 */
export function useI18n(...catalogues: readonly Catalogue[]) {
  const rootData = useRouteLoaderData<typeof rootLoader>("root");
  const locale: AppLocale = useContext(FixedLocaleContext) ?? rootData?.locale ?? "th";
  const timeZone = rootData?.timeZone ?? "Asia/Bangkok";
  const english: Readonly<Record<string, string>> | null = rootData?.englishMessages ?? null;
  // Module-level objects: the same on every render, so the memo holds while locale and zone do.
  const [first, second, third, fourth] = catalogues;
  if (catalogues.length > 4) throw new Error("useI18n takes at most four catalogues besides core");
  return useMemo(() => {
    const thai: readonly Catalogue[] = [coreMessages, first, second, third, fourth].filter((catalogue) => catalogue !== undefined);
    const lookUp = (key: string): string => {
      if (locale === "en" && english?.[key] !== undefined) return english[key];
      for (const catalogue of thai) if (Object.hasOwn(catalogue, key)) return catalogue[key]!;
      return key; // a key outside the catalogues passed: visible, never a crash
    };
    const t: Translate = (key, values) => fillPlaceholders(lookUp(key), values);
    return {
      locale,
      timeZone,
      t,
      date: (value: Date | string, style?: "long" | "medium" | "short") => formatDate(value, locale, { timeZone, style }),
      dateTime: (value: Date | string) => formatDateTime(typeof value === "string" ? new Date(value) : value, locale, { timeZone }),
      number: (value: number) => formatNumber(value, locale),
      money: (value: number) => formatMoney(value, locale),
      percent: (value: number) => formatPercent(value, locale),
      fiscalYear: (fiscalYearBE: number, short?: boolean) => fiscalYearLabel(fiscalYearBE, locale, { short }),
    };
  }, [locale, timeZone, english, first, second, third, fourth]);
}
