import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";

/**
 * The whole HTML document for a React tree, as one string.
 *
 * Nothing in the app streams (no defer, no Suspense), so the page is rendered in one go.
 * Not `renderToPipeableStream`: React 18's stream writer sends its whole 2 KB buffer when a
 * character of three UTF-8 bytes does not fit in what is left of it, so Thai text came out with
 * NUL bytes wherever a buffer boundary fell inside a character (a browser drops them in text,
 * but turns them into U+FFFD inside attributes such as a hidden field's value). One string has
 * no buffer boundary. React 18 does not write the doctype for `renderToString`, so it is added.
 */
export function renderDocument(tree: ReactElement): string {
  return "<!DOCTYPE html>" + renderToString(tree);
}
