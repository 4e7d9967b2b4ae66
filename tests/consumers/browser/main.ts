// A browser app that uses the packed package through a bundler (Vite), as a dashboard would:
// it computes a stage report from the embedded dataset and renders its charts.
import { element, mass, massToNumber, toMetal } from 'rare-earths';
import { baseline, elementTable } from 'rare-earths/data';
import { stageReport, stageSankeyChart, stageSharesChart } from 'rare-earths/report';

const app = document.querySelector('#app') as HTMLElement;
const names = Object.fromEntries(baseline.countries.map((c) => [c.code, c.name]));
const report = stageReport(baseline, { year: 2024 });
const mining = report.stages.find((s) => s.stage === 'mining');
const metal = massToNumber(toMetal(mass('1000', 't', 'REO', { element: 'Nd' })));

app.innerHTML = `
  <h1>Rare earths, ${report.year}</h1>
  <p>China's share of mining: <output data-testid="china-mining">${((mining?.leader.share ?? 0) * 100).toFixed(1)}%</output></p>
  <p>Chokepoint: <output data-testid="chokepoint">${report.chokepoint?.stage ?? 'none'}</output></p>
  <p>Nd metal in 1,000 t Nd2O3: <output data-testid="nd-metal">${metal.toFixed(2)}</output> t;
     elements: <output data-testid="element-count">${elementTable().length}</output>; Nd is Z=<output data-testid="nd-z">${element('Nd').atomicNumber}</output></p>
  <figure id="shares">${stageSharesChart(report, { names })}</figure>
  <figure id="sankey">${stageSankeyChart(report, { names })}</figure>
`;
document.body.dataset.ready = 'true';
