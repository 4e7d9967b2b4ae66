// Every assumption an evaluation shows is one it applied, and every one it applied is shown.
// For each preset the expected list is worked out here from the scenario, the dataset and the rows,
// independently of the code that writes the list, and compared with it both ways.
import { describe, expect, test } from 'vitest';
import { baseline, presets } from '../../src/data/index.js';
import {
  elementSymbols,
  evaluate,
  type Intervention,
  resolveScenario,
  type Scenario,
  type ScenarioAssumptionKind,
  type ScenarioEvaluation,
  type Stage,
} from '../../src/index.js';

const KINDS: readonly ScenarioAssumptionKind[] = [
  'stage-table',
  'stage-size',
  'stage-missing',
  'import-line',
  'demand-path',
  'sales-history',
  'recycling-default',
  'restrictions',
  'composition',
  'composition-unknown',
  'withheld-supply',
  'capacity-basis',
  'capacity-ignored',
  'stockpile',
  'resilience',
];
const STAGES: readonly Stage[] = ['mining', 'separation', 'metal', 'magnet'];
const FIELDS = ['collectionRate', 'preprocessingYield', 'processingYield'] as const;

type Entry = `${ScenarioAssumptionKind} ${string}`;

/** The assumptions an evaluation must list, from its inputs and its rows. */
function expected(scenario: Scenario, result: ScenarioEvaluation): Set<Entry> {
  const out = new Set<Entry>(['resilience resilience']);
  const { rows } = result;
  const interventions = scenario.interventions;
  const of = <K extends Intervention['kind']>(kind: K) =>
    interventions.filter((i): i is Extract<Intervention, { kind: K }> => i.kind === kind);
  // Stages: evaluated ones have supply rows; every other stage is missing.
  const evaluated = new Set(rows.filter((r) => r.variable === 'Supply|Total').map((r) => r.stage));
  for (const stage of STAGES) {
    if (evaluated.has(stage)) {
      out.add(`stage-table stage:${stage}`);
      out.add(`stage-size size:${stage}`);
    } else out.add(`stage-missing stage:${stage}`);
  }
  // Import lines: each has capacity-addition rows every year.
  const lines = new Map<string, { region: string; stage?: Stage; element?: string }>();
  for (const r of rows.filter((r) => r.variable === 'Balance|Capacity additions')) {
    const id = [r.region, ...(r.stage === undefined ? [] : [r.stage]), r.element ?? 'all'].join(
      '/',
    );
    lines.set(id, {
      region: r.region,
      ...(r.stage === undefined ? {} : { stage: r.stage }),
      ...(r.element === undefined ? {} : { element: r.element }),
    });
    out.add(`import-line imports:${id}`);
    const share = rows.filter(
      (s) =>
        s.variable === 'Imports|Restricted|Share' &&
        s.region === r.region &&
        s.stage === r.stage &&
        s.element === r.element,
    );
    const years = scenario.horizon.to - scenario.horizon.from + 1;
    if (share.length < years) out.add(`composition-unknown composition-unknown:${id}`);
  }
  // Demand paths and recycling.
  const apps = new Set(
    rows
      .filter((r) => r.variable.startsWith('Demand|') && r.variable !== 'Demand|Stage')
      .map((r) => r.variable.slice('Demand|'.length)),
  );
  for (const app of apps) out.add(`demand-path demand:${app}`);
  const firstRecord = (app: string) =>
    Math.min(...(baseline.demand ?? []).filter((d) => d.application === app).map((d) => d.year));
  for (const app of apps) {
    const policies = of('recyclingPolicy').filter((p) => p.application === app);
    const own = (baseline.applications ?? []).find((a) => a.id === app)?.recycling;
    if (policies.length === 0 && own === undefined) continue;
    out.add(`sales-history history:${app}`);
    const start = Math.max(scenario.horizon.from - 30, firstRecord(app));
    for (const field of FIELDS) {
      let defaulted = false;
      for (let year = start; year <= scenario.horizon.to; year++) {
        const given = policies.some((p) => p.from <= year && p[field] !== undefined);
        if (!given && own?.[field] === undefined) defaulted = true;
      }
      if (defaulted) out.add(`recycling-default recycling-default:${app}:${field}`);
    }
  }
  // Restrictions, and the stages whose supply they touch on every partner.
  const restrictions = of('exportRestriction');
  if (restrictions.length > 0) out.add('restrictions restrictions');
  const all = elementSymbols();
  for (const stage of evaluated) {
    const touching = restrictions.filter(
      (r) =>
        r.partners === undefined &&
        r.cut > 0 &&
        (r.stages === undefined || r.stages.includes(stage as Stage)) &&
        rows.some((s) => s.variable === 'Supply' && s.stage === stage && s.region === r.country),
    );
    if (touching.some((r) => r.elements !== undefined && r.elements.length < all.length))
      out.add(`composition-unknown composition-unknown:stage:${stage}`);
    else if (touching.length > 0) out.add(`withheld-supply withheld:${stage}`);
  }
  // Capacity changes: their basis, their stage, and their part of element-scoped lines.
  const regions = new Map((baseline.regions ?? []).map((r) => [r.code, r.members]));
  const facilities = new Map((baseline.facilities ?? []).map((f) => [f.id, f]));
  for (const c of of('capacityChange')) {
    const where =
      c.facility === undefined
        ? { country: c.country as string, stage: c.stage as Stage }
        : (facilities.get(c.facility) as { country: string; stage: Stage });
    if (c.change.basis !== 'REO') out.add(`capacity-basis basis:${c.id}`);
    if (!evaluated.has(where.stage)) {
      out.add(`capacity-ignored ignored:${c.id}`);
      continue;
    }
    for (const [id, line] of lines) {
      const members = regions.get(line.region) ?? [line.region];
      const stages: readonly Stage[] =
        line.stage === undefined ? ['separation', 'metal'] : [line.stage];
      if (!members.includes(where.country) || !stages.includes(where.stage)) continue;
      // A capacity of all rare earths covers an element-scoped line only in part.
      if (c.elements === undefined && line.element !== undefined)
        out.add(`composition-unknown composition-unknown:capacity:${id}`);
    }
  }
  return out;
}

describe('assumptions: shown ⇔ applied, for every preset', () => {
  for (const preset of presets) {
    test(preset.id, () => {
      const result = evaluate(baseline, preset, { scenarios: presets });
      for (const a of result.assumptions) expect(KINDS).toContain(a.kind);
      const shown = new Set(result.assumptions.map((a): Entry => `${a.kind} ${a.id}`));
      const resolved = resolveScenario([...presets], preset.id);
      expect(shown).toEqual(expected(resolved, result));
      // Ids are unique: one statement per thing assumed.
      expect(shown.size).toBe(result.assumptions.length);
    });
  }

  test('an assumption the scenario does not use is not shown', () => {
    // The recycling preset has no restrictions and no capacity: none of their statements appear
    // (on a05b628 the restriction rule and the composition default were listed for every run).
    const result = evaluate(baseline, presets.find((p) => p.id === 'recycling-scale-up')!);
    const kinds = new Set(result.assumptions.map((a) => a.kind));
    for (const kind of ['restrictions', 'composition', 'composition-unknown', 'capacity-basis'])
      expect(kinds.has(kind as ScenarioAssumptionKind)).toBe(false);
  });
});
