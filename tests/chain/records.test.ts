// The small record readers shared by the chain functions (internal): which trade flows cover a
// year, and which facility figure answers a year. Hand-built records; answers worked by hand.
import { describe, expect, test } from 'vitest';
import { coversYear, facilityFigure } from '../../src/chain/records.js';
import type { ElementSymbol, FacilityFigure, TradeFlow } from '../../src/index.js';

const provenance = { source: 's', tag: 'reported' as const };

function flow(when: { year?: number; period?: { from: number; to: number } }): TradeFlow {
  return {
    ...when,
    exporter: 'CHN',
    importer: 'USA',
    commodity: { description: 'rare-earth compounds' },
    share: 0.7,
    provenance,
  };
}

function figure(amount: number, year?: number, elements?: ElementSymbol[]): FacilityFigure {
  return {
    quantity: { amount, unit: 't', basis: 'REO' },
    provenance,
    ...(year === undefined ? {} : { year }),
    ...(elements === undefined ? {} : { elements }),
  };
}

describe('coversYear', () => {
  test('a dated flow covers its year only', () => {
    expect(coversYear(flow({ year: 2024 }), 2024)).toBe(true);
    // No period: the flow must not be read as covering other years (nor read a missing period).
    expect(coversYear(flow({ year: 2024 }), 2023)).toBe(false);
    expect(coversYear(flow({ year: 2024 }), 2025)).toBe(false);
  });

  test('a period covers both of its ends and the years between, nothing outside', () => {
    const usgs = flow({ period: { from: 2020, to: 2023 } });
    expect(coversYear(usgs, 2019)).toBe(false);
    expect(coversYear(usgs, 2020)).toBe(true);
    expect(coversYear(usgs, 2022)).toBe(true);
    expect(coversYear(usgs, 2023)).toBe(true);
    expect(coversYear(usgs, 2024)).toBe(false);
  });
});

describe('facilityFigure', () => {
  test('no figures, or none usable, is undefined', () => {
    expect(facilityFigure(undefined, 2024, false)).toBeUndefined();
    expect(facilityFigure([], 2024, true)).toBeUndefined();
    expect(facilityFigure([figure(10, 2025)], 2024, false)).toBeUndefined();
    expect(facilityFigure([figure(10, 2023)], 2024, true)).toBeUndefined();
  });

  test("without 'exact', a figure dated the year itself is usable", () => {
    expect(facilityFigure([figure(10, 2024)], 2024, false)).toBe(10);
    expect(facilityFigure([figure(10, 2024)], 2024, true)).toBe(10);
  });

  test('the latest figure at or before the year wins, whatever the order of the records', () => {
    const older = figure(100, 2022);
    const newer = figure(120, 2024);
    const later = figure(999, 2025);
    expect(facilityFigure([older, newer], 2024, false)).toBe(120);
    expect(facilityFigure([newer, older], 2024, false)).toBe(120);
    expect(facilityFigure([older, newer, later], 2024, false)).toBe(120);
    expect(facilityFigure([later, newer, older], 2024, false)).toBe(120);
    expect(facilityFigure([older, newer], 2023, false)).toBe(100);
  });

  test('an undated figure (a nameplate) counts as the oldest', () => {
    const nameplate = figure(50);
    const dated = figure(80, 2023);
    expect(facilityFigure([nameplate], 2024, false)).toBe(50);
    expect(facilityFigure([nameplate, dated], 2024, false)).toBe(80);
    expect(facilityFigure([dated, nameplate], 2024, false)).toBe(80);
    expect(facilityFigure([nameplate, dated], 2022, false)).toBe(50);
    // 'exact' never takes an undated figure.
    expect(facilityFigure([nameplate], 2024, true)).toBeUndefined();
  });

  test('with exact, the figure dated that year, even if a later one exists', () => {
    const figures = [figure(100, 2022), figure(120, 2024), figure(130, 2023)];
    expect(facilityFigure(figures, 2023, true)).toBe(130);
    expect(facilityFigure(figures, 2024, true)).toBe(120);
  });

  test('a total is preferred over a newer element-scoped figure', () => {
    // An NdPr-oxide figure of 30 t (2024) beside the facility's total of 100 t (2023).
    const total = figure(100, 2023);
    const ndpr = figure(30, 2024, ['Nd', 'Pr']);
    expect(facilityFigure([total, ndpr], 2024, false)).toBe(100);
    expect(facilityFigure([ndpr, total], 2024, false)).toBe(100);
    // With exact 2024 only the scoped figure is usable, so it is the answer.
    expect(facilityFigure([total, ndpr], 2024, true)).toBe(30);
    // Without any total, the latest scoped figure is used.
    expect(facilityFigure([figure(20, 2022, ['Nd']), ndpr], 2024, false)).toBe(30);
  });

  test('the amount is read as a number, from a decimal string too', () => {
    const exact: FacilityFigure = {
      year: 2024,
      quantity: { amount: '12.5', unit: 't', basis: 'REO' },
      provenance,
    };
    expect(facilityFigure([exact], 2024, true)).toBe(12.5);
  });
});
