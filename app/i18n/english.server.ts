import { englishCatalogue, type MessageKey } from "./messages.server";

/**
 * English for the browser, sent by the root loader only when the page is read in English: the
 * client bundles hold Thai only, so a Thai reader downloads no English at all.
 */
let english: Readonly<Record<MessageKey, string>> | undefined;

export function englishMessagesForBrowser(): Readonly<Record<MessageKey, string>> {
  english ??= englishCatalogue();
  return english;
}
