// Trade files in the exact published column layouts, written by the tests. Comtrade: the
// Comtrade Plus API/bulk CSV header (UN Statistics Division, "UN Comtrade Plus: data items"),
// 47 columns in the published order. BACI: `t,i,j,k,v,q` (CEPII BACI readme) and its
// country-code table (`country_code,country_name,country_iso2,country_iso3`, V202401 on).
// Every expected number in the tests is computed by hand from the rows below.

export const COMTRADE_COLUMNS = [
  'typeCode',
  'freqCode',
  'refPeriodId',
  'refYear',
  'refMonth',
  'period',
  'reporterCode',
  'reporterISO',
  'reporterDesc',
  'flowCode',
  'flowDesc',
  'partnerCode',
  'partnerISO',
  'partnerDesc',
  'partner2Code',
  'partner2ISO',
  'partner2Desc',
  'classificationCode',
  'classificationSearchCode',
  'isOriginalClassification',
  'cmdCode',
  'cmdDesc',
  'aggrLevel',
  'isLeaf',
  'customsCode',
  'customsDesc',
  'mosCode',
  'motCode',
  'motDesc',
  'qtyUnitCode',
  'qtyUnitAbbr',
  'qty',
  'isQtyEstimated',
  'altQtyUnitCode',
  'altQtyUnitAbbr',
  'altQty',
  'isAltQtyEstimated',
  'netWgt',
  'isNetWgtEstimated',
  'grossWgt',
  'isGrossWgtEstimated',
  'cifvalue',
  'fobvalue',
  'primaryValue',
  'legacyEstimationFlag',
  'isReported',
  'isAggregate',
] as const;

type ComtradeColumn = (typeof COMTRADE_COLUMNS)[number];

const COUNTRY: Record<string, [string, string]> = {
  JPN: ['392', 'Japan'],
  CHN: ['156', 'China'],
  VNM: ['704', 'Viet Nam'],
  USA: ['842', 'USA'],
  KOR: ['410', 'Rep. of Korea'],
  DEU: ['276', 'Germany'],
  W00: ['0', 'World'],
};

export interface ComtradeRow {
  readonly year?: string;
  readonly reporter: string;
  readonly flow: 'M' | 'X' | 'RM' | 'RX';
  readonly partner: string;
  readonly cmd: string;
  readonly netWgt: string;
  readonly value: string;
  readonly partner2?: string;
  readonly customs?: string;
  readonly mot?: string;
  readonly estimated?: boolean;
  readonly partnerDesc?: string;
}

function quote(field: string): string {
  return /[",\n\r]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** One Comtrade Plus CSV row, every column filled as the API fills it. */
export function comtradeLine(row: ComtradeRow): string {
  const year = row.year ?? '2024';
  const [reporterCode, reporterDesc] = COUNTRY[row.reporter] ?? ['999', row.reporter];
  const [partnerCode, partnerDesc] = COUNTRY[row.partner] ?? ['899', row.partner];
  const imports = row.flow.endsWith('M');
  const values: Record<ComtradeColumn, string> = {
    typeCode: 'C',
    freqCode: 'A',
    refPeriodId: `${year}0101`,
    refYear: year,
    refMonth: '52',
    period: year,
    reporterCode,
    reporterISO: row.reporter,
    reporterDesc,
    flowCode: row.flow,
    flowDesc: imports ? 'Import' : 'Export',
    partnerCode,
    partnerISO: row.partner,
    partnerDesc: row.partnerDesc ?? partnerDesc,
    partner2Code: row.partner2 ?? '0',
    partner2ISO: row.partner2 === undefined ? 'W00' : 'CHN',
    partner2Desc: 'World',
    classificationCode: 'H6',
    classificationSearchCode: 'HS',
    isOriginalClassification: 'True',
    cmdCode: row.cmd,
    cmdDesc: 'Commodity, as Comtrade words it',
    aggrLevel: '6',
    isLeaf: 'True',
    customsCode: row.customs ?? 'C00',
    customsDesc: 'TOTAL CPC',
    mosCode: '0',
    motCode: row.mot ?? '0',
    motDesc: 'TOTAL MOT',
    qtyUnitCode: '8',
    qtyUnitAbbr: 'kg',
    qty: row.netWgt,
    isQtyEstimated: 'False',
    altQtyUnitCode: '-1',
    altQtyUnitAbbr: 'N/A',
    altQty: '',
    isAltQtyEstimated: 'False',
    netWgt: row.netWgt,
    isNetWgtEstimated: row.estimated === true ? 'True' : 'False',
    grossWgt: '',
    isGrossWgtEstimated: 'False',
    cifvalue: imports ? row.value : '',
    fobvalue: imports ? '' : row.value,
    primaryValue: row.value,
    legacyEstimationFlag: '0',
    isReported: 'True',
    isAggregate: 'False',
  };
  return COMTRADE_COLUMNS.map((column) => quote(values[column])).join(',');
}

export function comtradeFile(rows: readonly ComtradeRow[], newline = '\n'): string {
  return [COMTRADE_COLUMNS.join(','), ...rows.map(comtradeLine)].join(newline) + newline;
}

/**
 * Japan's 2024 imports and China's exports to Japan, with every kind of row a reader must leave
 * out. Lines: 1 header, 2–12 rows in this order.
 */
export const JAPAN_ROWS: readonly ComtradeRow[] = [
  // 2: kept — 1,250,000 kg = 1,250 t, CIF US$ 23,000,000
  {
    reporter: 'JPN',
    flow: 'M',
    partner: 'CHN',
    cmd: '284690',
    netWgt: '1250000',
    value: '23000000',
  },
  // 3: kept — 300,000 kg = 300 t, US$ 4,500,000
  { reporter: 'JPN', flow: 'M', partner: 'VNM', cmd: '284690', netWgt: '300000', value: '4500000' },
  // 4: kept — 2,000,500 kg = 2,000.5 t (estimated weight), US$ 61,000,000
  {
    reporter: 'JPN',
    flow: 'M',
    partner: 'CHN',
    cmd: '850511',
    netWgt: '2000500',
    value: '61000000',
    estimated: true,
  },
  // 5: partner World: left out
  {
    reporter: 'JPN',
    flow: 'M',
    partner: 'W00',
    cmd: '284690',
    netWgt: '1550000',
    value: '27500000',
  },
  // 6: kept — China's report of line 2's flow: 1,200 t, FOB US$ 20,000,000
  {
    reporter: 'CHN',
    flow: 'X',
    partner: 'JPN',
    cmd: '284690',
    netWgt: '1200000',
    value: '20000000',
  },
  // 7: second-partner breakdown: left out
  {
    reporter: 'USA',
    flow: 'M',
    partner: 'CHN',
    cmd: '850511',
    netWgt: '10',
    value: '10',
    partner2: '156',
  },
  // 8: customs-procedure breakdown: left out
  {
    reporter: 'USA',
    flow: 'M',
    partner: 'CHN',
    cmd: '850511',
    netWgt: '10',
    value: '10',
    customs: 'C01',
  },
  // 9: re-export: left out
  { reporter: 'KOR', flow: 'RX', partner: 'JPN', cmd: '284690', netWgt: '10', value: '10' },
  // 10: not a rare-earth code (live horses): left out
  { reporter: 'JPN', flow: 'M', partner: 'CHN', cmd: '010121', netWgt: '10', value: '10' },
  // 11: kept — a partner name with a comma and a quote: 0.5 t, US$ 7,000
  {
    reporter: 'JPN',
    flow: 'M',
    partner: 'KOR',
    cmd: '280530',
    netWgt: '500',
    value: '7000',
    partnerDesc: 'Korea, "Rep." of',
  },
  // 12: kept — China's report of an export that Japan does not report: 40 t, FOB US$ 900,000
  { reporter: 'CHN', flow: 'X', partner: 'JPN', cmd: '280530', netWgt: '40000', value: '900000' },
];

export const BACI_COUNTRIES_CSV = [
  'country_code,country_name,country_iso2,country_iso3',
  '156,China,CN,CHN',
  '251,France,FR,FRA',
  '276,Germany,DE,DEU',
  '392,Japan,JP,JPN',
  '842,USA,US,USA',
  '458,Malaysia,MY,MYS',
  '',
].join('\n');

/**
 * A BACI year: lines 2–7. Germany's and France's magnet imports (HS 850511), a French export to
 * Germany (intra-EU), one product that is not kept, and a quantity BACI gives as NA.
 */
export const BACI_CSV = [
  't,i,j,k,v,q',
  '2023,156,276,850511,900.5,30.25', // 2: CHN → DEU, US$ 900,500, 30.25 t
  '2023,392,276,850511,100,2', // 3: JPN → DEU, US$ 100,000, 2 t
  '2023,251,276,850511,50,1', // 4: FRA → DEU (intra-EU), US$ 50,000, 1 t
  '2023,156,251,850511,200,           NA', // 5: CHN → FRA, US$ 200,000, no quantity
  '2023,156,276,010121,5,1', // 6: not kept
  '2023,458,842,284690,1234.567,89', // 7: MYS → USA, US$ 1,234,567, 89 t
  '',
].join('\n');
