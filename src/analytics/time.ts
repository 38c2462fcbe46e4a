/**
 * Calendar helpers for daily data whose dates are ms since epoch at UTC midnight (as Arrow
 * DateDay values arrive in pages and loaders).
 */
export const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the ISO week containing `date`. */
export function isoWeekStart(date: number): number {
  const day = Math.floor(date / DAY_MS);
  const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
  return (day - weekday) * DAY_MS;
}

/**
 * Sums the given fields per ISO week (Monday start). Weeks not fully covered by the data (the
 * first and last when the range starts or ends mid-week) are dropped, so a partial week never
 * looks like a collapse.
 */
export function sumByWeek<K extends string>(rows: Iterable<{date: number} & Record<K, number>>, fields: readonly K[]): ({week: number; days: number} & Record<K, number>)[] {
  const weeks = new Map<number, {week: number; days: Set<number>} & Record<string, unknown>>();
  let first = Infinity;
  let last = -Infinity;
  for (const row of rows) {
    first = Math.min(first, row.date);
    last = Math.max(last, row.date);
    const week = isoWeekStart(row.date);
    let acc = weeks.get(week);
    if (!acc) {
      acc = {week, days: new Set<number>()};
      for (const f of fields) acc[f] = 0;
      weeks.set(week, acc);
    }
    acc.days.add(row.date);
    for (const f of fields) (acc[f] as number) += row[f];
  }
  return [...weeks.values()]
    .filter((w) => w.week >= first && w.week + 6 * DAY_MS <= last)
    .sort((a, b) => a.week - b.week)
    .map(({days, ...w}) => ({...w, days: days.size}) as {week: number; days: number} & Record<K, number>);
}
