import { normaliseEmployeeCode } from "./employee-code";

/**
 * How a chosen member of staff is written in a typed field, a datalist and a project's team lines:
 * "LS012 นายสมชาย ใจดี". The code comes first because the server's resolver
 * (services/person-lookup.server) decides by it and ignores the name after it. Pure, so the
 * forms in the browser and the loaders on the server write and read entries the same way.
 */
export function personEntry(employeeCode: string, name: string): string {
  return `${employeeCode} ${name}`;
}

/**
 * The first word of an entry, as an employee code is compared: its code if it has one
 * ("ls012 นาย…" → "LS012", "LS๐๑๒" → "LS012").
 */
export function personEntryCode(entry: string): string {
  return normaliseEmployeeCode(entry.trim().split(/\s+/)[0] ?? "");
}
