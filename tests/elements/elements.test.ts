import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type ElementSymbol,
  element,
  elementGroup,
  elementSymbols,
  elementsInGroup,
  isElementSymbol,
  metalToOxide,
  oxideToMetal,
  RareEarthsError,
} from '../../src/index.js';
import factors from '../fixtures/oxide-factors.json' with { type: 'json' };

const ALL: ElementSymbol[] = [
  'Sc',
  'Y',
  'La',
  'Ce',
  'Pr',
  'Nd',
  'Pm',
  'Sm',
  'Eu',
  'Gd',
  'Tb',
  'Dy',
  'Ho',
  'Er',
  'Tm',
  'Yb',
  'Lu',
];

describe('element table', () => {
  test('holds the 17 rare earths in order of atomic number', () => {
    expect(elementSymbols()).toEqual(ALL);
    const numbers = ALL.map((symbol) => element(symbol).atomicNumber);
    expect(numbers).toEqual([21, 39, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71]);
  });

  test('atomic weights are the CIAAW standard values (2021, Gd and Lu revised 2024)', () => {
    // Source: IUPAC CIAAW, Standard atomic weights of the elements 2021, doi:10.1515/pac-2019-0603;
    // Gd 157.249 and Lu 174.96669 from the CIAAW revision of 2024 (C&EN, 2024).
    expect(element('Nd').atomicWeight).toBe('144.242');
    expect(element('Gd').atomicWeight).toBe('157.249');
    expect(element('Lu').atomicWeight).toBe('174.96669');
    expect(element('Yb').atomicWeight).toBe('173.045');
    expect(element('Y').atomicWeight).toBe('88.905838');
    expect(element('Pm').atomicWeightBasis).toBe('mass-number');
    expect(ALL.filter((s) => element(s).atomicWeightBasis === 'standard')).toHaveLength(16);
  });

  test('usual oxides are the ones REO is reported as', () => {
    expect(element('Ce').oxide.formula).toBe('CeO2');
    expect(element('Pr').oxide).toEqual({ formula: 'Pr6O11', metalAtoms: 6, oxygenAtoms: 11 });
    expect(element('Tb').oxide.formula).toBe('Tb4O7');
    expect(element('Tb').alternativeOxides.map((o) => o.formula)).toEqual(['Tb2O3']);
    expect(element('Nd').alternativeOxides).toEqual([]);
  });

  test('returns fresh records: mutating one does not change the table', () => {
    const nd = element('Nd') as { name: string; groups: { eu: string } };
    nd.name = 'changed';
    nd.groups.eu = 'heavy';
    expect(element('Nd').name).toBe('neodymium');
    expect(element('Nd').groups.eu).toBe('light');
    const list = elementSymbols();
    list.pop();
    expect(elementSymbols()).toHaveLength(17);
  });

  test('unknown symbols are refused with the list and a case hint', () => {
    expect(() => element('ND' as ElementSymbol)).toThrow(
      'element: symbol: expected a rare-earth element symbol (one of Sc, Y, La, Ce, Pr, Nd, Pm, Sm, Eu, Gd, Tb, Dy, Ho, Er, Tm, Yb, Lu), got "ND" (did you mean "Nd"?)',
    );
    expect(() => element('Fe' as ElementSymbol)).toThrow(/got "Fe"$/);
    expect(() => element(60 as unknown as ElementSymbol)).toThrow(/got 60$/);
    expect(() => element('Fe' as ElementSymbol)).toThrow(RareEarthsError);
  });

  test('isElementSymbol is exact and case-sensitive', () => {
    for (const symbol of ALL) expect(isElementSymbol(symbol)).toBe(true);
    for (const value of ['nd', 'ND', 'Fe', '', null, 60, {}])
      expect(isElementSymbol(value)).toBe(false);
  });
});

describe('groups', () => {
  test('the USGS and EU schemes disagree exactly on Eu and Gd (and Pm, Sc naming)', () => {
    const differ = ALL.filter(
      (s) => elementGroup(s, { scheme: 'usgs' }) !== elementGroup(s, { scheme: 'eu' }),
    );
    expect(differ).toEqual(['Pm', 'Eu', 'Gd']);
    expect(elementGroup('Eu', { scheme: 'usgs' })).toBe('light');
    expect(elementGroup('Eu', { scheme: 'eu' })).toBe('heavy');
    expect(elementGroup('Pm', { scheme: 'eu' })).toBe('unassessed');
  });

  test('EU 2023 groups: LREE Ce, La, Nd, Pr, Sm; HREE ten elements; Sc alone', () => {
    // Source: Grohol & Veeh (2023), EU CRM study, group composition (brief §1.1).
    expect(elementsInGroup('light', { scheme: 'eu' })).toEqual(['La', 'Ce', 'Pr', 'Nd', 'Sm']);
    expect(elementsInGroup('heavy', { scheme: 'eu' }).sort()).toEqual(
      ['Dy', 'Er', 'Eu', 'Gd', 'Ho', 'Lu', 'Tb', 'Tm', 'Yb', 'Y'].sort(),
    );
    expect(elementsInGroup('scandium', { scheme: 'eu' })).toEqual(['Sc']);
    expect(elementsInGroup('unassessed', { scheme: 'eu' })).toEqual(['Pm']);
  });

  test('USGS MCS 2026: Tb-Lu heavy, Y considered heavy, La-Gd light', () => {
    expect(elementsInGroup('heavy', { scheme: 'usgs' })).toEqual([
      'Y',
      'Tb',
      'Dy',
      'Ho',
      'Er',
      'Tm',
      'Yb',
      'Lu',
    ]);
    expect(elementsInGroup('light', { scheme: 'usgs' })).toEqual([
      'La',
      'Ce',
      'Pr',
      'Nd',
      'Pm',
      'Sm',
      'Eu',
      'Gd',
    ]);
    expect(elementsInGroup('unassessed', { scheme: 'usgs' })).toEqual([]);
  });

  test('every element is in exactly one group per scheme', () => {
    for (const scheme of ['usgs', 'eu'] as const) {
      const groups = (['light', 'heavy', 'scandium', 'unassessed'] as const).flatMap((g) =>
        elementsInGroup(g, { scheme }),
      );
      expect(groups.sort()).toEqual([...ALL].sort());
    }
  });

  test('a missing or unknown scheme or group is refused', () => {
    expect(() => elementGroup('Nd', {} as { scheme: 'eu' })).toThrow(
      "elementGroup: options.scheme: expected 'usgs' or 'eu', got undefined",
    );
    expect(() => elementGroup('Nd', undefined as unknown as { scheme: 'eu' })).toThrow(
      'elementGroup: options.scheme',
    );
    expect(() => elementsInGroup('medium' as 'light', { scheme: 'eu' })).toThrow(
      "elementsInGroup: group: expected 'light', 'heavy', 'scandium' or 'unassessed', got \"medium\"",
    );
    expect(() => elementsInGroup('light', { scheme: 'jogmec' as 'eu' })).toThrow(
      'elementsInGroup: options.scheme',
    );
    expect(() => elementGroup('Xx' as ElementSymbol, { scheme: 'eu' })).toThrow(
      'elementGroup: symbol',
    );
  });
});

describe('oxide <-> metal factors', () => {
  test('match exact rational arithmetic (tests/elements/oxide_factors.py) to 1e-15', () => {
    expect(factors).toHaveLength(20);
    for (const row of factors) {
      const symbol = row.symbol as ElementSymbol;
      expect(oxideToMetal(symbol, { oxide: row.oxide })).toBeCloseTo(row.oxideToMetal, 15);
      expect(metalToOxide(symbol, { oxide: row.oxide })).toBeCloseTo(row.metalToOxide, 15);
    }
  });

  test('match the published industry factors to four decimals', () => {
    // Industry metal->oxide factors quoted in ../shared/data/brief.md §5.1 (La2O3 1.1728,
    // CeO2 1.2284, Pr6O11 1.2082, Nd2O3 1.1664), and the brief's derived table.
    const published: [ElementSymbol, number, number][] = [
      ['Sc', 0.652, 1.5338],
      ['Y', 0.7874, 1.2699],
      ['La', 0.8527, 1.1728],
      ['Ce', 0.8141, 1.2284],
      ['Pr', 0.8277, 1.2082],
      ['Nd', 0.8574, 1.1664],
      ['Sm', 0.8624, 1.1596],
      ['Eu', 0.8636, 1.1579],
      ['Gd', 0.8676, 1.1526],
      ['Tb', 0.8502, 1.1762],
      ['Dy', 0.8713, 1.1477],
      ['Ho', 0.873, 1.1455],
      ['Er', 0.8745, 1.1435],
      ['Tm', 0.8756, 1.1421],
      ['Yb', 0.8782, 1.1387],
      ['Lu', 0.8794, 1.1372],
    ];
    for (const [symbol, toMetal, toOxide] of published) {
      expect(Math.abs(oxideToMetal(symbol) - toMetal)).toBeLessThanOrEqual(0.00005);
      expect(Math.abs(metalToOxide(symbol) - toOxide)).toBeLessThanOrEqual(0.00005);
    }
  });

  test('the two factors are reciprocal for every element and oxide', () => {
    fc.assert(
      fc.property(fc.constantFrom(...factors), (row) => {
        const symbol = row.symbol as ElementSymbol;
        const product =
          oxideToMetal(symbol, { oxide: row.oxide }) * metalToOxide(symbol, { oxide: row.oxide });
        return Math.abs(product - 1) < 1e-15;
      }),
    );
  });

  test('an oxide the element does not form is refused, naming the ones it does', () => {
    expect(() => oxideToMetal('Nd', { oxide: 'NdO2' })).toThrow(
      'oxideToMetal: options.oxide: expected an oxide of Nd (Nd2O3), got "NdO2"',
    );
    expect(() => metalToOxide('Ce', { oxide: 'Ce3O4' })).toThrow(
      'metalToOxide: options.oxide: expected an oxide of Ce (CeO2 or Ce2O3), got "Ce3O4"',
    );
    expect(() => oxideToMetal('Xx' as ElementSymbol)).toThrow('oxideToMetal: symbol');
  });
});
