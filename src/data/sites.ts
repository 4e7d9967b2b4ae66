// Deposits and facilities named in the data brief.
//
// Part of the baseline dataset (`rare-earths/data`); see docs/data.md for coverage, conventions and
// gaps. Every record carries its provenance: a source id from ./sources.ts, a tag (reported,
// derived with the derivation, or estimate with who estimated it) and where in the source it is.
// Plain data only: nothing is computed when the module loads.

import type { Deposit, Facility, Owner, Provenance } from '../model/types.js';

// Holders of MP Materials' equity, traced through it with `lookThrough`.
const mpShareholders: readonly Owner[] = [
  {
    name: 'Shenghe Resources Holding Co., Ltd.',
    homeCountry: 'CHN',
    stake: 0.08,
    via: 'MP Materials Corp.',
    provenance: {
      source: 'sec-13ga-shenghe-mp-2021',
      tag: 'reported',
      locator: 'cover page, rows 4, 9 and 11',
      note: '8.0% of MP Materials Class A common stock at 2020-12-31 (13,716,288 shares), the latest Shenghe filing found; later secondary pages give about 7.7% (December 2021) and are not stored. A stake in the company, not in the mine.',
    },
  },
  {
    name: 'U.S. Department of Defense',
    homeCountry: 'USA',
    via: 'MP Materials Corp.',
    provenance: {
      source: 'mp-dod-2025',
      tag: 'reported',
      note: 'The largest shareholder from July 2025; its stake is not in the sources read, so none is stored.',
    },
  },
];

const lynasMtWeld: Provenance = {
  source: 'lynas-mt-weld-2024',
  tag: 'reported',
  locator: 'Mineral Resources and Ore Reserves as at 30 June 2024',
};

/** Deposits. @internal */
export const deposits: readonly Deposit[] = [
  {
    id: 'bayan-obo',
    name: 'Bayan Obo',
    country: 'CHN',
    type: 'carbonatite',
    status: 'producing',
    operator: 'China Northern Rare Earth Group',
    distribution: {
      shares: {
        La: 0.23,
        Ce: 0.5,
        Pr: 0.062,
        Nd: 0.185,
        Sm: 0.008,
        Eu: 0.002,
        Gd: 0.007,
        Tb: 0.001,
        Dy: 0.001,
      },
      provenance: {
        source: 'usgs-myb-2022',
        tag: 'reported',
        locator:
          'Table 2, Rare earth contents of selected source minerals: Bayan Obo, Nei Mongol (bastnaesite)',
        note: 'Percent of total rare-earth oxide in the bastnaesite, as cited by USGS from Zang et al. 1982; elements USGS gives as NA are omitted. Rows may not add to 100 percent.',
      },
    },
    facilities: ['china-northern-rare-earth'],
    provenance: {
      source: 'seg-carbonatites-2016',
      tag: 'reported',
      locator: 'abstract',
      note: 'One of four carbonatites being mined for rare earths when the chapter was written.',
    },
    note: 'Inner Mongolia, about 150 km north-west of Baotou; rare earths are a co-product of iron-ore mining. Operator as in the brief (Baogang / China Northern Rare Earth). Resource figures in the sources read (">120 Mt REE proven reserves at 6% REO", Kynický et al. 2012) are bounds without a clear basis and are not stored.',
  },
  {
    id: 'mountain-pass',
    name: 'Mountain Pass',
    country: 'USA',
    type: 'carbonatite',
    status: 'producing',
    operator: 'MP Materials',
    owners: [
      {
        name: 'MP Materials Corp.',
        homeCountry: 'USA',
        stake: 1,
        provenance: {
          source: 'mp-dod-2025',
          tag: 'reported',
          note: 'Named by the source as the owner; no stake is published in the sources read, so sole ownership (1) is recorded. Home: Delaware corporation with its business address in Las Vegas, NV (SEC filing headers). The U.S. Department of Defense became its largest shareholder in July 2025.',
        },
      },
      ...mpShareholders,
    ],
    estimates: [
      {
        kind: 'resource',
        category: 'indicated',
        ore: { amount: 1297274.1782, unit: 't', basis: 'product', product: 'ore' },
        grade: 0.0283,
        year: 2021,
        code: 'S-K 1300',
        provenance: {
          source: 'mp-trs-2021',
          tag: 'derived',
          locator: 'mineral resource table (exclusive of reserves)',
          derivation: '1.43 million short tons (dry) × 0.90718474 t per short ton',
          note: 'Exclusive of reserves; cut-off 2.28–2.49% TREO. Grades: La2O3 0.92%, CeO2 1.41%, Pr6O11 0.12%, Nd2O3 0.34%, Sm2O3 0.03%.',
        },
      },
      {
        kind: 'resource',
        category: 'inferred',
        ore: { amount: 8237237.4392, unit: 't', basis: 'product', product: 'ore' },
        grade: 0.051,
        year: 2021,
        code: 'S-K 1300',
        provenance: {
          source: 'mp-trs-2021',
          tag: 'derived',
          locator: 'mineral resource table (exclusive of reserves)',
          derivation: '9.08 million short tons (dry) × 0.90718474 t per short ton',
          note: 'Grades: La2O3 1.66%, CeO2 2.54%, Pr6O11 0.22%, Nd2O3 0.62%, Sm2O3 0.05%.',
        },
      },
    ],
    distribution: {
      shares: {
        La: 0.34,
        Ce: 0.488,
        Pr: 0.042,
        Nd: 0.117,
        Sm: 0.0079,
        Eu: 0.0013,
        Gd: 0.0021,
        Y: 0.0012,
      },
      provenance: {
        source: 'usgs-myb-2022',
        tag: 'reported',
        locator:
          'Table 2, Rare earth contents of selected source minerals: Mountain Pass, CA (bastnaesite)',
        note: 'Percent of total rare-earth oxide in the bastnaesite, as cited by USGS from Molycorp 10-K 2014; elements USGS gives as NA are omitted. Rows may not add to 100 percent.',
      },
    },
    facilities: ['mountain-pass-mine', 'mountain-pass-separation'],
    provenance: { source: 'seg-carbonatites-2016', tag: 'reported', locator: 'abstract' },
    note: 'The FY2021 technical report gives the current mine plan\'s TREO distribution as Ce 50.2%, La 32.3%, NdPr 15.7%, "SEG+" 1.8% (not stored: NdPr is not split). Proven and probable reserves (29.69 million short tons at 5.97% TREO) are known only from a secondary summary of an undated 10-K and are not stored.',
  },
  {
    id: 'mount-weld',
    name: 'Mount Weld',
    country: 'AUS',
    type: 'carbonatite',
    status: 'producing',
    operator: 'Lynas Rare Earths',
    owners: [
      {
        name: 'Lynas Rare Earths Ltd',
        homeCountry: 'AUS',
        stake: 1,
        provenance: {
          source: 'lynas-fy2025',
          tag: 'reported',
          note: 'Named by the source as the owner; no stake is published in the sources read, so sole ownership (1) is recorded. Home: Perth-based, ASX-listed.',
        },
      },
    ],
    estimates: [
      {
        kind: 'resource',
        category: 'total',
        ore: { amount: 106600000, unit: 't', basis: 'product', product: 'ore' },
        grade: 0.0412,
        contained: { amount: 4390000, unit: 't', basis: 'REO' },
        cutOff: 0.025,
        year: 2024,
        provenance: lynasMtWeld,
      },
      {
        kind: 'resource',
        category: 'measured',
        ore: { amount: 20000000, unit: 't', basis: 'product', product: 'ore' },
        grade: 0.072,
        year: 2024,
        provenance: lynasMtWeld,
      },
      {
        kind: 'resource',
        category: 'indicated',
        ore: { amount: 15500000, unit: 't', basis: 'product', product: 'ore' },
        grade: 0.043,
        year: 2024,
        provenance: lynasMtWeld,
      },
      {
        kind: 'resource',
        category: 'inferred',
        ore: { amount: 71100000, unit: 't', basis: 'product', product: 'ore' },
        grade: 0.032,
        year: 2024,
        provenance: lynasMtWeld,
      },
      {
        kind: 'reserve',
        category: 'proved-probable',
        ore: { amount: 32000000, unit: 't', basis: 'product', product: 'ore' },
        grade: 0.0644,
        cutOff: 0.028,
        year: 2024,
        provenance: lynasMtWeld,
      },
      {
        kind: 'reserve',
        category: 'proved',
        ore: { amount: 21200000, unit: 't', basis: 'product', product: 'ore' },
        grade: 0.072,
        year: 2024,
        provenance: lynasMtWeld,
      },
      {
        kind: 'reserve',
        category: 'probable',
        ore: { amount: 10800000, unit: 't', basis: 'product', product: 'ore' },
        grade: 0.045,
        year: 2024,
        provenance: lynasMtWeld,
      },
    ],
    distribution: {
      shares: {
        La: 0.2388,
        Ce: 0.4755,
        Pr: 0.0516,
        Nd: 0.1813,
        Sm: 0.0244,
        Eu: 0.0053,
        Gd: 0.0109,
        Tb: 0.0009,
        Dy: 0.0025,
        Ho: 0.0003,
        Er: 0.0006,
        Yb: 0.0003,
        Y: 0.0076,
      },
      provenance: {
        source: 'usgs-myb-2022',
        tag: 'reported',
        locator:
          'Table 2, Rare earth contents of selected source minerals: Mount Weld Central Lanthanide, WA (monazite)',
        note: 'Percent of total rare-earth oxide in the monazite, as cited by USGS from Lynas 2012; elements USGS gives as NA are omitted. Rows may not add to 100 percent. The published row sums to 100.01% by rounding and the model refuses element shares above 1, so Tm (0.01%) is left out.',
      },
    },
    facilities: ['mount-weld-mine', 'lynas-kalgoorlie', 'lynas-malaysia'],
    provenance: {
      source: 'seg-carbonatites-2016',
      tag: 'reported',
      locator: 'abstract',
      note: 'A carbonatite-derived laterite.',
    },
    note: 'Laverton, Western Australia. Mine life 20+ years at 12,000 t/yr NdPr, 35+ years at 7,200 t/yr (Lynas, August 2024).',
  },
  {
    id: 'kvanefjeld',
    name: 'Kvanefjeld',
    country: 'GRL',
    type: 'other',
    status: 'stalled',
    operator: 'Energy Transition Minerals',
    provenance: {
      source: 'kvanefjeld-2025',
      tag: 'reported',
      note: "Stalled by Greenland's 2021 law banning the mining of deposits with more than 100 ppm uranium.",
    },
    note: 'Southern Greenland, near Narsaq. Deposit type not recorded in the sources read. The sources give a JORC resource of more than 1 billion t and an ore reserve of 108 Mt without grades, so no estimate is stored. Owners are left out: their home country was not found in a source.',
  },
  {
    id: 'tanbreez',
    name: 'Tanbreez (Killavaat Alannguat)',
    country: 'GRL',
    type: 'alkaline-igneous',
    status: 'permitted',
    operator: 'Tanbreez Mining Greenland A/S',
    owners: [
      {
        name: 'Critical Metals Corp.',
        homeCountry: 'VGB',
        stake: 0.42,
        provenance: {
          source: 'tanbreez-2024',
          tag: 'reported',
          note: '42% of Tanbreez Mining Greenland A/S, with an option to 92.5%. Home: headquartered in Tortola, British Virgin Islands, per one weak secondary page (press releases are datelined New York). The British Virgin Islands have no WGI values.',
        },
      },
    ],
    provenance: {
      source: 'tanbreez-2024',
      tag: 'reported',
      note: 'Hosted in kakortokite (about 20% eudialyte), a layered alkaline rock; 30-year mining licence granted in 2020.',
    },
    note: "Southern Greenland. An S-K 1300 initial resource of 45 Mt at about 0.4% TREO (Indicated 25.4 Mt at 0.37%, Inferred 19.5 Mt at 0.39%), about 27% heavy oxides, is reported in the sources read without a date, so it is not stored as an estimate. European Lithium's 7.5% is left out (home country not sourced).",
  },
  {
    id: 'nolans',
    name: 'Nolans',
    country: 'AUS',
    type: 'other',
    status: 'development',
    operator: 'Arafura Rare Earths',
    owners: [
      {
        name: 'Arafura Rare Earths Ltd',
        homeCountry: 'AUS',
        stake: 1,
        provenance: {
          source: 'arafura-nolans',
          tag: 'reported',
          note: 'Named by the source as the owner; no stake is published in the sources read, so sole ownership (1) is recorded.',
        },
      },
    ],
    estimates: [
      {
        kind: 'resource',
        category: 'total',
        ore: { amount: 56000000, unit: 't', basis: 'product', product: 'ore' },
        grade: 0.026,
        year: 2017,
        provenance: { source: 'arafura-nolans', tag: 'reported', note: '2017 resource; 11% P2O5.' },
      },
      {
        kind: 'reserve',
        category: 'proved-probable',
        ore: { amount: 19200000, unit: 't', basis: 'product', product: 'ore' },
        grade: 0.03,
        year: 2019,
        provenance: {
          source: 'arafura-nolans',
          tag: 'reported',
          note: '2019 definitive feasibility study; 13% P2O5.',
        },
      },
    ],
    provenance: {
      source: 'arafura-nolans',
      tag: 'reported',
      note: 'NAIF investment decision January 2024.',
    },
    note: '135 km north of Alice Springs, Northern Territory. Deposit type not recorded in the sources read. NdPr is 26.4% of TREO. The 2019 DFS plans 4,357 t/yr NdPr oxide and 13,343 t/yr TREO over a 23-year mine life.',
  },
  {
    id: 'browns-range',
    name: 'Browns Range (Wolverine)',
    country: 'AUS',
    type: 'other',
    status: 'feasibility',
    operator: 'Northern Minerals',
    owners: [
      {
        name: 'Northern Minerals Ltd',
        homeCountry: 'AUS',
        stake: 1,
        provenance: {
          source: 'northern-minerals-dfs-2025',
          tag: 'reported',
          note: 'Named by the source as the owner; no stake is published in the sources read, so sole ownership (1) is recorded.',
        },
      },
    ],
    estimates: [
      {
        kind: 'reserve',
        category: 'proved-probable',
        ore: { amount: 5180000, unit: 't', basis: 'product', product: 'ore' },
        grade: 0.0088,
        contained: { amount: 45800, unit: 't', basis: 'REO' },
        year: 2025,
        provenance: {
          source: 'northern-minerals-dfs-2025',
          tag: 'reported',
          locator: 'definitive feasibility study, ore reserve',
        },
      },
    ],
    provenance: {
      source: 'northern-minerals-dfs-2025',
      tag: 'reported',
      note: 'Definitive feasibility study released 2025-09-15; mining lease M80/650 to 2046.',
    },
    note: "East Kimberley, Western Australia; a xenotime deposit (type not otherwise classified in the sources read). Plans about 17,500 t/yr of xenotime concentrate at about 25% TREO (about 4,350 t/yr TREO), about 8% of global Dy/Tb supply, over an 11-year mine life, feeding Iluka's Eneabba refinery.",
  },
  {
    id: 'steenkampskraal',
    name: 'Steenkampskraal',
    country: 'ZAF',
    type: 'other',
    status: 'development',
    operator: 'Steenkampskraal Monazite Mine',
    owners: [
      {
        name: 'Steenkampskraal Holdings',
        homeCountry: 'ZAF',
        stake: 0.74,
        provenance: { source: 'steenkampskraal-web', tag: 'reported' },
      },
      {
        name: "Steenkampskraal Workers' Trust",
        homeCountry: 'ZAF',
        stake: 0.26,
        provenance: { source: 'steenkampskraal-web', tag: 'reported' },
      },
    ],
    distribution: {
      shares: { Nd: 0.1792 },
      provenance: {
        source: 'steenkampskraal-web',
        tag: 'derived',
        derivation: 'Nd2O3 grade 2.58% ÷ TREO grade 14.4% (both of ore), rounded to 4 decimals',
        note: 'Only Nd is given; the rest of the distribution is not in the sources read.',
      },
    },
    provenance: {
      source: 'steenkampskraal-web',
      tag: 'reported',
      note: 'Re-development; mining right to 2030.',
    },
    note: 'Western Cape, about 350 km north of Cape Town; a monazite mine (type not otherwise classified in the sources read). The company pages give a resource of 605,000 t at 14.4% TREO (86,900 t TREO including Y2O3; a newer page 665,000 t at 14.5%) and a reserve of 799,700 t at 8.68% (69,400 t) without dates, so no estimate is stored.',
  },
  {
    id: 'lofdal',
    name: 'Lofdal',
    country: 'NAM',
    type: 'other',
    status: 'permitted',
    operator: 'Namibia Critical Metals Inc.',
    provenance: {
      source: 'lofdal-2023',
      tag: 'reported',
      note: 'Mining licence ML 200, 25 years, valid to 2046-05-10; joint venture with JOGMEC (Japan); pre-feasibility stage.',
    },
    note: 'Kunene region, north-west Namibia; a xenotime-type heavy-rare-earth deposit (type not otherwise classified in the sources read). JV stakes are not in the sources read, so no owners are recorded. Area 4 resource 48.7 Mt (Measured 5.9 Mt at 0.21%, Indicated 36.6 Mt at 0.16%, Inferred 6.1 Mt at 0.17% TREO) plus Area 2B 4.8 Mt at 0.19%, undated in the sources read; PEA: 2,000 t/yr TREO including 117 t Dy and 17.5 t Tb over 16 years.',
  },
  {
    id: 'araxa',
    name: 'Araxá (St George Mining)',
    country: 'BRA',
    type: 'carbonatite',
    status: 'exploration',
    operator: 'St George Mining',
    provenance: {
      source: 'araxa-web',
      tag: 'reported',
      note: "Next to CBMM's niobium mine on the Araxá carbonatite complex, which the SEG chapter (seg-carbonatites-2016) describes as a carbonatite-derived laterite.",
    },
    note: "Minas Gerais. A JORC resource of 40.6 Mt at 4.13% TREO (about 1.7 Mt TREO) is reported without a date in the sources read, so it is not stored. The owner's home country was not found in a source and is left out.",
  },
  {
    id: 'serra-verde',
    name: 'Serra Verde (Pela Ema)',
    country: 'BRA',
    type: 'ion-adsorption-clay',
    status: 'producing',
    operator: 'Mineração Serra Verde',
    facilities: ['serra-verde-mine'],
    provenance: {
      source: 'serra-verde-web',
      tag: 'reported',
      note: 'Commercial mixed rare-earth carbonate production since 2024.',
    },
    note: 'Minaçu, Goiás. USGS (MCS 2026, Rare Earths (Heavy)) reports a Brazilian mine producing mixed concentrates from ionic clays with elevated Tb and Dy and a US DFC loan of US$465 million approved in November 2025, without naming the company. The owner (Denham Capital) is left out: home country not sourced.',
  },
  {
    id: 'round-top',
    name: 'Round Top',
    country: 'USA',
    type: 'peralkaline-igneous',
    status: 'exploration',
    operator: 'USA Rare Earth',
    provenance: {
      source: 'round-top-web',
      tag: 'reported',
      note: 'Peralkaline rhyolite containing 15 of the 17 rare earths; preliminary economic assessment August 2019.',
    },
    note: 'Hudspeth County, Texas. USA Rare Earth holds "up to 80%" with Texas Mineral Resources; no firm stakes are recorded. The PEA plans a 7.3 Mt/yr heap leach producing 2,212 t/yr REO and 8,956 t/yr Li2CO3 for 20+ years.',
  },
  {
    id: 'bear-lodge',
    name: 'Bear Lodge (Bull Hill)',
    country: 'USA',
    type: 'carbonatite',
    status: 'development',
    operator: 'Rare Element Resources',
    owners: [
      {
        name: 'Rare Element Resources Ltd',
        homeCountry: 'USA',
        stake: 1,
        provenance: {
          source: 'bear-lodge-web',
          tag: 'reported',
          note: 'Named by the source as the owner; no stake is published in the sources read, so sole ownership (1) is recorded. General Atomics holds about 54% of Rare Element Resources.',
        },
      },
    ],
    estimates: [
      {
        kind: 'resource',
        category: 'inferred',
        ore: { amount: 8890410.452, unit: 't', basis: 'product', product: 'ore' },
        grade: 0.0407,
        year: 2009,
        provenance: {
          source: 'bear-lodge-web',
          tag: 'derived',
          derivation: '9.8 million short tons × 0.90718474 t per short ton',
          note: 'Bull Hill SW inferred resource (2009); grade as REO.',
        },
      },
    ],
    provenance: {
      source: 'ammin-bear-lodge-2016',
      tag: 'reported',
      locator: 'abstract',
      note: 'Mineralisation mainly in a network of carbonatite dikes and veins of the Bear Lodge alkaline complex.',
    },
    note: 'Crook County, Wyoming. Demonstration plant at Upton, WY (2024); pre-feasibility project life 45 years.',
  },
  {
    id: 'ngualla',
    name: 'Ngualla',
    country: 'TZA',
    type: 'other',
    status: 'development',
    operator: 'Peak Rare Earths',
    owners: [
      {
        name: 'Peak Rare Earths Ltd',
        homeCountry: 'AUS',
        stake: 0.84,
        provenance: {
          source: 'ngualla-shenghe-2024',
          tag: 'reported',
          note: 'Held through Ngualla Group UK, which holds 84% of the project. Home: ASX-listed (Business News 2022). The holder of the remaining 16% is not in the sources read.',
        },
      },
      {
        name: 'Shenghe Resources Holding Co., Ltd.',
        homeCountry: 'CHN',
        stake: 0.199,
        via: 'Peak Rare Earths Ltd',
        provenance: {
          source: 'peak-shenghe-2022',
          tag: 'reported',
          note: '19.9% of Peak Rare Earths, bought through Shenghe Resources (Singapore) in December 2022. A stake in the company, not in the project.',
        },
      },
    ],
    provenance: {
      source: 'peak-shenghe-2025',
      tag: 'reported',
      note: 'Shenghe (through Ganzhou Chenguang) agreed in May 2025 to acquire all of Peak Rare Earths; completion is not in the sources read, so the stake stored is the 19.9% of 2022.',
    },
    note: 'Southern Tanzania; an NdPr-rich deposit with a mining licence, not yet producing. A JORC resource of 214 Mt at 2.15% REO (4.61 Mt REO) is reported without a date in the sources read and is not stored; deposit type not recorded in them.',
  },
];

/** Mines, plants and factories. @internal */
export const facilities: readonly Facility[] = [
  {
    id: 'mountain-pass-mine',
    name: 'Mountain Pass mine',
    country: 'USA',
    stage: 'mining',
    operator: 'MP Materials',
    owners: [
      {
        name: 'MP Materials Corp.',
        homeCountry: 'USA',
        stake: 1,
        provenance: {
          source: 'mp-dod-2025',
          tag: 'reported',
          note: 'Named by the source as the owner; no stake is published in the sources read, so sole ownership (1) is recorded.',
        },
      },
      ...mpShareholders,
    ],
    status: 'producing',
    output: [
      {
        year: 2024,
        quantity: { amount: 45455, unit: 't', basis: 'REO' },
        provenance: {
          source: 'mp-results-2024',
          tag: 'reported',
          note: 'Record REO in concentrate; REO sales 32,703 t. MCS 2026 reports US 2024 production of 45,500 t.',
        },
      },
    ],
    provenance: { source: 'mp-results-2024', tag: 'reported' },
    note: 'Bastnaesite mined as a primary product (USGS MCS 2026).',
  },
  {
    id: 'mountain-pass-separation',
    name: 'Mountain Pass separation plant',
    country: 'USA',
    stage: 'separation',
    operator: 'MP Materials',
    owners: [
      {
        name: 'MP Materials Corp.',
        homeCountry: 'USA',
        stake: 1,
        provenance: {
          source: 'mp-dod-2025',
          tag: 'reported',
          note: 'Named by the source as the owner; no stake is published in the sources read, so sole ownership (1) is recorded.',
        },
      },
      ...mpShareholders,
    ],
    status: 'producing',
    startYear: 2023,
    output: [
      {
        year: 2024,
        quantity: { amount: 1294, unit: 't', basis: 'REO' },
        elements: ['Nd', 'Pr'],
        provenance: {
          source: 'mp-results-2024',
          tag: 'reported',
          note: 'NdPr oxide produced; NdPr sales 1,142 t.',
        },
      },
    ],
    feedstock: [
      {
        facility: 'mountain-pass-mine',
        provenance: {
          source: 'mp-results-2024',
          tag: 'reported',
          note: 'Integrated mine and separation site.',
        },
      },
    ],
    provenance: { source: 'mp-results-2024', tag: 'reported', note: 'Separated NdPr since 2023.' },
    note: 'In August 2025 the U.S. Department of War lent a Mountain Pass producer US$150 million for a heavy-rare-earth separation facility (USGS MCS 2026, Rare Earths (Heavy)).',
  },
  {
    id: 'mp-10x',
    name: 'MP Materials "10X" magnet plant',
    country: 'USA',
    stage: 'magnet',
    operator: 'MP Materials',
    owners: [
      {
        name: 'MP Materials Corp.',
        homeCountry: 'USA',
        stake: 1,
        provenance: {
          source: 'mp-dod-2025',
          tag: 'reported',
          note: 'Named by the source as the owner; no stake is published in the sources read, so sole ownership (1) is recorded.',
        },
      },
      ...mpShareholders,
    ],
    status: 'development',
    startYear: 2028,
    provenance: {
      source: 'mp-dod-2025',
      tag: 'reported',
      note: 'Commissioning expected in 2028; site not named at the announcement.',
    },
    note: "Under the July 2025 agreement the U.S. Department of Defense buys 100% of the plant's output for 10 years and sets a 10-year NdPr price floor of US$110/kg; MP's total US magnet capacity after the plant is about 10,000 t/yr (company figure, not split by plant).",
  },
  {
    id: 'mount-weld-mine',
    name: 'Mount Weld mine and concentrator',
    country: 'AUS',
    stage: 'mining',
    operator: 'Lynas Rare Earths',
    owners: [
      {
        name: 'Lynas Rare Earths Ltd',
        homeCountry: 'AUS',
        stake: 1,
        provenance: {
          source: 'lynas-fy2025',
          tag: 'reported',
          note: 'Named by the source as the owner; no stake is published in the sources read, so sole ownership (1) is recorded. Home: Perth-based, ASX-listed.',
        },
      },
    ],
    status: 'producing',
    capacity: [
      {
        quantity: { amount: 12000, unit: 't', basis: 'REO' },
        elements: ['Nd', 'Pr'],
        provenance: {
          source: 'lynas-fy2025',
          tag: 'reported',
          note: 'Expansion nameplate, NdPr equivalent.',
        },
      },
    ],
    provenance: { source: 'lynas-fy2025', tag: 'reported' },
  },
  {
    id: 'lynas-kalgoorlie',
    name: 'Lynas Kalgoorlie rare earths processing facility',
    country: 'AUS',
    stage: 'separation',
    operator: 'Lynas Rare Earths',
    owners: [
      {
        name: 'Lynas Rare Earths Ltd',
        homeCountry: 'AUS',
        stake: 1,
        provenance: {
          source: 'lynas-fy2025',
          tag: 'reported',
          note: 'Named by the source as the owner; no stake is published in the sources read, so sole ownership (1) is recorded. Home: Perth-based, ASX-listed.',
        },
      },
    ],
    status: 'producing',
    capacity: [
      {
        quantity: { amount: 9000, unit: 't', basis: 'REO' },
        elements: ['Nd', 'Pr'],
        provenance: {
          source: 'lynas-capacity-2023',
          tag: 'reported',
          note: 'Nameplate: mixed rare-earth carbonate feed for about 9,000 t/yr of NdPr finished product.',
        },
      },
    ],
    feedstock: [
      {
        facility: 'mount-weld-mine',
        share: 1,
        provenance: {
          source: 'lynas-capacity-2023',
          tag: 'reported',
          note: "Lynas's published flow: Mount Weld concentrate is cracked and leached at Kalgoorlie.",
        },
      },
    ],
    provenance: {
      source: 'lynas-capacity-2023',
      tag: 'reported',
      note: 'Cracking and leaching to mixed rare-earth carbonate since 2023/24; the model counts cracking with separation.',
    },
  },
  {
    id: 'lynas-malaysia',
    name: 'Lynas Malaysia (LAMP), Gebeng, Kuantan',
    country: 'MYS',
    stage: 'separation',
    operator: 'Lynas Rare Earths',
    owners: [
      {
        name: 'Lynas Rare Earths Ltd',
        homeCountry: 'AUS',
        stake: 1,
        provenance: {
          source: 'lynas-fy2025',
          tag: 'reported',
          note: 'Named by the source as the owner; no stake is published in the sources read, so sole ownership (1) is recorded. Home: Perth-based, ASX-listed.',
        },
      },
    ],
    status: 'producing',
    capacity: [
      {
        year: 2023,
        quantity: { amount: 10500, unit: 't', basis: 'REO' },
        elements: ['Nd', 'Pr'],
        provenance: {
          source: 'lynas-capacity-2023',
          tag: 'reported',
          note: 'NdPr capacity after the 2023 upgrade.',
        },
      },
    ],
    output: [
      {
        year: 2024,
        quantity: { amount: 5655, unit: 't', basis: 'REO' },
        elements: ['Nd', 'Pr'],
        provenance: {
          source: 'lynas-fy2025',
          tag: 'reported',
          note: 'Lynas group NdPr production, fiscal year to 30 June 2024; recorded here because Lynas separates in Malaysia.',
        },
      },
      {
        year: 2025,
        quantity: { amount: 6558, unit: 't', basis: 'REO' },
        elements: ['Nd', 'Pr'],
        provenance: {
          source: 'lynas-fy2025',
          tag: 'reported',
          note: 'Lynas group NdPr production, fiscal year to 30 June 2025.',
        },
      },
      {
        year: 2025,
        quantity: { amount: 10462, unit: 't', basis: 'REO' },
        provenance: {
          source: 'lynas-fy2025',
          tag: 'reported',
          note: 'Lynas group total REO production, fiscal year to 30 June 2025 (the year of the first separated Dy and Tb oxides produced outside China).',
        },
      },
    ],
    feedstock: [
      {
        facility: 'lynas-kalgoorlie',
        share: 1,
        provenance: {
          source: 'lynas-capacity-2023',
          tag: 'reported',
          note: "Lynas's published flow: Kalgoorlie carbonate feeds the Malaysian separation plant.",
        },
      },
    ],
    provenance: { source: 'lynas-capacity-2023', tag: 'reported' },
    note: 'A planned plant for 5,000 t/yr of heavy-rare-earth feedstock was reported in 2023; in October 2025 an Australian producer announced a heavy-rare-earth separation facility in Malaysia (USGS MCS 2026, Rare Earths (Heavy), company not named).',
  },
  {
    id: 'solvay-la-rochelle',
    name: 'Solvay La Rochelle',
    country: 'FRA',
    stage: 'separation',
    operator: 'Solvay',
    owners: [
      {
        name: 'Solvay SA',
        homeCountry: 'BEL',
        stake: 1,
        provenance: {
          source: 'solvay-la-rochelle-2025',
          tag: 'reported',
          note: 'Named by the source as the owner; no stake is published in the sources read, so sole ownership (1) is recorded. Home: "the Belgian chemicals group".',
        },
      },
    ],
    status: 'producing',
    startYear: 1948,
    provenance: {
      source: 'solvay-la-rochelle-2025',
      tag: 'reported',
      note: 'Separating rare earths since 1948; magnet rare-earth line inaugurated April 2025.',
    },
    note: 'Described as the largest plant outside China able to separate all rare earths. Targets about 4,500 t/yr (30% of EU magnet rare-earth demand) by 2030, which would need about €100 million more; these are targets, not capacity, and are not stored as figures.',
  },
  {
    id: 'neo-silmet',
    name: 'NPM Silmet, Sillamäe',
    country: 'EST',
    stage: 'separation',
    operator: 'Neo Performance Materials',
    owners: [
      {
        name: 'Neo Performance Materials Inc.',
        homeCountry: 'CAN',
        stake: 1,
        provenance: {
          source: 'neo-narva-2023',
          tag: 'reported',
          note: 'Named by the source as the owner; no stake is published in the sources read, so sole ownership (1) is recorded. Home: Toronto-based, TSX-listed.',
        },
      },
    ],
    status: 'producing',
    capacity: [
      {
        quantity: { amount: 3000, unit: 't', basis: 'REO' },
        provenance: {
          source: 'neo-silmet-2023',
          tag: 'reported',
          note: 'About 3,000 t/yr of light-rare-earth separation.',
        },
      },
    ],
    provenance: {
      source: 'neo-silmet-2023',
      tag: 'reported',
      note: 'Described by Neo (2023) as the only non-captive industrial-scale separation facility outside Asia.',
    },
  },
  {
    id: 'neo-narva',
    name: 'Neo Magnequench magnet plant, Narva',
    country: 'EST',
    stage: 'magnet',
    operator: 'Neo Performance Materials',
    owners: [
      {
        name: 'Neo Performance Materials Inc.',
        homeCountry: 'CAN',
        stake: 1,
        provenance: {
          source: 'neo-narva-2023',
          tag: 'reported',
          note: 'Named by the source as the owner; no stake is published in the sources read, so sole ownership (1) is recorded. Home: Toronto-based, TSX-listed.',
        },
      },
    ],
    status: 'construction',
    startYear: 2025,
    capacity: [
      {
        year: 2025,
        quantity: {
          amount: 2000,
          unit: 't',
          basis: 'product',
          product: 'sintered NdFeB magnet block',
        },
        provenance: {
          source: 'neo-narva-2023',
          tag: 'reported',
          note: "Phase 1, about 1.5 million EVs' worth.",
        },
      },
      {
        quantity: {
          amount: 5000,
          unit: 't',
          basis: 'product',
          product: 'sintered NdFeB magnet block',
        },
        provenance: {
          source: 'neo-narva-2023',
          tag: 'reported',
          note: 'Phase 2, timing not disclosed.',
        },
      },
    ],
    provenance: {
      source: 'neo-narva-2023',
      tag: 'reported',
      note: 'Construction launched 2023-07-07; phase 1 from 2025. Investment about €100 million (Neo €81.25 million, EU Just Transition Fund via Estonia €18.75 million). Status as of the source.',
    },
  },
  {
    id: 'china-northern-rare-earth',
    name: 'China Northern Rare Earth Group (mines)',
    country: 'CHN',
    stage: 'mining',
    operator: 'China Northern Rare Earth Group',
    status: 'producing',
    provenance: {
      source: 'china-northern-2015',
      tag: 'reported',
      note: '"60 percent of the quotas were allocated to the China North Rare Earth Group" (2015).',
    },
    note: "A state-owned group standing for its mines (chiefly Bayan Obo), not a single plant. Its ~60% share of China's mining output in 2021 (opportimes.com quoting the USCC) is known only from an undated page and is not stored. Owner stakes are not in the sources read.",
  },
  {
    id: 'china-rare-earth-group',
    name: 'China Rare Earth Group (mines)',
    country: 'CHN',
    stage: 'mining',
    operator: 'China Rare Earth Group',
    owners: [
      {
        name: 'Aluminum Corporation of China (Chinalco)',
        homeCountry: 'CHN',
        stake: 0.2033,
        provenance: { source: 'creg-2021', tag: 'reported' },
      },
      {
        name: 'China Minmetals Corporation',
        homeCountry: 'CHN',
        stake: 0.2033,
        provenance: { source: 'creg-2021', tag: 'reported' },
      },
      {
        name: 'Ganzhou Rare Earth Group',
        homeCountry: 'CHN',
        stake: 0.2033,
        provenance: { source: 'creg-2021', tag: 'reported' },
      },
      {
        name: 'China Iron and Steel Research Institute Group (CISRI)',
        homeCountry: 'CHN',
        stake: 0.039,
        provenance: { source: 'creg-2021', tag: 'reported' },
      },
      {
        name: 'China GRINM Group (GRINM)',
        homeCountry: 'CHN',
        stake: 0.039,
        provenance: { source: 'creg-2021', tag: 'reported' },
      },
      {
        name: 'State-owned Assets Supervision and Administration Commission (SASAC)',
        homeCountry: 'CHN',
        stake: 0.3121,
        provenance: {
          source: 'creg-2021',
          tag: 'derived',
          derivation: '1 − 3 × 20.33% − 2 × 3.9%: the sources give "the rest" to SASAC',
        },
      },
    ],
    status: 'producing',
    startYear: 2021,
    provenance: { source: 'creg-2021', tag: 'reported', note: 'Formed 23 December 2021.' },
    note: "A state-owned group standing for its mines, chiefly the southern ion-adsorption clays (Ganzhou, Jiangxi), not a single plant. Reported at about 40% of China's mining output and about 70% of its heavy-rare-earth quota (not stored: no year and no table).",
  },
  {
    id: 'serra-verde-mine',
    name: 'Serra Verde mine (Pela Ema)',
    country: 'BRA',
    stage: 'mining',
    operator: 'Mineração Serra Verde',
    status: 'producing',
    startYear: 2024,
    capacity: [
      {
        quantity: { amount: 5000, unit: 't', basis: 'REO' },
        provenance: {
          source: 'serra-verde-web',
          tag: 'reported',
          note: 'Reported as "at least 5,000 t/yr REO" (Phase I), about 25-year life; Phase II could double run-of-mine before 2030.',
        },
      },
    ],
    provenance: { source: 'serra-verde-web', tag: 'reported' },
  },
];
