import { describe, expect, test } from 'vitest';
import { baseline, presets } from '../../src/data/index.js';
import { diffScenarios, evaluate, RareEarthsError, type Scenario } from '../../src/index.js';
import { renderDiff, renderEvaluation, scenarioDemandChart } from '../../src/report/index.js';
import { small } from '../scenario/fixtures.js';

const controls = presets[0] as Scenario;
const evaluation = evaluate(baseline, controls);

describe('renderEvaluation', () => {
  test('Markdown: interventions, stages, import lines, demand, assumptions', () => {
    const names = Object.fromEntries(baseline.countries.map((c) => [c.code, c.name]));
    const text = renderEvaluation(evaluation, { names });
    expect(text).toContain('| china-controls-2025-04 | exportRestriction |');
    expect(text).toMatch(
      /\| Mining +\| 2025 \| +389,310 \| +119,310 \| +5,072 \| highly concentrated \|/,
    );
    expect(text).toContain(
      'Time to resilience (supply outside China covering 35.0% of demand at every stage): not reached by 2035.',
    );
    expect(text).toContain('| 2030 | 131,000 |');
    expect(text).toContain(
      '- **size:magnet** (stage-size): magnet: sized by the demand of permanent-magnets in 2025',
    );
    // Each stage says how it is sized; the US all-rare-earth line says its composition is unknown.
    expect(text).toMatch(
      /\| Magnet +\| 2025 \|.*\| demand of permanent-magnets, 2025 \(iea-gcmo-2024\) \|/,
    );
    expect(text).toMatch(
      /\| United States \| compounds and metals \| all +\| +22,450 \| composition unknown \|/,
    );
    expect(text.endsWith('\n')).toBe(true);
  });

  test('every kind of intervention is described when it has no label; a baseline says so', () => {
    const described = evaluate(small, {
      id: 'all',
      name: 'All kinds',
      horizon: { from: 2024, to: 2026 },
      interventions: [
        {
          kind: 'exportRestriction',
          id: 'a',
          country: 'CHN',
          elements: ['Dy'],
          partners: ['USA'],
          cut: 0.5,
          from: 2024,
          to: 2025,
        },
        { kind: 'exportRestriction', id: 'a2', country: 'CHN', cut: 0.5, from: 2024 },
        {
          kind: 'capacityChange',
          id: 'b',
          facility: 'plant-a',
          change: { amount: 1500, unit: 't', basis: 'REO' },
          ramp: { from: 2024, to: 2025 },
        },
        {
          kind: 'capacityChange',
          id: 'b2',
          country: 'AUS',
          stage: 'mining',
          change: { amount: 1, unit: 't', basis: 'REO' },
          ramp: { from: 2024, to: 2025 },
        },
        { kind: 'demandGrowth', id: 'c', application: 'permanent-magnets', rate: 0.1, from: 2025 },
        {
          kind: 'recyclingPolicy',
          id: 'd',
          application: 'permanent-magnets',
          from: 2025,
          collectionRate: 0.1,
          lifetime: { kind: 'fixed', mean: 5 },
        },
        {
          kind: 'substitution',
          id: 'e',
          application: 'permanent-magnets',
          substitute: 'ferrite',
          adoption: 0.1,
          intensityChange: { Nd: -1 },
        },
        {
          kind: 'stockpile',
          id: 'f',
          holder: 'USA',
          elements: ['Dy'],
          initial: { amount: 1, unit: 't', basis: 'REO' },
        },
        {
          kind: 'stockpile',
          id: 'g',
          holder: 'USA',
          initial: { amount: 1, unit: 't', basis: 'REO' },
        },
      ],
    });
    const text = renderEvaluation(described);
    for (const what of [
      'CHN withholds 50.0% of exports of Dy to USA, 2024–2025',
      'CHN withholds 50.0% of exports, 2024 on',
      'plant-a: 1,500 t/yr, ramp 2024–2025',
      'AUS mining: 1 t/yr',
      'permanent-magnets demand grows from 2025',
      'permanent-magnets recycling from 2025',
      'permanent-magnets: ferrite',
      'USA stockpile of Dy',
    ])
      expect(text).toContain(what);
    expect(text).toMatch(/\| g +\| stockpile +\| USA stockpile +\| +– \|/);
    const none = renderEvaluation(
      evaluate(
        small,
        { id: 'n', name: 'N', horizon: { from: 2024, to: 2024 }, interventions: [] },
        { referenceYear: 2019 },
      ),
    );
    expect(none).toContain('None: the baseline.');
    expect(none).toContain('None: the dataset has no import sourcing for the reference year.');
  });

  test('CSV (IAMC long format) and JSON', () => {
    const csv = renderEvaluation(evaluation, { format: 'csv' }).split('\r\n');
    expect(csv[0]).toBe('scenario,region,variable,unit,stage,element,year,value');
    expect(csv).toContain('china-export-controls-2025,CHN,Supply,t/yr,mining,,2025,270000');
    expect(JSON.parse(renderEvaluation(evaluation, { format: 'json' }))).toEqual(
      JSON.parse(JSON.stringify(evaluation)),
    );
    expect(() => renderEvaluation(evaluation, { format: 'xml' as 'md' })).toThrow(
      "renderEvaluation: options.format: expected 'md', 'csv' or 'json', got \"xml\"",
    );
  });
});

describe('renderDiff', () => {
  const diff = diffScenarios(
    evaluate(baseline, controls),
    evaluate(baseline, presets[1] as Scenario, { scenarios: presets }),
  );
  test('Markdown, CSV, JSON', () => {
    const text = renderDiff(diff);
    expect(text).toContain('## Inputs');
    expect(renderDiff(diff, { format: 'csv' }).split('\r\n')[0]).toBe(
      'variable,region,stage,element,year,unit,from,to,abs,rel,band',
    );
    expect(JSON.parse(renderDiff(diff, { format: 'json' }))).toEqual(
      JSON.parse(JSON.stringify(diff)),
    );
    expect(() => renderDiff(diff, { format: 'pdf' as 'md' })).toThrow(RareEarthsError);
  });

  test('an empty diff, resilience and band crossings', () => {
    const same = renderDiff(diffScenarios(evaluation, evaluation));
    expect(same).toContain('No differences.');
    expect(same).toContain('No differences beyond the tolerance.');
    const text = renderDiff({
      ...diff,
      resilience: { from: null, to: 2031 },
      metrics: [
        {
          variable: 'Concentration|HHI',
          region: 'World',
          stage: 'mining',
          year: 2030,
          unit: 'points',
          from: 2000,
          to: 1500,
          abs: -500,
          rel: -0.25,
          band: { from: 'highly concentrated', to: 'moderately concentrated' },
        },
        {
          variable: 'Demand',
          region: 'World',
          year: 2036,
          unit: 't/yr',
          from: null,
          to: 5,
          abs: null,
          rel: null,
        },
      ],
    });
    expect(text).toContain('Time to resilience: not reached → 2031.');
    expect(text).toContain('## Band crossings');
    expect(text).toMatch(
      /\| Mining +\| 2030 \| +2,000 \| +1,500 \| highly concentrated → moderately concentrated \|/,
    );
    expect(text).toMatch(
      /\| Demand +\| World +\| +\| +\| 2036 \| +– \| +5\.00 \| +– \| +– \| t\/yr +\|/,
    );
  });
});

describe('scenarioDemandChart', () => {
  test('the demand stack as SVG', () => {
    const svg = scenarioDemandChart(evaluation, { width: 600 });
    expect(svg).toMatch(/^<svg [^>]*width="600"/);
    expect(svg).toContain('China&#39;s 2025'.length > 0 ? 'demand and its offsets' : '');
  });

  test('the caption lists the assumptions the stack rests on, and the chart grows to fit', () => {
    const recycling = evaluate(baseline, presets.find((p) => p.id === 'recycling-scale-up')!);
    const svg = scenarioDemandChart(recycling, { width: 600, height: 300 });
    expect(svg).toContain('Assumptions behind these figures:');
    expect(svg).toContain('• history:permanent-magnets: permanent-magnets: products in use before');
    expect(svg).toContain('recycling-default:permanent-magnets:collectionRate');
    const height = Number(/^<svg [^>]*height="(\d+)"/.exec(svg)?.[1]);
    const lines = svg.match(/<text x="16" y="\d+" font-size="10" fill="#444">/g) ?? [];
    // The caption's first line (the years) sits in the chart's own height; each further line
    // adds 14 px; a title too long for 600 px wraps and adds 20 px a line.
    const titles = svg.match(/font-size="16" font-weight="600"/g) ?? [];
    expect(height).toBe(300 + 20 * (titles.length - 1) + 14 * (lines.length - 1));
    // Every caption line fits the width (at most 6 px a character at 10 px).
    for (const line of svg.matchAll(/fill="#444">([^<]*)</g))
      expect((line[1] as string).length).toBeLessThanOrEqual(Math.floor((600 - 32) / 6));
  });

  test('a narrow chart cuts a word longer than a caption line instead of looping', () => {
    // At 200 px a line holds 40 characters (the floor); 'recycling-default:permanent-magnets:
    // collectionRate:' has 51. Before the fix the wrap never got past the indent and ran out of memory.
    const recycling = evaluate(baseline, presets.find((p) => p.id === 'recycling-scale-up')!);
    const svg = scenarioDemandChart(recycling, { width: 200 });
    const perLine = Math.max(40, Math.floor((200 - 32) / 5.5));
    const lines = [...svg.matchAll(/fill="#444">([^<]*)</g)].map((m) => m[1] as string);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(perLine + 2);
    expect(lines.join('').replaceAll(' ', '')).toContain(
      'recycling-default:permanent-magnets:collectionRate:',
    );
  });

  test('refuses an evaluation without demand rows', () => {
    const withoutDemand = {
      ...evaluation,
      rows: evaluation.rows.filter((r) => !r.variable.includes('emand')),
    };
    expect(() => scenarioDemandChart(withoutDemand)).toThrow(
      'scenarioDemandChart: evaluation.rows: expected an evaluation with demand rows (an application with a demand path), got',
    );
  });
});
