// The publications and data releases the baseline dataset cites, each listed once.
//
// Part of the baseline dataset (`rare-earths/data`); see docs/data.md for coverage, conventions and
// gaps. Every record carries its provenance: a source id from ./sources.ts, a tag (reported,
// derived with the derivation, or estimate with who estimated it) and where in the source it is.
// Plain data only: nothing is computed when the module loads.

import type { Source } from '../model/types.js';

/**
 * The sources of the baseline dataset, each listed once: title, publisher, year, edition and
 * version, publication date, URL or DOI, and which copy was read (the primary document or a named
 * secondary copy). Every record of {@link baseline} names one of them in its `provenance.source`,
 * and every source listed is cited by at least one record. The same array as `baseline.sources`.
 *
 * @category Data
 * @example
 * ```ts
 * import { sources } from 'rare-earths/data';
 *
 * sources.find((source) => source.id === 'usgs-mcs-2026')?.version; // => 'v1.3 (reposted 2026-05-27)'
 * ```
 */
export const sources: readonly Source[] = [
  {
    id: 'usgs-mcs-2026',
    title: 'Rare Earths',
    authors: ['Johnston, S.N.'],
    publisher: 'U.S. Geological Survey',
    year: 2026,
    edition: 'Mineral Commodity Summaries 2026, pp. 152–153',
    version: 'v1.3 (reposted 2026-05-27)',
    published: '2026-02-06',
    url: 'https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-rare-earths.pdf',
    doi: '10.5066/P1WKQ63T',
    copy: {
      kind: 'primary',
      description:
        'PDF text (pdftotext -layout) and the official data-release files, as redistributed in therealjameswilson/critical-minerals-records-stage-v3@a67e3d4 (data/raw/usgs_mcs2026_rare_earths.pdf, usgs_mcs2026_commodities_data.csv, usgs_mcs2026_version_history.txt)',
    },
    note: 'The DOI is that of the MCS 2026 data release. Reserves are the v1.3 values: Brazil 11,000,000 t and world >75,000,000 t (v1.0–1.2 and the data-release CSV: 21,000,000 and >85,000,000). Data include the lanthanides and yttrium but exclude most scandium.',
  },
  {
    id: 'usgs-mcs-2026-heavy',
    title: 'Rare Earths (Heavy)',
    authors: ['Johnston, S.N.'],
    publisher: 'U.S. Geological Survey',
    year: 2026,
    edition: 'Mineral Commodity Summaries 2026',
    published: '2026-02-06',
    url: 'https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-rare-earths-heavy.pdf',
    doi: '10.5066/P1WKQ63T',
    copy: {
      kind: 'primary',
      description:
        'PDF text (pdftotext -layout) and the official data-release files, as redistributed in therealjameswilson/critical-minerals-records-stage-v3@a67e3d4 (data/raw/usgs_mcs2026_rare_earths_heavy.pdf)',
    },
    note: "Heavy rare earths here are Tb, Dy, Ho, Er, Tm, Yb and Lu; yttrium is excluded from the chapter's data.",
  },
  {
    id: 'usgs-mcs-2026-yttrium',
    title: 'Yttrium',
    authors: ['Johnston, S.N.'],
    publisher: 'U.S. Geological Survey',
    year: 2026,
    edition: 'Mineral Commodity Summaries 2026',
    published: '2026-02-06',
    doi: '10.5066/P1WKQ63T',
    copy: {
      kind: 'primary',
      description:
        'PDF text (pdftotext -layout) and the official data-release files, as redistributed in therealjameswilson/critical-minerals-records-stage-v3@a67e3d4 (data/raw/usgs_mcs2026_yttrium.pdf)',
    },
    note: 'Data in metric tons of Y2O3 equivalent.',
  },
  {
    id: 'usgs-mcs-2026-scandium',
    title: 'Scandium',
    authors: ['Johnston, S.N.'],
    publisher: 'U.S. Geological Survey',
    year: 2026,
    edition: 'Mineral Commodity Summaries 2026',
    published: '2026-02-06',
    doi: '10.5066/P1WKQ63T',
    copy: {
      kind: 'primary',
      description:
        'PDF text (pdftotext -layout) and the official data-release files, as redistributed in therealjameswilson/critical-minerals-records-stage-v3@a67e3d4 (data/raw/usgs_mcs2026_scandium.pdf)',
    },
    note: 'Data in metric tons of scandium oxide equivalent.',
  },
  {
    id: 'usgs-mcs-2025',
    title: 'Rare Earths',
    publisher: 'U.S. Geological Survey',
    year: 2025,
    edition: 'Mineral Commodity Summaries 2025, pp. 144–145',
    published: '2025',
    url: 'https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-rare-earths.pdf',
    doi: '10.5066/P13XCP3R',
    copy: {
      kind: 'secondary',
      description:
        'Marker conversion of the PDF (NSSAC/dpi.RAG: data/marker/mcs2025-rare-earths.md), in which footnote digits fused with numbers were separated by hand, cross-checked against an independent OCR transcription; the two agree on every value compared. The primary PDF and the MCS 2025 data-release CSV were not read.',
    },
    note: 'Superseded for 2024 by MCS 2026, which revised 2024 production heavily; kept so that the older vintage stays queryable.',
  },
  {
    id: 'usgs-myb-2022',
    title: 'Rare Earths [advance data release of the 2022 annual tables]',
    publisher: 'U.S. Geological Survey',
    year: 2025,
    edition: 'Minerals Yearbook 2022, volume I, Metals and Minerals',
    published: '2025-03-19',
    url: 'https://www.usgs.gov/centers/national-minerals-information-center/rare-earths-statistics-and-information',
    copy: {
      kind: 'primary',
      description:
        'official workbook usgs_myb2022_rare_earths_tables.xlsx (sheets T1–T8, read cell by cell), as redistributed in therealjameswilson/critical-minerals-records-stage-v3@a67e3d4 (data/raw/)',
    },
    note: 'The latest USGS vintage for 2018–2022 world mine production (Table 8), which supersedes the MCS values for those years. Tables include data through 2023-07-14 (Tables 2, 6, 7) or 2024-04-01 (Tables 1, 8).',
  },
  {
    id: 'eu-crm-2023',
    title: 'Study on the Critical Raw Materials for the EU 2023 — Final Report',
    authors: ['Grohol, M.', 'Veeh, C.'],
    publisher: 'European Commission',
    year: 2023,
    url: 'https://single-market-economy.ec.europa.eu/publications/study-critical-raw-materials-eu-2023-final-report_en',
    doi: '10.2873/725585',
    copy: {
      kind: 'secondary',
      description:
        'Two transcriptions; the primary PDF was not read. (a) erikemilsson/EU-Critical-Raw-Materials-CRM-Reports-Datasets@5938350, Data/*.csv (Annex 4 pp. 61–62, Appendix 6 p. 64, Appendix 7 p. 78); (b) meyerdata/CritMAT@0bd8977, input_data/seeds/eureport_results.csv (per-material results).',
    },
    note: 'Tb and Y end-of-life recycling input rates, the Nd bottleneck stage, Pr supply risk at processing and the LREE supply risk at extraction could not be confirmed from the transcriptions and are left out of the criticality records (see their notes).',
  },
  {
    id: 'eu-crm-2017',
    title:
      'Study on the review of the list of Critical Raw Materials — Criticality Assessments. Final Report',
    authors: [
      'Deloitte Sustainability',
      'British Geological Survey',
      'Bureau de Recherches Géologiques et Minières',
      'Netherlands Organisation for Applied Scientific Research (TNO)',
    ],
    publisher: 'European Commission, DG Internal Market, Industry, Entrepreneurship and SMEs',
    year: 2017,
    published: '2017-06',
    doi: '10.2873/876644',
    copy: {
      kind: 'primary',
      description:
        'PDF text: erikemilsson/EU-Critical-Raw-Materials-CRM-Reports-Datasets@5938350, "EU CRM pdf copies/CRM 2017.pdf"',
    },
    note: 'ISBN 978-92-79-47937-3.',
  },
  {
    id: 'wgi-2024',
    title: 'Worldwide Governance Indicators, 2024 update',
    authors: ['Kaufmann, D.', 'Kraay, A.'],
    publisher: 'World Bank',
    year: 2024,
    edition: '2024 update (estimates 1996–2023, 214 economies)',
    url: 'https://www.worldbank.org/en/publication/worldwide-governance-indicators',
    copy: {
      kind: 'secondary',
      description:
        'the official long-format wgidataset.xlsx as redistributed in timothym4r/Politics-and-Corruption-on-FDI-GDP-relation@5e3e46b (data/wgidataset.xlsx); identical, estimate for estimate, to two further copies (patakota95/Dissertation@aed6021, Terrie-png/DAV_CA1@5853634)',
    },
    note: 'Method: Kaufmann & Kraay (2024), World Bank Policy Research Working Paper 10952. The 2025 edition (revised method, possibly another scale) was not used. Which WGI year EU CRM 2023 used cannot be identified from its published numbers (China scaled value between 5.61 and 5.71).',
  },
  {
    id: 'iea-gcmo-2024',
    title: 'Global Critical Minerals Outlook 2024',
    publisher: 'International Energy Agency',
    year: 2024,
    url: 'https://www.iea.org/reports/global-critical-minerals-outlook-2024',
    copy: {
      kind: 'secondary',
      description:
        'press summaries only: seaisi.org/details/24787 (2024-06-03) and wayenind.com; no page numbers',
    },
    note: 'The report itself was not read; element scope and basis of its rare-earth figures are not stated in the summaries.',
  },
  {
    id: 'iea-commentary-2025-10',
    title:
      'With new export controls on critical minerals, supply concentration risks become reality',
    publisher: 'International Energy Agency',
    year: 2025,
    published: '2025-10-23',
    copy: {
      kind: 'secondary',
      description:
        'rareearthexchanges.com news summary ("The mineral chessboard: IEA sounds alarm as China tightens its grip")',
    },
  },
  {
    id: 'ciaaw-2021',
    title: 'Standard atomic weights of the elements 2021 (IUPAC Technical Report)',
    authors: ['Prohaska, T.', 'et al.'],
    publisher:
      'International Union of Pure and Applied Chemistry (Pure and Applied Chemistry 94(5))',
    year: 2022,
    doi: '10.1515/pac-2019-0603',
    copy: {
      kind: 'secondary',
      description:
        "values as used by the library's element table (src/elements/table.ts): Nd 144.242; Fe 55.845 and B 10.81 (conventional value) from the same table",
    },
  },
  {
    id: 'heim-vanderwal-2023',
    title:
      'NdFeB Permanent Magnet Uses, Projected Growth Rates and Nd Plus Dy Demands across End-Use Sectors through 2050: A Review',
    authors: ['Heim, J.W. II', 'Vander Wal, R.L.'],
    publisher: 'MDPI (Minerals 13(10), 1274)',
    year: 2023,
    published: '2023-09-29',
    doi: '10.3390/min13101274',
    copy: {
      kind: 'secondary',
      description:
        'the authors\' encyclopedia.pub entry 50309 ("NdFeB Permanent Magnet Uses", 2023-10-14), "Wind" section',
    },
  },
  {
    id: 'seg-carbonatites-2016',
    title: 'Rare Earth Element Ore Geology of Carbonatites',
    publisher: 'Society of Economic Geologists (Reviews in Economic Geology 18)',
    year: 2016,
    url: 'https://pubs.geoscienceworld.org/books/book/1998/chapter/16269969/Rare-Earth-Element-Ore-Geology-of-Carbonatites',
    copy: { kind: 'secondary', description: 'the chapter abstract on pubs.geoscienceworld.org' },
  },
  {
    id: 'ammin-bear-lodge-2016',
    title:
      'Mineral chemistry and petrogenesis of a HFSE(+HREE) occurrence peripheral to carbonatites of the Bear Lodge alkaline complex, Wyoming',
    publisher: 'Mineralogical Society of America (American Mineralogist 101(7), 1604)',
    year: 2016,
    copy: { kind: 'secondary', description: 'the article abstract on pubs.geoscienceworld.org' },
  },
  {
    id: 'mp-results-2024',
    title: 'MP Materials fourth quarter and full year 2024 results',
    publisher: 'MP Materials Corp.',
    year: 2025,
    copy: { kind: 'secondary', description: 'reportify.ai summary of the results release' },
  },
  {
    id: 'mp-trs-2021',
    title:
      'S-K 1300 Technical Report Summary, Mountain Pass Rare Earth Project (Exhibit 96.1 to Form 10-K for fiscal year 2021)',
    authors: ['SRK Consulting'],
    publisher: 'MP Materials Corp. (U.S. Securities and Exchange Commission filing)',
    year: 2022,
    copy: {
      kind: 'secondary',
      description:
        'content.edgar-online.com copy of the exhibit (tables as extracted by a search index)',
    },
    note: 'SEC accession 0001801368-22-000010. The reserve table of this report was not read; the FY2025 update (effective 2025-10-01) was reachable only as a table of contents.',
  },
  {
    id: 'mp-dod-2025',
    title:
      'MP Materials public–private partnership with the U.S. Department of Defense (press release)',
    publisher: 'MP Materials Corp.',
    year: 2025,
    published: '2025-07-10',
    copy: {
      kind: 'secondary',
      description:
        "defence-industry.eu, battery-tech.net and tipranks.com reports of the release (2025-07-10); MP's business address (Las Vegas, NV) from SEC EDGAR filing headers",
    },
  },
  {
    id: 'lynas-mt-weld-2024',
    title: 'Mt Weld Mineral Resources and Ore Reserves (ASX announcement)',
    publisher: 'Lynas Rare Earths Ltd',
    year: 2024,
    published: '2024-08-05',
    copy: {
      kind: 'secondary',
      description: 'nrinvesting.com, stocksavvy.ai and viralz.org summaries of the announcement',
    },
  },
  {
    id: 'lynas-fy2025',
    title: 'Lynas Rare Earths annual results for the year to 30 June 2025',
    publisher: 'Lynas Rare Earths Ltd',
    year: 2025,
    copy: {
      kind: 'secondary',
      description:
        'firmsworld.com Lynas profile ("Perth-based"), middle.news (2025-08-27) and rareearthexchanges.com (2025-09-23) reports of the results',
    },
  },
  {
    id: 'lynas-capacity-2023',
    title: 'Reports on Lynas Kalgoorlie and Lynas Malaysia capacity (October 2023)',
    publisher: 'The Star (Malaysia); Focus Malaysia',
    year: 2023,
    published: '2023-10',
    copy: { kind: 'secondary', description: 'thestar.com.my and focusmalaysia.my news reports' },
  },
  {
    id: 'neo-narva-2023',
    title:
      'Neo Performance Materials launches construction of its rare-earth magnet plant in Narva, Estonia (press release)',
    publisher: 'Neo Performance Materials Inc.',
    year: 2023,
    published: '2023-07-07',
    copy: {
      kind: 'secondary',
      description:
        'newswire.ca copy of the release (2023-07-07); fdiintelligence.com and global-recycling.info reports; "Toronto-based" as stated there',
    },
  },
  {
    id: 'neo-silmet-2023',
    title: "Report on Neo Performance Materials' Silmet separation plant",
    publisher: 'Argus Media',
    year: 2023,
    copy: { kind: 'secondary', description: 'argusmedia.com news report' },
  },
  {
    id: 'solvay-la-rochelle-2025',
    title:
      'Solvay inaugurates a rare-earth production line in La Rochelle (news reports, April 2025)',
    publisher: '24brussels.online; Automotive World; Speciality Chemicals Magazine',
    year: 2025,
    published: '2025-04',
    copy: {
      kind: 'secondary',
      description:
        '24brussels.online ("the Belgian chemicals group"), automotiveworld.com and specchemonline.com reports',
    },
  },
  {
    id: 'china-northern-2015',
    title: "Report on China's rare-earth industry consolidation and 2015 quotas",
    publisher: 'Azovpromstal',
    year: 2015,
    published: '2015-04-14',
    copy: { kind: 'secondary', description: 'azovpromstal.com news item (2015-04-14)' },
  },
  {
    id: 'creg-2021',
    title: 'Reports on the formation of China Rare Earth Group (December 2021)',
    publisher: 'Yicai Global; Opportimes; PM Review',
    year: 2021,
    published: '2021-12',
    copy: {
      kind: 'secondary',
      description: 'yicaiglobal.com, opportimes.com and pm-review.com reports',
    },
  },
  {
    id: 'sec-13ga-shenghe-mp-2021',
    title:
      'Schedule 13G/A (Amendment No. 1): MP Materials Corp. Class A common stock, filed by Shenghe Resources Holding Co., Ltd.',
    publisher: 'U.S. Securities and Exchange Commission (EDGAR)',
    year: 2021,
    edition: 'date of event 2020-12-31',
    url: 'https://www.sec.gov/Archives/edgar/data/1801368/000119312521025215/d221047dsc13ga.htm',
    copy: { kind: 'primary', description: 'the filing text on sec.gov' },
    note: 'Cover page: citizenship or place of organization China; 13,716,288 shares beneficially owned (shared voting and dispositive power); 8.0% of the class (rows 4, 9 and 11). The latest Shenghe filing found; later dilution (the July 2025 Department of Defense investment) is not reflected.',
  },
  {
    id: 'peak-shenghe-2022',
    title: 'Chinese group backs Peak Rare Earths for a premium',
    publisher: 'Business News (Western Australia)',
    year: 2022,
    url: 'https://www.businessnews.com.au/article/Chinese-group-backs-Peak-Rare-Earths-for-a-premium',
    copy: {
      kind: 'secondary',
      description:
        'the news page; the December 2022 date from miningeurope.news ("a stakeholder in Peak with a 19.9% ownership since December 2022")',
    },
    note: 'Shenghe Resources (Singapore), a subsidiary of Shanghai-listed Shenghe Resources Holding, buys 19.9% of Peak Rare Earths (ASX) from Appian Pinnacle Holdco at A$0.99 a share. The page also names Shenghe interests in MP Materials, Vietnam Rare Earth Company and Greenland Minerals, without stakes.',
  },
  {
    id: 'ngualla-shenghe-2024',
    title: "China's Shenghe to acquire half of Peak Rare Earth's Tanzania project (Reuters)",
    publisher: 'Reuters, via MarketScreener',
    year: 2024,
    published: '2024-07',
    url: 'https://www.marketscreener.com/quote/stock/SHENGHE-RESOURCES-HOLDING-9949770/news/China-s-Shenghe-to-acquire-half-of-Peak-Rare-Earth-s-Tanzania-project-47449709/',
    copy: {
      kind: 'secondary',
      description:
        'MarketScreener copy of the Reuters report; the 84% interest also in miningeurope.news and rareearthexchanges.com',
    },
    note: 'Shenghe would buy 50% of Ngualla Group UK, which holds 84% of the Ngualla project (a non-binding term sheet). The same report says PR NG Minerals owns the project and Peak owns 87.5% of it; the two figures are not reconciled in the source, and the 84% repeated by other reports is the one stored.',
  },
  {
    id: 'peak-shenghe-2025',
    title:
      'Shenghe Resources accelerates its overseas rare earth resources layout (acquisition of Peak Rare Earths)',
    publisher: 'SMM (Shanghai Metals Market)',
    year: 2025,
    published: '2025-05-15',
    url: 'https://news.metal.com/newscontent/103325535/',
    copy: { kind: 'secondary', description: 'news.metal.com report of the Shenghe announcement' },
    note: "Ganzhou Chenguang Rare Earths New Material, wholly owned by Shenghe Resources, plans to acquire 100% of Peak Rare Earths for A$158 million (binding scheme implementation deed). Completion is not in the sources read, so the stored stake stays at Shenghe's 19.9%.",
  },
  {
    id: 'kvanefjeld-2025',
    title: 'Reports on the Kvanefjeld project (2025)',
    publisher: 'Innovation News Network; Energy News (oedigital)',
    year: 2025,
    copy: {
      kind: 'secondary',
      description: 'innovationnewsnetwork.com and energynews.oedigital.com reports',
    },
  },
  {
    id: 'tanbreez-2024',
    title: 'Critical Metals Corp. press releases on the Tanbreez project (2024–2025)',
    publisher: 'Critical Metals Corp.',
    year: 2024,
    copy: {
      kind: 'secondary',
      description:
        'advfn.com and stocktitan.net copies of the releases; mining.com, northernminer.com, miningdataonline.com and stockhead.com.au reports; Tortola (British Virgin Islands) headquarters per metalpilot.com',
    },
  },
  {
    id: 'arafura-nolans',
    title: 'Nolans project pages and reports',
    publisher: 'Arafura Rare Earths Ltd; Mining Weekly',
    year: 2026,
    copy: {
      kind: 'secondary',
      description: 'arultd.com project pages and miningweekly.com reports',
    },
    note: 'Undated web pages: the year is when they were read for this dataset, not a publication date. The latest event they report is the NAIF investment decision of January 2024.',
  },
  {
    id: 'northern-minerals-dfs-2025',
    title: 'Reports on the Browns Range definitive feasibility study (released 2025-09-15)',
    publisher: 'Australian Mining; NS Energy; SMM News',
    year: 2025,
    published: '2025-09',
    copy: {
      kind: 'secondary',
      description: 'australianmining.com.au, nsenergybusiness.com and news.metal.com reports',
    },
  },
  {
    id: 'steenkampskraal-web',
    title: 'Steenkampskraal Monazite Mine company pages',
    publisher: 'Steenkampskraal Holdings',
    year: 2026,
    copy: { kind: 'secondary', description: 'steenkampskraal.com pages' },
    note: 'Undated web pages: the year is when they were read for this dataset, not a publication date.',
  },
  {
    id: 'lofdal-2023',
    title: 'Reports on the Lofdal project (Namibia Critical Metals and JOGMEC)',
    publisher: 'The Brief (Namibia); Canadian Mining Journal; StockTitan',
    year: 2023,
    published: '2023-04',
    copy: {
      kind: 'secondary',
      description:
        'thebrief.com.na (2023-04), canadianminingjournal.com, nsenergybusiness.com, gbreports.com, stocktitan.net and thebusiness-insight.com reports',
    },
  },
  {
    id: 'araxa-web',
    title: "Reports on St George Mining's Araxá project",
    publisher: 'Middle News; Bunbury Herald; Mining News',
    year: 2026,
    copy: {
      kind: 'secondary',
      description: 'middle.news, bunburyherald.com.au and miningnews.ir reports',
    },
    note: 'Undated web pages: the year is when they were read for this dataset, not a publication date.',
  },
  {
    id: 'serra-verde-web',
    title: 'Reports on the Serra Verde (Pela Ema) project',
    publisher: 'Mining.com; NS Energy',
    year: 2026,
    copy: { kind: 'secondary', description: 'mining.com and nsenergybusiness.com reports' },
    note: 'Undated web pages: the year is when they were read for this dataset, not a publication date.',
  },
  {
    id: 'round-top-web',
    title: 'Round Top project pages and reports',
    publisher: 'USA Rare Earth; NS Energy',
    year: 2026,
    copy: { kind: 'secondary', description: 'usarareearth.com and nsenergybusiness.com pages' },
    note: 'Undated web pages: the year is when they were read for this dataset, not a publication date.',
  },
  {
    id: 'bear-lodge-web',
    title: 'Reports on the Bear Lodge project',
    publisher: 'The Northern Miner; Rare Element Resources; Cowboy State Daily',
    year: 2026,
    copy: {
      kind: 'secondary',
      description: 'northernminer.com, rareelementresources.com and cowboystatedaily.com reports',
    },
    note: 'Undated web pages: the year is when they were read for this dataset, not a publication date.',
  },
  {
    id: 'usitc-hts-headings',
    title: 'Harmonized Tariff Schedule of the United States: headings 2805, 2846 and 8505',
    publisher: 'U.S. International Trade Commission',
    year: 2026,
    url: 'https://hts.usitc.gov/',
    copy: {
      kind: 'secondary',
      description:
        'heading texts as quoted in U.S. CBP ruling NY 801877 and in the HTS explorer of therealjameswilson/critical-minerals-records-stage-v3@a67e3d4',
    },
    note: "The HTS shares the international Harmonized System's first six digits. Year: when read for this dataset.",
  },
  {
    id: 'hs-2022-8505',
    title: 'HS 2022 nomenclature, subheading 8505.11',
    publisher: 'World Customs Organization',
    year: 2022,
    copy: {
      kind: 'secondary',
      description: 'supplymo.com and a custom-tariffs page quoting the HS 2022 text',
    },
  },
  {
    id: 'china-tariff-lines',
    title: "Customs tariff of the People's Republic of China: lines 2805.30xx",
    publisher: 'chinesetariff.com',
    year: 2026,
    copy: { kind: 'secondary', description: 'chinesetariff.com pages' },
    note: 'Undated web pages: the year is when they were read for this dataset, not a publication date.',
  },
  {
    id: 'frb-g5a-2024',
    title: 'Foreign Exchange Rates -- G.5A Annual',
    publisher: 'Board of Governors of the Federal Reserve System',
    year: 2024,
    edition: 'G.5A statistical release, average rates of exchange in 2023 with 2020–2022',
    published: '2024-02-01',
    url: 'https://www.federalreserve.gov/releases/g5a/20240201/',
    copy: {
      kind: 'primary',
      description:
        'the release web page (federalreserve.gov/releases/g5a/20240201), read from a stored snapshot of the page',
    },
    note: 'Rates in currency units per U.S. dollar: averages of daily noon buying rates for cable transfers in New York City certified for customs purposes by the Federal Reserve Bank of New York. The 2020 rate for China (6.9042) is the same in the release of November 2021.',
  },
];
