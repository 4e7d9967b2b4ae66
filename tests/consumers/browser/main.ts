// A browser app that uses the packed package through a bundler (Vite), as a dashboard would:
// it computes a stage report from the embedded dataset and renders its charts.
import { element, evaluate, mass, massToNumber, toMetal } from 'rare-earths';
import { baseline, elementTable, presets } from 'rare-earths/data';
import {
  scenarioDemandChart,
  stageReport,
  stageSankeyChart,
  stageSharesChart,
} from 'rare-earths/report';

const app = document.querySelector('#app') as HTMLElement;
const names = Object.fromEntries(baseline.countries.map((c) => [c.code, c.name]));
const report = stageReport(baseline, { year: 2024 });
const mining = report.stages.find((s) => s.stage === 'mining');
// A scenario evaluated in the page, as a dashboard slider would: the recycling scale-up preset.
const recycling = presets.find((p) => p.id === 'recycling-scale-up');
if (recycling === undefined) throw new Error('the recycling preset is missing');
const evaluation = evaluate(baseline, recycling);
const metal = massToNumber(toMetal(mass('1000', 't', 'REO', { element: 'Nd' })));

app.innerHTML = `
  <h1>Rare earths, ${report.year}</h1>
  <p>China's share of mining: <output data-testid="china-mining">${((mining?.leader.share ?? 0) * 100).toFixed(1)}%</output></p>
  <p>Chokepoint: <output data-testid="chokepoint">${report.chokepoint?.stage ?? 'none'}</output></p>
  <p>Nd metal in 1,000 t Nd2O3: <output data-testid="nd-metal">${metal.toFixed(2)}</output> t;
     elements: <output data-testid="element-count">${elementTable().length}</output>; Nd is Z=<output data-testid="nd-z">${element('Nd').atomicNumber}</output></p>
  <figure id="shares">${stageSharesChart(report, { names })}</figure>
  <figure id="sankey">${stageSankeyChart(report, { names })}</figure>
  <p>Scenario rows: <output data-testid="scenario-rows">${evaluation.rows.length}</output></p>
  <figure id="demand">${scenarioDemandChart(evaluation)}</figure>
`;
document.body.dataset.ready = 'true';

// Bring your own trade data in the browser: a Comtrade CSV as a File and as a web stream (a
// fetch body), read through rare-earths/trade and concentrated by partner.
import { importTrade, tradeConcentration } from 'rare-earths/trade';

const csv = [
  'refYear,reporterISO,reporterDesc,flowCode,partnerISO,partnerDesc,cmdCode,netWgt,primaryValue',
  '2024,JPN,Japan,M,CHN,"China, mainland",284690,1250000,23000000',
  '2024,JPN,Japan,M,VNM,Viet Nam,284690,300000,4500000',
  '',
].join('\n');
const source = {
  id: 'browser-comtrade',
  title: 'A Comtrade extract',
  publisher: 'UN Statistics Division',
  year: 2026,
};
void (async () => {
  const file = new File([csv], 'japan.csv');
  const fromFile = await importTrade(file, { format: 'comtrade', source, file: file.name });
  const fromStream = await importTrade(new Response(csv).body as ReadableStream<Uint8Array>, {
    format: 'comtrade',
    source,
  });
  const [row] = tradeConcentration(fromFile.flows);
  const trade = document.createElement('p');
  trade.innerHTML = `Japan's HS 2846.90 imports: <output data-testid="trade-total">${row?.total}</output> US$,
    HHI <output data-testid="trade-hhi">${row?.hhi.toFixed(6)}</output>, first partner named
    <output data-testid="trade-name">${fromFile.countries[0]?.name}</output>, stream flows
    <output data-testid="trade-stream">${fromStream.flows.length}</output>, tonnes
    <output data-testid="trade-tonnes">${fromFile.flows[0]?.quantity?.amount}</output>`;
  app.append(trade);
  document.body.dataset.trade = 'true';
})();
