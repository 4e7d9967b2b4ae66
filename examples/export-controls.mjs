// What China's April 2025 export controls on seven rare earths mean for US supply: evaluate the
// preset scenario on the baseline, compare it with a scenario without interventions, and print
// the US balance of each restricted element in 2030. Run it from the repository with
//   npm run build && node examples/export-controls.mjs
import { diffScenarios, evaluate } from 'rare-earths';
import { baseline, presets } from 'rare-earths/data';
import { renderDiff } from 'rare-earths/report';

const controls = presets.find((p) => p.id === 'china-export-controls-2025');
if (controls === undefined) throw new Error('the preset is missing from rare-earths/data');
const none = { ...controls, id: 'no-controls', name: 'No export controls', interventions: [] };

const withControls = evaluate(baseline, controls);
const without = evaluate(baseline, none);

console.log(`${controls.name}\n`);
const year = 2030;
const usRows = withControls.rows.filter(
  (r) => r.region === 'USA' && r.year === year && r.element !== undefined,
);
for (const row of usRows.filter((r) => r.variable === 'Imports|Restricted|Share')) {
  const balance = usRows.find((r) => r.variable === 'Balance' && r.element === row.element);
  console.log(
    `${row.element?.padEnd(3)} ${(row.value * 100).toFixed(0).padStart(3)}% of US imports withheld` +
      (balance === undefined
        ? ' (no US tonnage in the dataset)'
        : `, balance ${balance.value} ${balance.unit}`),
  );
}

// Everything that differs between the two evaluations, as Markdown.
const diff = diffScenarios(without, withControls);
console.log(`\n${renderDiff(diff).split('\n').slice(0, 12).join('\n')}`);

usRows.find((r) => r.variable === 'Balance' && r.element === 'Y')?.value; // => -210
diff.inputs.map((change) => change.path.join('.')); // => ['interventions.china-controls-2025-04', 'name']
