// How concentrated is each import line of the baseline: the HHI of the partners of every
// importer, commodity and period, computed in one call with hhiByGroup over the trade table
// (the shape a UN Comtrade or BACI extract has). Run it from the repository with
//   npm run build && node examples/import-concentration.mjs
import { hhiByGroup } from 'rare-earths';
import { baseline } from 'rare-earths/data';

// Number the groups (importer × commodity × period × source) and the exporters densely.
/** @type {Map<string, number>} */
const groupIds = new Map();
/** @type {Map<string, number>} */
const exporterIds = new Map();
/** @param {Map<string, number>} ids @param {string} key */
const idOf = (ids, key) => {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
};
// "other" is a residual of many partners, not one: leaving it out makes each HHI that of the
// named partners among themselves (a lower bound of the true one; see hhiBounds).
const flows = (baseline.tradeFlows ?? []).filter(
  (flow) => flow.share !== undefined && flow.exporter !== 'other',
);
/** @param {import('rare-earths').TradeFlow} flow */
const label = (flow) =>
  `${flow.importer} ${flow.commodity.description} ${flow.period === undefined ? flow.year : `${flow.period.from}–${flow.period.to}`}`;
const table = {
  group: flows.map((flow) => idOf(groupIds, `${label(flow)}|${flow.provenance.source}`)),
  supplier: flows.map((flow) => idOf(exporterIds, flow.exporter)),
  value: flows.map((flow) => flow.share ?? 0),
};
const { hhi, suppliers } = hhiByGroup(table, { scale: 'points' });

const lines = [...groupIds.keys()].map((key, g) => ({
  line: key.split('|')[0],
  hhi: hhi[g] ?? Number.NaN,
  partners: suppliers[g] ?? 0,
}));
lines.sort((a, b) => b.hhi - a.hhi);
for (const { line, hhi, partners } of lines.slice(0, 10)) {
  console.log(
    `${Math.round(hhi).toLocaleString('en').padStart(6)}  ${partners} partner${partners === 1 ? ' ' : 's'}  ${line}`,
  );
}

const usCompounds = [...groupIds.keys()].indexOf(
  'USA rare-earth compounds and metals 2021–2024|usgs-mcs-2026',
);
suppliers[usCompounds]; // => 4
