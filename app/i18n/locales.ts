// The two languages, and filling `{name}` placeholders: shared by the server's translate and
// the client's useI18n, with no messages in it.
export const LOCALES = ["th", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is AppLocale {
  return value === "th" || value === "en";
}

/** `template` with each `{name}` replaced by values[name]; unknown names are left as they are. */
export function fillPlaceholders(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
