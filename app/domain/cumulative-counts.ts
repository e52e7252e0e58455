/**
 * A year's count and the count since the plan began. A closed year counts with its snapshot
 * (what it showed when it was closed, so past figures never move); an open year with its live count.
 */
export function yearAndCumulative(
  live: ReadonlyMap<number, number>,
  closed: ReadonlyMap<number, number>,
  firstFiscalYearBE: number,
  fiscalYearBE: number,
): { perYear: number; cumulative: number } {
  const countOf = (year: number) => closed.get(year) ?? live.get(year) ?? 0;
  let cumulative = 0;
  for (let year = firstFiscalYearBE; year <= fiscalYearBE; year++) cumulative += countOf(year);
  return { perYear: countOf(fiscalYearBE), cumulative };
}
