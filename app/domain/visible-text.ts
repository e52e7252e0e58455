/**
 * How many characters of a text a reader sees: code points, without white space and without
 * invisible format characters (zero-width space U+200B, joiners U+200C/U+200D, word joiner
 * U+2060, BOM U+FEFF, direction marks…: Unicode category Cf). A title of six zero-width spaces
 * is empty to a reader: it showed as nothing on the idea page and as a link no one could click.
 * Thai vowel and tone marks count: they are visible, written on their consonant.
 */
export function visibleLength(text: string): number {
  return [...text.replace(/[\p{Cf}\s]/gu, "")].length;
}
