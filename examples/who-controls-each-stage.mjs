// Who controls each stage of the rare-earth chain, how concentrated each stage is, and how much
// of each stage lies outside China. Run it from the repository with
//   npm run build && node examples/who-controls-each-stage.mjs
import { concentrationBand, stageConcentration, supplyWithout } from 'rare-earths';
import { baseline } from 'rare-earths/data';

const year = 2024;
const picture = stageConcentration(baseline, { year });
const withoutChina = supplyWithout(baseline, { excluded: ['CHN'], year });
/** @param {number} share a fraction */
const percent = (share) => `${(share * 100).toFixed(1)}%`;

console.log(`The rare-earth chain in ${year} (baseline dataset)\n`);
for (const stage of picture.stages) {
  const outside = withoutChina.stages.find((s) => s.stage === stage.stage)?.shareOutside;
  console.log(
    [
      stage.stage.padEnd(11),
      `leader ${stage.leader.country} ${percent(stage.leader.share)}`.padEnd(22),
      `HHI ${Math.round(stage.hhiPoints).toLocaleString('en')} (${concentrationBand(stage.hhiPoints)})`.padEnd(
        34,
      ),
      `outside China ${outside === undefined ? '–' : percent(outside)}`,
      `[${stage.table.source.id}]`,
    ].join('  '),
  );
}
for (const gap of picture.missing) console.log(`${gap.stage.padEnd(11)}  no data: ${gap.reason}`);

// The chokepoint is the most concentrated stage; the limiting stage has the least supply
// outside China.
console.log(`\nChokepoint: ${picture.chokepoint?.stage}`);
console.log(`Limiting stage without China: ${withoutChina.limiting?.stage}`);

picture.chokepoint?.stage; // => 'magnet'
withoutChina.limiting?.stage; // => 'magnet'
picture.stages.find((s) => s.stage === 'separation')?.leader.share; // => 0.91
