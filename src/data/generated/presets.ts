// generated from data/presets.json by scripts/data-build.mjs; do not edit.
// Change the table and run `npm run data:build` (see docs/data.md).
import type { Scenario } from '../../model/index.js';

const chinaExportControls2025: Scenario = {
  id: "china-export-controls-2025",
  name: "China's 2025 export controls on seven rare earths",
  description: "China added export controls on alloys, compounds, metals and oxides of samarium, gadolinium, terbium, dysprosium, lutetium, scandium and yttrium in April 2025; they remained in force after November 2025, with general export licences issued to selected exporters. Sources: usgs-mcs-2026 (Events, Trends, and Issues). The size of the cut is an illustrative stress case.",
  horizon: {
    from: 2025,
    to: 2035,
  },
  interventions: [
    {
      kind: "exportRestriction",
      id: "china-controls-2025-04",
      label: "China, April 2025: Sm, Gd, Tb, Dy, Lu, Sc, Y (full stop: illustrative)",
      note: "Separated products (oxides, compounds) and metals and alloys, to every partner, from 2025, with no end date. How much the controls withhold is not reported (USGS describes licence requirements): cut 1, no exports at all, is an illustrative stress case, not a sourced figure.",
      provenance: {
        source: "usgs-mcs-2026",
        tag: "reported",
        locator: "Events, Trends, and Issues",
      },
      country: "CHN",
      elements: ["Sm", "Gd", "Tb", "Dy", "Lu", "Sc", "Y"],
      stages: ["separation", "metal"],
      cut: 1,
      from: 2025,
    },
  ],
};

const chinaExportControls2025Extended: Scenario = {
  id: "china-export-controls-2025-extended",
  name: "China's 2025 export controls with the October extension",
  description: "The April 2025 controls (inherited) plus the October 2025 extension to europium, holmium, erbium, thulium and ytterbium, which China suspended in November 2025 for one year. This child scenario assumes the suspension lapses and the extension applies from 2027, the first full year after it: an illustrative assumption. Sources: usgs-mcs-2026 (Events, Trends, and Issues).",
  parent: "china-export-controls-2025",
  horizon: {
    from: 2025,
    to: 2035,
  },
  interventions: [
    {
      kind: "exportRestriction",
      id: "china-controls-2025-10",
      label: "China, October 2025 extension: Eu, Ho, Er, Tm, Yb, from 2027 (illustrative)",
      note: "Suspended for one year in November 2025; applying it from 2027 is an illustrative assumption. How much the controls withhold is not reported (USGS describes licence requirements): cut 1, no exports at all, is an illustrative stress case, not a sourced figure.",
      provenance: {
        source: "usgs-mcs-2026",
        tag: "reported",
        locator: "Events, Trends, and Issues",
      },
      country: "CHN",
      elements: ["Eu", "Ho", "Er", "Tm", "Yb"],
      stages: ["separation", "metal"],
      cut: 1,
      from: 2027,
    },
  ],
};

const alliedBuildOut20252035: Scenario = {
  id: "allied-build-out-2025-2035",
  name: "Allied build-out, 2025–2035",
  description: "Capacity outside China with a sourced size: a heavy-rare-earth plant at Lynas Malaysia, Solvay La Rochelle, MP Materials’ 10X magnet plant, Neo’s Narva magnet plant (phase 1), Nolans and Browns Range in Australia, and Serra Verde’s phase II in Brazil. Every ramp is illustrative, and capacity is counted as supply (full use). Not included, for want of a sourced size or date in the dataset: Canadian projects, Japan’s partnerships with Vietnam and Kazakhstan, Mountain Pass heavy-rare-earth separation, Round Top, Lofdal, Bear Lodge, the Mount Weld expansion and Narva phase 2. Sources: lynas-capacity-2023, solvay-la-rochelle-2025, mp-dod-2025, neo-narva-2023, ciaaw-2021, arafura-nolans, northern-minerals-dfs-2025, serra-verde-web.",
  horizon: {
    from: 2025,
    to: 2035,
  },
  interventions: [
    {
      kind: "capacityChange",
      id: "browns-range",
      label: "Browns Range (AUS) xenotime concentrate, about 4,350 t/yr TREO (ramp illustrative)",
      note: "Definitive feasibility study of September 2025: about 17,500 t/yr of xenotime concentrate at about 25% TREO, rich in Dy and Tb. The ramp (none by 2027, all from 2029) is illustrative.",
      provenance: {
        source: "northern-minerals-dfs-2025",
        tag: "reported",
      },
      country: "AUS",
      stage: "mining",
      change: {
        amount: 4350,
        unit: "t",
        basis: "REO",
      },
      ramp: {
        from: 2027,
        to: 2029,
      },
    },
    {
      kind: "capacityChange",
      id: "lynas-malaysia-heavy",
      label: "Lynas Malaysia heavy-rare-earth feed, 5,000 t/yr (ramp illustrative)",
      note: "A planned plant for 5,000 t/yr of heavy-rare-earth feedstock, reported in 2023; in October 2025 an Australian producer announced a heavy-rare-earth separation facility in Malaysia (USGS MCS 2026). Counted as separation capacity; the ramp (none in 2025, all from 2028) is illustrative.",
      provenance: {
        source: "lynas-capacity-2023",
        tag: "reported",
      },
      facility: "lynas-malaysia",
      change: {
        amount: 5000,
        unit: "t",
        basis: "REO",
      },
      ramp: {
        from: 2025,
        to: 2028,
      },
    },
    {
      kind: "capacityChange",
      id: "mp-10x-magnets",
      label: "MP Materials 10X magnet plant (USA), about 3,110 t/yr REO in magnets (ramp illustrative)",
      note: "MP's US magnet capacity after the plant is about 10,000 t/yr of magnets (company figure, existing capacity included, so this addition is an upper bound); commissioning expected in 2028. The ramp (none in 2027, all from 2030) is illustrative.",
      provenance: {
        source: "mp-dod-2025",
        tag: "derived",
        derivation: "10,000 t/yr of NdFeB magnets × 0.2668 (Nd in stoichiometric Nd2Fe14B, the dataset's permanent-magnet content, ciaaw-2021) × 1.1664 (Nd2O3 per Nd) = 3,112 t/yr REO; a lower bound on the rare earths in commercial magnets.",
      },
      facility: "mp-10x",
      change: {
        amount: 3112,
        unit: "t",
        basis: "REO",
      },
      ramp: {
        from: 2027,
        to: 2030,
      },
    },
    {
      kind: "capacityChange",
      id: "neo-narva-phase-1",
      label: "Neo Narva magnet plant (EST), phase 1: about 620 t/yr REO in magnets (ramp illustrative)",
      note: "Phase 1, about 2,000 t/yr of sintered NdFeB magnet block from 2025; phase 2 (5,000 t/yr) has no date and is not included. The ramp (none in 2025, all from 2026) is illustrative.",
      provenance: {
        source: "neo-narva-2023",
        tag: "derived",
        derivation: "2,000 t/yr of NdFeB magnet block × 0.2668 (Nd in stoichiometric Nd2Fe14B, the dataset's permanent-magnet content, ciaaw-2021) × 1.1664 (Nd2O3 per Nd) = 622 t/yr REO.",
      },
      facility: "neo-narva",
      change: {
        amount: 622,
        unit: "t",
        basis: "REO",
      },
      ramp: {
        from: 2025,
        to: 2026,
      },
    },
    {
      kind: "capacityChange",
      id: "nolans",
      label: "Nolans (AUS), 13,343 t/yr TREO (ramp illustrative)",
      note: "The 2019 definitive feasibility study plans 13,343 t/yr TREO (4,357 t/yr NdPr oxide) over a 23-year mine life; investment decision by NAIF in January 2024. The ramp (none by 2026, all from 2030) is illustrative.",
      provenance: {
        source: "arafura-nolans",
        tag: "reported",
      },
      country: "AUS",
      stage: "mining",
      change: {
        amount: 13343,
        unit: "t",
        basis: "REO",
      },
      ramp: {
        from: 2026,
        to: 2030,
      },
    },
    {
      kind: "capacityChange",
      id: "serra-verde-phase-2",
      label: "Serra Verde (BRA) phase II, +5,000 t/yr REO (reading and ramp illustrative)",
      note: "Phase I is at least 5,000 t/yr REO; phase II \"could double run-of-mine before 2030\". Doubling output is the reading taken here, and the ramp (none by 2026, all from 2030) is illustrative.",
      provenance: {
        source: "serra-verde-web",
        tag: "reported",
      },
      facility: "serra-verde-mine",
      change: {
        amount: 5000,
        unit: "t",
        basis: "REO",
      },
      ramp: {
        from: 2026,
        to: 2030,
      },
    },
    {
      kind: "capacityChange",
      id: "solvay-la-rochelle",
      label: "Solvay La Rochelle (FRA), about 4,500 t/yr by 2030: a company target (ramp illustrative)",
      note: "Solvay's target of about 4,500 t/yr of magnet rare earths (30% of EU demand) by 2030, which needs about €100 million more: a target, not capacity. The linear ramp from 2025 to 2030 is illustrative.",
      provenance: {
        source: "solvay-la-rochelle-2025",
        tag: "reported",
      },
      facility: "solvay-la-rochelle",
      change: {
        amount: 4500,
        unit: "t",
        basis: "REO",
      },
      ramp: {
        from: 2025,
        to: 2030,
      },
    },
  ],
};

const recyclingScaleUp: Scenario = {
  id: "recycling-scale-up",
  name: "Magnet recycling scale-up (illustrative)",
  description: "End-of-life magnets collected from 2026, rising to half by 2040, with losses in dismantling and recovery. Every rate and the product lifetime are illustrative assumptions: the dataset has no lifetimes or recycling rates for magnets (docs/data.md, known gaps 4 and 5). Demand is the dataset’s permanent-magnet demand (iea-gcmo-2024).",
  horizon: {
    from: 2025,
    to: 2040,
  },
  interventions: [
    {
      kind: "recyclingPolicy",
      id: "magnet-recycling",
      label: "Magnet recycling: collection 5% → 50% (2026–2040), yields 80% and 90%, lifetime Weibull 15 years (all illustrative)",
      note: "Illustrative assumptions, not sourced. For scale: the EU CRM 2023 assessment puts the end-of-life recycling input rate of the rare earths at about 1%.",
      application: "permanent-magnets",
      from: 2026,
      collectionRate: {
        kind: "ramp",
        from: {
          year: 2026,
          value: 0.05,
        },
        to: {
          year: 2040,
          value: 0.5,
        },
      },
      preprocessingYield: 0.8,
      processingYield: 0.9,
      lifetime: {
        kind: "weibull",
        shape: 2.5,
        scale: 15,
      },
    },
  ],
};

const evMotorSubstitution: Scenario = {
  id: "ev-motor-substitution",
  name: "Rare-earth-free EV traction motors (illustrative adoption)",
  description: "Part of permanent-magnet demand switches to rare-earth-free traction motors. The IEA puts EVs at 7% of magnet rare-earth demand in 2023 and nearly 30% in 2050 (iea-gcmo-2024, via the dataset’s demand records); the adoption curve, reaching 5% of all permanent-magnet demand (a quarter of EV motors at about a fifth of demand), is an illustrative assumption.",
  horizon: {
    from: 2025,
    to: 2040,
  },
  interventions: [
    {
      kind: "substitution",
      id: "rare-earth-free-ev-motors",
      label: "Rare-earth-free EV motors: logistic, midpoint 2032, ceiling 5% of magnet demand (illustrative)",
      note: "The adoption curve is an illustrative assumption; only the EV shares of magnet demand (7% in 2023, nearly 30% in 2050) are sourced (iea-gcmo-2024). Switching removes the magnet rare earths (Nd, Pr, Dy, Tb) from the motors that switch.",
      application: "permanent-magnets",
      substitute: "rare-earth-free traction motor (induction, wound-rotor synchronous or ferrite)",
      adoption: {
        kind: "logistic",
        midpoint: 2032,
        rate: 0.5,
        ceiling: 0.05,
      },
      intensityChange: {
        Nd: -1,
        Pr: -1,
        Dy: -1,
        Tb: -1,
      },
    },
  ],
};

/** The ids of the scenario presets, in the order of data/presets.json. @internal */
export const presetIds = ["china-export-controls-2025", "china-export-controls-2025-extended", "allied-build-out-2025-2035", "recycling-scale-up", "ev-motor-substitution"] as const;

/** The scenario presets, in the order of data/presets.json. @internal */
export const presets: readonly Scenario[] = [chinaExportControls2025, chinaExportControls2025Extended, alliedBuildOut20252035, recyclingScaleUp, evMotorSubstitution];

/** The scenario presets by id. @internal */
export const presetsById: { readonly [Id in (typeof presetIds)[number]]: Scenario } = {
  "china-export-controls-2025": chinaExportControls2025,
  "china-export-controls-2025-extended": chinaExportControls2025Extended,
  "allied-build-out-2025-2035": alliedBuildOut20252035,
  "recycling-scale-up": recyclingScaleUp,
  "ev-motor-substitution": evMotorSubstitution,
};
