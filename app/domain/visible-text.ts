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

export type TextLengthProblem = "required" | "tooShort" | "tooLong";

/**
 * The one length rule of a text a person types: empty and too short as a reader sees it
 * (visibleLength: four zero-width spaces are no project name), too long as stored (code points
 * of the trimmed text). An optional field left blank is fine; one holding only invisible
 * characters is too short (it would be stored, and shown as nothing).
 */
export function textLengthProblem(value: string, limits: { min?: number; max: number; required: boolean }): TextLengthProblem | null {
  const stored = [...value.trim()].length;
  if (stored === 0) return limits.required ? "required" : null;
  const visible = visibleLength(value);
  if (visible === 0 && limits.required) return "required";
  if (visible < Math.max(limits.min ?? 1, 1)) return "tooShort";
  if (stored > limits.max) return "tooLong";
  return null;
}
