// generated from data/hs-codes.csv by scripts/data-build.mjs; do not edit.
// Change the table and run `npm run data:build` (see docs/data.md).
import type { Provenance, HsCode } from '../../model/index.js';

const p1: Provenance = { source: "usgs-mcs-2026-heavy", tag: "reported", locator: "Tariff", note: "5% ad valorem." };
const p2: Provenance = { source: "usgs-mcs-2026-yttrium", tag: "reported", locator: "Tariff", note: "Free." };
const p3: Provenance = { source: "usgs-mcs-2026-heavy", tag: "reported", locator: "Tariff", note: "Free." };
const p4: Provenance = { source: "usgs-myb-2022", tag: "reported", locator: "Table 6, U.S. imports of rare-earth compounds" };
const p5: Provenance = { source: "usgs-myb-2022", tag: "reported", locator: "Table 7, U.S. imports of rare-earth metals and alloys" };
const p6: Provenance = { source: "china-tariff-lines", tag: "reported" };

/** The baseline's `hsCodes`, one record per row of data/hs-codes.csv. @internal */
export const hsCodes: readonly HsCode[] = [
  { code: "2805.30", nomenclature: "HS", description: "Rare-earth metals, scandium and yttrium, whether or not intermixed or interalloyed", scope: "rare-earth", provenance: { source: "usitc-hts-headings", tag: "reported", note: "Heading 2805 as a whole also covers alkali and alkaline-earth metals and mercury: a proxy at the 4-digit level." } },
  { code: "2846", nomenclature: "HS", description: "Compounds, inorganic or organic, of rare-earth metals, of yttrium or of scandium or of mixtures of these metals", scope: "rare-earth", provenance: { source: "usitc-hts-headings", tag: "reported", note: "The cleanest 4-digit rare-earth heading." } },
  { code: "2846.10", nomenclature: "HS", description: "Cerium compounds", scope: "rare-earth", provenance: { source: "usgs-mcs-2026", tag: "derived", locator: "p. 152, Tariff", derivation: "the first six digits of US HTS 2846.10.0000 (cerium compounds), which follows the international HS" } },
  { code: "2846.90", nomenclature: "HS", description: "Other compounds of rare-earth metals, of yttrium or of scandium (other than cerium compounds)", scope: "rare-earth", provenance: { source: "usgs-mcs-2026", tag: "derived", locator: "p. 152, Tariff", derivation: "the first six digits of US HTS 2846.90.2000 and .8000 (other rare-earth compounds), which follows the international HS" } },
  { code: "3606.90", nomenclature: "HS", description: "Other articles of heading 3606, including ferrocerium and other pyrophoric alloys", scope: "proxy", provenance: { source: "usgs-mcs-2026", tag: "derived", locator: "p. 152, Tariff", derivation: "the first six digits of US HTS 3606.90.3000 (ferrocerium and other pyrophoric alloys), which follows the international HS" } },
  { code: "8505", nomenclature: "HS", description: "Electromagnets; permanent magnets and articles intended to become permanent magnets after magnetisation; electromagnetic or permanent magnet chucks, clamps and similar holding devices; electromagnetic couplings, clutches and brakes; electromagnetic lifting heads", scope: "proxy", provenance: { source: "usitc-hts-headings", tag: "reported", note: "Includes non-rare-earth and non-permanent magnets." } },
  { code: "8505.11", nomenclature: "HS", description: "Permanent magnets and articles intended to become permanent magnets after magnetisation: of metal", scope: "proxy", provenance: { source: "hs-2022-8505", tag: "reported", note: "Covers NdFeB and SmCo magnets but also other metal magnets (e.g. AlNiCo). US MFN duty 2.1%, EU 2.2% (as quoted)." } },
  { code: "2805.30.0000", nomenclature: "HTS-US", description: "Rare-earth metals", scope: "rare-earth", provenance: { source: "usgs-mcs-2026", tag: "reported", locator: "p. 152, Tariff", note: "Normal trade relations 12-31-25: 5% ad valorem." } },
  { code: "2805.30.0050", nomenclature: "HTS-US", description: "Rare-earth metals, unspecified, not alloyed", scope: "rare-earth", provenance: p1 },
  { code: "2805.30.0090", nomenclature: "HTS-US", description: "Rare-earth metals, unspecified, alloyed", scope: "rare-earth", provenance: p1 },
  { code: "2846.10.0000", nomenclature: "HTS-US", description: "Cerium compounds", scope: "rare-earth", provenance: { source: "usgs-mcs-2026", tag: "reported", locator: "p. 152, Tariff", note: "5.5% ad valorem." } },
  { code: "2846.90.2000", nomenclature: "HTS-US", description: "Other rare-earth compounds: oxides or chlorides", scope: "rare-earth", provenance: { source: "usgs-mcs-2026", tag: "reported", locator: "p. 152, Tariff", note: "Free." } },
  { code: "2846.90.2015", nomenclature: "HTS-US", description: "Mixtures of rare-earth oxides containing yttrium or scandium as the predominant metal", scope: "rare-earth", provenance: p2 },
  { code: "2846.90.2040", nomenclature: "HTS-US", description: "Other rare-earth compounds: oxides", scope: "rare-earth", provenance: p3 },
  { code: "2846.90.2082", nomenclature: "HTS-US", description: "Mixtures of rare-earth chlorides containing yttrium or scandium as the predominant metal", scope: "rare-earth", provenance: p2 },
  { code: "2846.90.2084", nomenclature: "HTS-US", description: "Other rare-earth compounds: chlorides", scope: "rare-earth", provenance: p3 },
  { code: "2846.90.4000", nomenclature: "HTS-US", description: "Yttrium-bearing materials and compounds containing by weight >19% to <85% Y2O3", scope: "rare-earth", provenance: p2 },
  { code: "2846.90.8000", nomenclature: "HTS-US", description: "Other rare-earth compounds: carbonates", scope: "rare-earth", provenance: { source: "usgs-mcs-2026", tag: "reported", locator: "p. 152, Tariff", note: "3.7% ad valorem." } },
  { code: "2846.90.8075", nomenclature: "HTS-US", description: "Mixtures of other rare-earth carbonates, including scandium", scope: "rare-earth", provenance: { source: "usgs-mcs-2026-scandium", tag: "reported", locator: "Tariff", note: "3.7% ad valorem." } },
  { code: "2846.90.8090", nomenclature: "HTS-US", description: "Other rare-earth compounds, including yttrium and other compounds", scope: "rare-earth", provenance: { source: "usgs-mcs-2026-yttrium", tag: "reported", locator: "Tariff", note: "3.7% ad valorem." } },
  { code: "3606.90.3000", nomenclature: "HTS-US", description: "Ferrocerium and other pyrophoric alloys", scope: "proxy", provenance: { source: "usgs-mcs-2026", tag: "reported", locator: "p. 152, Tariff", note: "5.9% ad valorem." } },
  { code: "2846.10.0010", nomenclature: "HTS-US", description: "Cerium oxides", scope: "rare-earth", provenance: p4 },
  { code: "2846.10.0050", nomenclature: "HTS-US", description: "Cerium compounds, other than cerium oxide", scope: "rare-earth", provenance: p4 },
  { code: "2846.90.2005", nomenclature: "HTS-US", description: "Lanthanum oxides", scope: "rare-earth", provenance: p4 },
  { code: "2846.90.8070", nomenclature: "HTS-US", description: "Lanthanum carbonates mixtures", scope: "rare-earth", provenance: p4 },
  { code: "2805.30.0005", nomenclature: "HTS-US", description: "Lanthanum, unalloyed", scope: "rare-earth", provenance: p5 },
  { code: "2805.30.0010", nomenclature: "HTS-US", description: "Cerium, unalloyed", scope: "rare-earth", provenance: p5 },
  { code: "2805.30.0015", nomenclature: "HTS-US", description: "Praseodymium, unalloyed", scope: "rare-earth", provenance: p5 },
  { code: "2805.30.0020", nomenclature: "HTS-US", description: "Neodymium, unalloyed", scope: "rare-earth", provenance: p5 },
  { code: "2805.3011", nomenclature: "CN", description: "Neodymium (metal)", scope: "rare-earth", provenance: p6 },
  { code: "2805.3012", nomenclature: "CN", description: "Dysprosium (metal)", scope: "rare-earth", provenance: p6 },
  { code: "2805.3013", nomenclature: "CN", description: "Terbium (metal)", scope: "rare-earth", provenance: p6 },
  { code: "2805.3014", nomenclature: "CN", description: "Lanthanum (metal)", scope: "rare-earth", provenance: p6 },
  { code: "2805.3016", nomenclature: "CN", description: "Praseodymium (metal)", scope: "rare-earth", provenance: p6 },
  { code: "2805.3017", nomenclature: "CN", description: "Yttrium (metal)", scope: "rare-earth", provenance: p6 },
  { code: "2805.3018", nomenclature: "CN", description: "Scandium (metal)", scope: "rare-earth", provenance: p6 },
];
