// The page's state as it lives in the URL's hash (`#year=2024&preset=…&c.<control>=0.5`), so that
// a link reproduces the view. Parsing never throws: an unknown or malformed value is dropped and
// the view says which value it ignored.

/** What the page shows. Values are kept as given; the page checks them against the data. */
export interface ViewState {
  /** The year of the stage picture. */
  readonly year?: string;
  /** An element symbol, or absent for all rare earths. */
  readonly element?: string;
  /** The preset scenario's id. */
  readonly preset?: string;
  /** Control values by control key (`interventionId.field`), in the model's units. */
  readonly controls: Readonly<Record<string, string>>;
  /** The year of the diff and the attribution. */
  readonly at?: string;
  /** The metric explained by the attribution: `variable|region|stage|element` joined by `~`. */
  readonly metric?: string;
  /** The import line whose balance is charted: `region~stage~element`. */
  readonly line?: string;
  /** The importer of the origin panel. */
  readonly importer?: string;
  /** The stage traced in the origin panel. */
  readonly trace?: string;
}

const KEYS = ['year', 'element', 'preset', 'at', 'metric', 'line', 'importer', 'trace'] as const;

/** Read the state from a hash (with or without its `#`). */
export function parseState(hash: string): ViewState {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const controls: Record<string, string> = {};
  const out: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key.startsWith('c.')) controls[key.slice(2)] = value;
    else if ((KEYS as readonly string[]).includes(key)) out[key] = value;
  }
  return { ...out, controls };
}

/** Write the state as a hash (with its `#`), keys in a fixed order so that equal views give equal links. */
export function formatState(state: ViewState): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = state[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  for (const key of Object.keys(state.controls).sort()) {
    const value = state.controls[key];
    if (value !== undefined) params.set(`c.${key}`, value);
  }
  return `#${params.toString()}`;
}
