/**
 * Small readers of dataset records shared by the chain functions.
 *
 * @internal
 * @packageDocumentation
 */
import type { FacilityFigure, TradeFlow } from '../model/index.js';

/** Whether a trade flow's year, or its period, covers a year. @internal */
export function coversYear(flow: TradeFlow, year: number): boolean {
  return (
    flow.year === year ||
    (flow.period !== undefined && flow.period.from <= year && year <= flow.period.to)
  );
}

/**
 * A facility's figure for a year, t per year: with `exact`, the figure dated that year; otherwise
 * the latest dated at or before it, or an undated one. Totals (no element scope) are preferred.
 *
 * @internal
 */
export function facilityFigure(
  figures: readonly FacilityFigure[] | undefined,
  year: number,
  exact: boolean,
): number | undefined {
  const usable = (figures ?? []).filter((f) =>
    exact ? f.year === year : f.year === undefined || f.year <= year,
  );
  const totals = usable.filter((f) => f.elements === undefined);
  const pick = [...(totals.length > 0 ? totals : usable)].sort(
    (a, b) => (b.year ?? 0) - (a.year ?? 0),
  )[0];
  return pick === undefined ? undefined : Number(pick.quantity.amount);
}
