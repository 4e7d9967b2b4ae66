/**
 * The 17 rare-earth elements as data. Nothing here is computed: factors are derived on demand by
 * the functions in `./elements.ts`.
 *
 * Standard atomic weights: IUPAC CIAAW, "Standard atomic weights of the elements 2021" (Prohaska
 * et al., Pure Appl. Chem. 94(5), 2022, doi:10.1515/pac-2019-0603), with the 2024 revisions of
 * gadolinium (157.249) and lutetium (174.96669) announced by CIAAW in August 2024. Promethium has
 * no stable isotope and no standard atomic weight; the mass number of its longest-lived isotope,
 * 145, is used, as periodic tables conventionally do. Oxygen: 15.999, the CIAAW conventional value.
 *
 * Groups: USGS, Mineral Commodity Summaries 2026, "Rare Earths (Heavy)": terbium through lutetium
 * are heavy, yttrium is "considered a heavy-rare-earth element"; lanthanum through gadolinium are
 * therefore light; scandium has its own chapter. EU: Grohol & Veeh (2023), Study on the Critical
 * Raw Materials for the EU 2023: LREE = Ce, La, Nd, Pr, Sm; HREE = Dy, Er, Eu, Gd, Ho, Lu, Tb, Tm,
 * Yb, Y; scandium assessed on its own; promethium not assessed.
 *
 * @internal
 * @packageDocumentation
 */

/** @internal */
export interface OxideRow {
  readonly formula: string;
  readonly metalAtoms: number;
  readonly oxygenAtoms: number;
}

/** @internal */
export interface ElementRow {
  readonly symbol: string;
  readonly name: string;
  readonly atomicNumber: number;
  readonly atomicWeight: string;
  readonly atomicWeightBasis: 'standard' | 'mass-number';
  /** The usual oxide first (the one REO figures are reported as), then alternatives. */
  readonly oxides: readonly OxideRow[];
  readonly usgs: 'light' | 'heavy' | 'scandium';
  readonly eu: 'light' | 'heavy' | 'scandium' | 'unassessed';
}

/** Atomic weight of oxygen, CIAAW conventional value. @internal */
export const OXYGEN_ATOMIC_WEIGHT = '15.999';

/** @internal */
export const ELEMENT_ROWS = [
  {
    symbol: 'Sc',
    name: 'scandium',
    atomicNumber: 21,
    atomicWeight: '44.955907',
    atomicWeightBasis: 'standard',
    oxides: [{ formula: 'Sc2O3', metalAtoms: 2, oxygenAtoms: 3 }],
    usgs: 'scandium',
    eu: 'scandium',
  },
  {
    symbol: 'Y',
    name: 'yttrium',
    atomicNumber: 39,
    atomicWeight: '88.905838',
    atomicWeightBasis: 'standard',
    oxides: [{ formula: 'Y2O3', metalAtoms: 2, oxygenAtoms: 3 }],
    usgs: 'heavy',
    eu: 'heavy',
  },
  {
    symbol: 'La',
    name: 'lanthanum',
    atomicNumber: 57,
    atomicWeight: '138.90547',
    atomicWeightBasis: 'standard',
    oxides: [{ formula: 'La2O3', metalAtoms: 2, oxygenAtoms: 3 }],
    usgs: 'light',
    eu: 'light',
  },
  {
    symbol: 'Ce',
    name: 'cerium',
    atomicNumber: 58,
    atomicWeight: '140.116',
    atomicWeightBasis: 'standard',
    oxides: [
      { formula: 'CeO2', metalAtoms: 1, oxygenAtoms: 2 },
      { formula: 'Ce2O3', metalAtoms: 2, oxygenAtoms: 3 },
    ],
    usgs: 'light',
    eu: 'light',
  },
  {
    symbol: 'Pr',
    name: 'praseodymium',
    atomicNumber: 59,
    atomicWeight: '140.90766',
    atomicWeightBasis: 'standard',
    oxides: [
      { formula: 'Pr6O11', metalAtoms: 6, oxygenAtoms: 11 },
      { formula: 'Pr2O3', metalAtoms: 2, oxygenAtoms: 3 },
    ],
    usgs: 'light',
    eu: 'light',
  },
  {
    symbol: 'Nd',
    name: 'neodymium',
    atomicNumber: 60,
    atomicWeight: '144.242',
    atomicWeightBasis: 'standard',
    oxides: [{ formula: 'Nd2O3', metalAtoms: 2, oxygenAtoms: 3 }],
    usgs: 'light',
    eu: 'light',
  },
  {
    symbol: 'Pm',
    name: 'promethium',
    atomicNumber: 61,
    atomicWeight: '145',
    atomicWeightBasis: 'mass-number',
    oxides: [{ formula: 'Pm2O3', metalAtoms: 2, oxygenAtoms: 3 }],
    usgs: 'light',
    eu: 'unassessed',
  },
  {
    symbol: 'Sm',
    name: 'samarium',
    atomicNumber: 62,
    atomicWeight: '150.36',
    atomicWeightBasis: 'standard',
    oxides: [{ formula: 'Sm2O3', metalAtoms: 2, oxygenAtoms: 3 }],
    usgs: 'light',
    eu: 'light',
  },
  {
    symbol: 'Eu',
    name: 'europium',
    atomicNumber: 63,
    atomicWeight: '151.964',
    atomicWeightBasis: 'standard',
    oxides: [{ formula: 'Eu2O3', metalAtoms: 2, oxygenAtoms: 3 }],
    usgs: 'light',
    eu: 'heavy',
  },
  {
    symbol: 'Gd',
    name: 'gadolinium',
    atomicNumber: 64,
    atomicWeight: '157.249',
    atomicWeightBasis: 'standard',
    oxides: [{ formula: 'Gd2O3', metalAtoms: 2, oxygenAtoms: 3 }],
    usgs: 'light',
    eu: 'heavy',
  },
  {
    symbol: 'Tb',
    name: 'terbium',
    atomicNumber: 65,
    atomicWeight: '158.925354',
    atomicWeightBasis: 'standard',
    oxides: [
      { formula: 'Tb4O7', metalAtoms: 4, oxygenAtoms: 7 },
      { formula: 'Tb2O3', metalAtoms: 2, oxygenAtoms: 3 },
    ],
    usgs: 'heavy',
    eu: 'heavy',
  },
  {
    symbol: 'Dy',
    name: 'dysprosium',
    atomicNumber: 66,
    atomicWeight: '162.500',
    atomicWeightBasis: 'standard',
    oxides: [{ formula: 'Dy2O3', metalAtoms: 2, oxygenAtoms: 3 }],
    usgs: 'heavy',
    eu: 'heavy',
  },
  {
    symbol: 'Ho',
    name: 'holmium',
    atomicNumber: 67,
    atomicWeight: '164.930329',
    atomicWeightBasis: 'standard',
    oxides: [{ formula: 'Ho2O3', metalAtoms: 2, oxygenAtoms: 3 }],
    usgs: 'heavy',
    eu: 'heavy',
  },
  {
    symbol: 'Er',
    name: 'erbium',
    atomicNumber: 68,
    atomicWeight: '167.259',
    atomicWeightBasis: 'standard',
    oxides: [{ formula: 'Er2O3', metalAtoms: 2, oxygenAtoms: 3 }],
    usgs: 'heavy',
    eu: 'heavy',
  },
  {
    symbol: 'Tm',
    name: 'thulium',
    atomicNumber: 69,
    atomicWeight: '168.934219',
    atomicWeightBasis: 'standard',
    oxides: [{ formula: 'Tm2O3', metalAtoms: 2, oxygenAtoms: 3 }],
    usgs: 'heavy',
    eu: 'heavy',
  },
  {
    symbol: 'Yb',
    name: 'ytterbium',
    atomicNumber: 70,
    atomicWeight: '173.045',
    atomicWeightBasis: 'standard',
    oxides: [{ formula: 'Yb2O3', metalAtoms: 2, oxygenAtoms: 3 }],
    usgs: 'heavy',
    eu: 'heavy',
  },
  {
    symbol: 'Lu',
    name: 'lutetium',
    atomicNumber: 71,
    atomicWeight: '174.96669',
    atomicWeightBasis: 'standard',
    oxides: [{ formula: 'Lu2O3', metalAtoms: 2, oxygenAtoms: 3 }],
    usgs: 'heavy',
    eu: 'heavy',
  },
] as const satisfies readonly ElementRow[];
