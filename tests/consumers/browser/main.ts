// A browser app that uses the packed package through a bundler (Vite), as a dashboard would.
import { element, mass, massToNumber, toMetal } from 'rare-earths';
import { elementTable } from 'rare-earths/data';

const app = document.querySelector('#app') as HTMLElement;
const nd = element('Nd');
const metal = massToNumber(toMetal(mass('1000', 't', 'REO', { element: 'Nd' })));
const rows = elementTable()
  .map(
    (e) =>
      `<tr><td>${e.atomicNumber}</td><td>${e.symbol}</td><td>${e.name}</td><td>${e.oxide.formula}</td></tr>`,
  )
  .join('');

app.innerHTML = `
  <h1>Rare earths</h1>
  <p>Nd metal in 1,000 t Nd2O3: <output data-testid="nd-metal">${metal.toFixed(2)}</output> t</p>
  <p>Elements: <output data-testid="element-count">${elementTable().length}</output>; Nd is Z=<output data-testid="nd-z">${nd.atomicNumber}</output></p>
  <table>${rows}</table>
`;
document.body.dataset.ready = 'true';
