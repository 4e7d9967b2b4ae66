import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type DemandApplication,
  netPrimaryDemand,
  type RecyclingOffset,
  recyclingOffset,
  type SubstitutionOffset,
  substitutionOffset,
} from '../../src/index.js';
import { refusal as error } from '../support/refusal.js';

const motorsDemand = {
  Nd: { start: 2030, values: [100, 110, 120, 130] },
  Dy: { start: 2030, values: [5, 5, 5, 5] },
};
const recycling: RecyclingOffset = recyclingOffset({
  sales: { start: 2029, values: [300, 300, 300, 300, 300] },
  lifetime: { kind: 'fixed', mean: 1 },
  timing: 'end',
  content: { Nd: 0.1 },
  collection: 0.5,
  preprocessing: 1,
  processing: 1,
});
const substitution: SubstitutionOffset = substitutionOffset({
  demand: motorsDemand,
  option: { name: 'ferrite', adoption: 0.1, intensityChange: -1 },
});

describe('netPrimaryDemand', () => {
  test('demand = primary + recycled + substituted, per application and in total', () => {
    const net = netPrimaryDemand({
      applications: [
        { name: 'EV motors', demand: motorsDemand, recycling, substitution },
        { name: 'wind', demand: { Nd: { start: 2028, values: [50, 50, 50, 50, 50] } } },
      ],
    });
    // wind covers 2028–2032, motors 2030–2033: the common years are 2030–2032.
    expect(net.years).toEqual([2030, 2031, 2032]);
    const motors = net.applications[0]?.elements;
    expect(Object.keys(motors ?? {})).toEqual(['Nd', 'Dy']);
    expect(motors?.Nd?.demand).toEqual([100, 110, 120]);
    expect(motors?.Nd?.recycled).toEqual([15, 15, 15]);
    expect(motors?.Nd?.substituted.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([10, 11, 12]);
    expect(motors?.Nd?.primary.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([75, 84, 93]);
    expect(motors?.Dy?.recycled).toEqual([0, 0, 0]);
    expect(net.applications[1]?.name).toBe('wind');
    expect(net.applications[1]?.elements.Nd).toEqual({
      demand: [50, 50, 50],
      recycled: [0, 0, 0],
      substituted: [0, 0, 0],
      primary: [50, 50, 50],
    });
    expect(net.total.Nd?.demand).toEqual([150, 160, 170]);
    expect(net.total.Nd?.primary.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([125, 134, 143]);
    expect(Object.keys(net.total)).toEqual(['Nd', 'Dy']);
  });

  test('the terms always add up (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 10 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 0.5, noNaN: true }),
        (values, adoption, change) => {
          const demand = { Nd: { start: 2030, values } };
          const net = netPrimaryDemand({
            applications: [
              {
                name: 'a',
                substitution: substitutionOffset({
                  demand,
                  option: { adoption, intensityChange: change },
                }),
              },
            ],
          });
          const t = net.total.Nd;
          t?.demand.forEach((d, k) => {
            const sum =
              (t.primary[k] as number) + (t.recycled[k] as number) + (t.substituted[k] as number);
            expect(Math.abs(sum - d)).toBeLessThanOrEqual(1e-9 * Math.max(1, d));
          });
        },
      ),
    );
  });

  test('takes the demand from the substitution result, else from the recycling result', () => {
    const fromSubstitution = netPrimaryDemand({ applications: [{ name: 'm', substitution }] });
    expect(fromSubstitution.years).toEqual([2030, 2031, 2032, 2033]);
    expect(fromSubstitution.total.Nd?.demand).toEqual([100, 110, 120, 130]);
    const fromRecycling = netPrimaryDemand({ applications: [{ name: 'm', recycling }] });
    expect(fromRecycling.years).toEqual([2029, 2030, 2031, 2032, 2033]);
    expect(fromRecycling.total.Nd?.demand).toEqual([30, 30, 30, 30, 30]);
    expect(fromRecycling.total.Nd?.primary).toEqual([30, 15, 15, 15, 15]);
  });

  test('adds several substitution options, whose shares must not exceed 1', () => {
    const second = substitutionOffset({
      demand: motorsDemand,
      option: { name: 'induction', adoption: 0.3, intensityChange: { Nd: -0.5 } },
    });
    const net = netPrimaryDemand({
      applications: [{ name: 'm', substitution: [substitution, second] }],
    });
    expect(net.total.Nd?.substituted.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([
      25, 27.5, 30, 32.5,
    ]);
    const third = substitutionOffset({
      demand: motorsDemand,
      option: { adoption: 0.65, intensityChange: -1 },
    });
    expect(
      error(() =>
        netPrimaryDemand({
          applications: [{ name: 'm', substitution: [substitution, second, third] }],
        }),
      ).message,
    ).toBe(
      'netPrimaryDemand: applications[0].substitution: expected adoption shares summing to at most 1 (2030 included), got 1.05',
    );
  });

  test('a negative primary demand means the offsets exceed the demand', () => {
    const net = netPrimaryDemand({
      applications: [
        { name: 'm', demand: { Nd: { start: 2030, values: [10, 10, 10, 10] } }, recycling },
      ],
    });
    expect(net.total.Nd?.primary).toEqual([-5, -5, -5, -5]);
  });

  test('refuses bad input', () => {
    const m = (app: Partial<DemandApplication>) =>
      error(() => netPrimaryDemand({ applications: [{ name: 'm', ...app } as DemandApplication] }))
        .message;
    expect(error(() => netPrimaryDemand({ applications: [] })).message).toBe(
      'netPrimaryDemand: applications: expected a non-empty array of applications, got an array of length 0',
    );
    expect(error(() => netPrimaryDemand(undefined as never)).message).toBe(
      'netPrimaryDemand: applications: expected a non-empty array of applications, got undefined',
    );
    expect(error(() => netPrimaryDemand({ applications: [null as never] })).message).toBe(
      'netPrimaryDemand: applications[0]: expected an application { name, demand?, recycling?, substitution? }, got null',
    );
    expect(
      error(() =>
        netPrimaryDemand({
          applications: [
            { name: 'a', substitution },
            { name: 'a', substitution },
          ],
        }),
      ).message,
    ).toBe('netPrimaryDemand: applications[1].name: expected a unique, non-empty name, got "a"');
    expect(
      error(() => netPrimaryDemand({ applications: [{ name: '', substitution }] })).message,
    ).toBe('netPrimaryDemand: applications[0].name: expected a unique, non-empty name, got ""');
    expect(m({})).toBe(
      'netPrimaryDemand: applications[0].demand: expected a demand, or a recycling or substitution result to take it from, got undefined',
    );
    expect(m({ recycling: {} as never })).toBe(
      'netPrimaryDemand: applications[0].recycling: expected a result of recyclingOffset or substitutionOffset, got an object',
    );
    expect(m({ substitution: [substitution, { years: [] } as never] })).toBe(
      'netPrimaryDemand: applications[0].substitution[1]: expected a result of recyclingOffset or substitutionOffset, got an object',
    );
    expect(m({ demand: { Nd: { start: 2030, values: [1, 2, 3, 4] } }, substitution })).toBe(
      'netPrimaryDemand: applications[0].substitution.elements.Dy: expected an element of the application\'s demand (Nd), got "Dy"',
    );
    expect(m({ demand: { Dy: { start: 2030, values: [1, 2, 3, 4] } }, recycling })).toBe(
      'netPrimaryDemand: applications[0].recycling.elements.Nd: expected an element of the application\'s demand (Dy), got "Nd"',
    );
    expect(m({ demand: { Nd: { start: 2030, values: [1, 2, 3, 4, 5] } }, recycling })).toBe(
      'netPrimaryDemand: applications[0].recycling: expected years covering 2030–2034, got "2029–2033"',
    );
    const longer = { start: 2030, values: [1, 2, 3, 4, 5] };
    expect(m({ demand: { Nd: longer, Dy: longer }, substitution })).toBe(
      'netPrimaryDemand: applications[0].substitution: expected years covering 2030–2034, got "2030–2033"',
    );
    expect(m({ demand: { Nd: longer, Dy: longer }, substitution: [substitution] })).toBe(
      'netPrimaryDemand: applications[0].substitution[0]: expected years covering 2030–2034, got "2030–2033"',
    );
    expect(
      error(() =>
        netPrimaryDemand({
          applications: [
            { name: 'a', demand: { Nd: { start: 2000, values: [1] } } },
            { name: 'b', demand: { Nd: { start: 2010, values: [1] } } },
          ],
        }),
      ).message,
    ).toBe(
      'netPrimaryDemand: applications: expected demand series sharing at least one year, got "2010–2000"',
    );
  });
});

describe('netPrimaryDemand, edges', () => {
  test('an element the substitution does not touch has nothing substituted; shares summing to exactly 1 pass', () => {
    const onlyNd = substitutionOffset({
      demand: { Nd: motorsDemand.Nd },
      option: { adoption: 0.4, intensityChange: -1 },
    });
    const rest = substitutionOffset({
      demand: { Nd: motorsDemand.Nd },
      option: { adoption: 0.6, intensityChange: 0 },
    });
    const net = netPrimaryDemand({
      applications: [{ name: 'm', demand: motorsDemand, substitution: [onlyNd, rest] }],
    });
    expect(net.total.Dy?.substituted).toEqual([0, 0, 0, 0]);
    expect(net.total.Nd?.substituted.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([
      40, 44, 48, 52,
    ]);
  });

  test('refuses more bad input', () => {
    const m = (app: Partial<DemandApplication>) =>
      error(() => netPrimaryDemand({ applications: [{ name: 'm', ...app } as DemandApplication] }))
        .message;
    expect(error(() => netPrimaryDemand({ applications: [5 as never] })).message).toBe(
      'netPrimaryDemand: applications[0]: expected an application { name, demand?, recycling?, substitution? }, got 5',
    );
    expect(
      error(() => netPrimaryDemand({ applications: [{ name: 5 as never, substitution }] })).message,
    ).toBe('netPrimaryDemand: applications[0].name: expected a unique, non-empty name, got 5');
    expect(m({ substitution: { years: [2030], elements: null } as never })).toBe(
      'netPrimaryDemand: applications[0].substitution: expected a result of recyclingOffset or substitutionOffset, got an object',
    );
    expect(m({ substitution: [substitution, null as never] })).toBe(
      'netPrimaryDemand: applications[0].substitution[1]: expected a result of recyclingOffset or substitutionOffset, got null',
    );
    expect(m({ recycling: { years: 2030, elements: {} } as never })).toBe(
      'netPrimaryDemand: applications[0].recycling: expected a result of recyclingOffset or substitutionOffset, got an object',
    );
    expect(m({ substitution: { ...substitution, elements: {} } })).toBe(
      'netPrimaryDemand: applications[0].demand: expected at least one element, got an object',
    );
    expect(m({ demand: { Fe: motorsDemand.Nd } as never })).toBe(
      'netPrimaryDemand: applications[0].demand.Fe: expected a rare-earth element symbol such as Nd or Dy, got "Fe"',
    );
    expect(m({ demand: { Nd: { start: 2030, values: [-1] } } })).toBe(
      'netPrimaryDemand: applications[0].demand.Nd.values[0]: expected a finite non-negative number, got -1',
    );
    expect(m({ demand: { Nd: motorsDemand.Nd, Pr: motorsDemand.Nd }, substitution })).toBe(
      'netPrimaryDemand: applications[0].substitution.elements.Dy: expected an element of the application\'s demand (Pr, Nd), got "Dy"',
    );
  });
});
