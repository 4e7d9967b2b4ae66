"""Reference vectors for the dynamic stock models (src/stocks/dsm.ts), computed by running the peers'
own code: ODYM's DynamicStockModel (timing 'end', its only convention) and flodym's lifetime models
and DSMs (timing 'middle', its default, and 'start' / 'end').

This script contains no peer code. It imports the peers from paths you give, so fetch them and
point at a copy of their modules:

    python3 tests/stocks/dsm_reference.py \\
        --odym /tmp/peers/odym/dynamic_stock_model.py \\
        --flodym /tmp/peers/flodym \\
        --odym-rev 0da9fcb --flodym-rev 744b92d

  --odym    the file src/odym/dynamic_stock_model.py of IndEcol/ODYM (numpy and scipy only)
  --flodym  the package directory flodym/ of pik-piam/flodym (needs numpy, scipy, pydantic)

flodym imports pandas at module level for its data readers and DataFrame conversion, which the DSM
computation never calls. When pandas is not installed (it is not on the machine this was first
run on) the script registers an empty stand-in module named pandas before importing flodym; the
stand-in only lets the imports succeed, so any use of it would fail loudly rather than change a
number.

Writes tests/fixtures/dsm-reference.json. Each case holds our input (lifetimes in our `Lifetime`
form) and the peer's output (totals and year x cohort matrices).
"""
import argparse
import importlib.util
import json
import sys
import types
from pathlib import Path

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--odym", required=True, help="path to ODYM's dynamic_stock_model.py")
parser.add_argument("--flodym", required=True, help="path to flodym's package directory")
parser.add_argument("--odym-rev", default="unknown")
parser.add_argument("--flodym-rev", default="unknown")
args = parser.parse_args()

spec = importlib.util.spec_from_file_location("odym_dsm", args.odym)
odym = importlib.util.module_from_spec(spec)
spec.loader.exec_module(odym)

try:
    import pandas  # noqa: F401
except ImportError:
    stand_in = types.ModuleType("pandas")
    for name in ("DataFrame", "Series", "Index", "MultiIndex"):
        setattr(stand_in, name, type(name, (), {}))
    sys.modules["pandas"] = stand_in
sys.path.insert(0, str(Path(args.flodym).resolve().parent))
import flodym  # noqa: E402

N = 24
rng = np.random.default_rng(20240607)


def rounded(values):
    return [round(float(v), 3) for v in values]


def tolist(a):
    return [[float(x) for x in row] for row in np.asarray(a)]


INFLOW = rounded(50 + 40 * rng.random(N) + np.linspace(0, 60, N))
RISING = rounded(1000 / (1 + np.exp(-(np.arange(N) - 9) / 2.5)))
# Rises, then falls by 40% in four years (faster than the lifetimes retire it), then holds.
DECLINING = rounded(np.concatenate([np.linspace(100, 600, 12), [520, 440, 400, 360], np.full(N - 16, 360)]))

# Lifetimes in our form; each kind once. ODYM's lognormal is right only when mean == sd.
KINDS = {
    "fixed": {"kind": "fixed", "mean": 8},
    "normal": {"kind": "normal", "mean": 10, "sd": 3},
    "foldedNormal": {"kind": "foldedNormal", "mean": 6, "sd": 4},
    "logNormal": {"kind": "logNormal", "mean": 10, "sd": 10},
    "weibull": {"kind": "weibull", "shape": 2.5, "scale": 12},
}
LOGNORMAL_UNEQUAL = {"kind": "logNormal", "mean": 12, "sd": 4}


def per_cohort(kind, n):
    """A lifetime that changes with the cohort (longer-lived products over time)."""
    if kind == "normal":
        return [{"kind": "normal", "mean": 8 + 6 * c / (n - 1), "sd": 2 + c / (n - 1)} for c in range(n)]
    if kind == "weibull":
        return [{"kind": "weibull", "shape": 2 + c / (n - 1), "scale": 9 + 5 * c / (n - 1)} for c in range(n)]
    if kind == "logNormal":
        return [{"kind": "logNormal", "mean": 9 + 4 * c / (n - 1), "sd": 3 + c / (n - 1)} for c in range(n)]
    raise ValueError(kind)


def as_list(lifetime, n):
    return lifetime if isinstance(lifetime, list) else [lifetime] * n


# --- ODYM -----------------------------------------------------------------------------------

def odym_lt(lifetime, n):
    ls = as_list(lifetime, n)
    kind = ls[0]["kind"]
    if kind == "fixed":
        return {"Type": "Fixed", "Mean": np.array([l["mean"] for l in ls])}
    if kind == "weibull":
        return {"Type": "Weibull", "Shape": np.array([l["shape"] for l in ls]),
                "Scale": np.array([l["scale"] for l in ls])}
    name = {"normal": "Normal", "foldedNormal": "FoldedNormal", "logNormal": "LogNormal"}[kind]
    return {"Type": name, "Mean": np.array([l["mean"] for l in ls]), "StdDev": np.array([l["sd"] for l in ls])}


def odym_sf(lifetimes):
    """ODYM's survival table for cohorts whose lifetimes may be of different kinds (ODYM's lt dict
    holds one kind): ODYM computes a table per kind, and each cohort takes its column from the
    table of its own kind."""
    n = len(lifetimes)
    sf = np.zeros((n, n))
    for kind in {l["kind"] for l in lifetimes}:
        same = [l if l["kind"] == kind else next(m for m in lifetimes if m["kind"] == kind) for l in lifetimes]
        table = odym.DynamicStockModel(t=np.arange(n), lt=odym_lt(same, n)).compute_sf()
        for c, l in enumerate(lifetimes):
            if l["kind"] == kind:
                sf[:, c] = table[:, c]
    return sf


def result(i, o, s, s_c, o_c, rows=slice(None), cols=slice(None)):
    return {
        "inflow": [float(x) for x in np.asarray(i)[rows]],
        "outflow": [float(x) for x in np.asarray(o)[rows]],
        "stock": [float(x) for x in np.asarray(s)[rows]],
        "stockByCohort": tolist(np.asarray(s_c)[rows, cols]),
        "outflowByCohort": tolist(np.asarray(o_c)[rows, cols]),
    }


def odym_inflow(inflow, lifetime, sf=None):
    n = len(inflow)
    dsm = odym.DynamicStockModel(t=np.arange(n), i=np.array(inflow, dtype=float), lt=odym_lt(lifetime, n), sf=sf)
    s_c = dsm.compute_s_c_inflow_driven()
    o_c = dsm.compute_o_c_from_s_c()
    return result(dsm.i, dsm.compute_outflow_total(), dsm.compute_stock_total(), s_c, o_c)


def odym_stock(stock, lifetime, correct, sf=None):
    n = len(stock)
    dsm = odym.DynamicStockModel(t=np.arange(n), s=np.array(stock, dtype=float), lt=odym_lt(lifetime, n), sf=sf)
    s_c, o_c, i = dsm.compute_stock_driven_model(NegativeInflowCorrect=correct)
    return result(i, dsm.compute_outflow_total(), s_c.sum(axis=1), s_c, o_c)


def odym_stock_initial(stock, lifetime, initial_by_age, initial_lifetime, correct, sf=None):
    """ODYM's compute_stock_driven_model_initialstock: h historic years, then the model years."""
    h, n = len(initial_by_age), len(stock)
    lt = as_list(initial_lifetime, h)[::-1] + as_list(lifetime, n)  # cohorts oldest first
    initial = np.array(initial_by_age[::-1], dtype=float)  # ODYM orders by cohort, oldest first
    sf = odym_sf(lt) if sf is None else sf
    dsm = odym.DynamicStockModel(t=np.arange(h + n), s=np.array([0.0] * h + list(stock)), lt=odym_lt(lt[:1], 1), sf=sf)
    s_c, o_c, i = dsm.compute_stock_driven_model_initialstock(initial, h + 1, NegativeInflowCorrect=correct)
    return split_initial(i, o_c.sum(axis=1), s_c.sum(axis=1), s_c, o_c, h)


def split_initial(i, o, s, s_c, o_c, h):
    out = result(i, o, s, s_c, o_c, rows=slice(h, None), cols=slice(h, None))
    hist = slice(h - 1, None, -1) if h > 0 else slice(0, 0)  # ages 0 … h−1 = cohorts h−1 … 0
    out["initial"] = {
        "stock": [float(x) for x in np.asarray(s_c)[h:, :h].sum(axis=1)],
        "outflow": [float(x) for x in np.asarray(o_c)[h:, :h].sum(axis=1)],
        "stockByAge": tolist(np.asarray(s_c)[h:, hist]),
        "outflowByAge": tolist(np.asarray(o_c)[h:, hist]),
    }
    return out


def odym_inflow_initial(inflow, lifetime, initial_by_age, initial_lifetime):
    """Inflow-driven with an initial stock: ODYM's compute_i_from_s back-calculates the historic
    inflows from the stock by cohort, then an inflow-driven run covers history and model years."""
    h, n = len(initial_by_age), len(inflow)
    lt = as_list(initial_lifetime, h)[::-1] + as_list(lifetime, n)
    sf = odym_sf(lt)
    hist = odym.DynamicStockModel(t=np.arange(h), lt=odym_lt(lt[:1], 1), sf=sf[:h, :h].copy())
    i_hist = hist.compute_i_from_s(np.array(initial_by_age[::-1], dtype=float))
    dsm = odym.DynamicStockModel(t=np.arange(h + n), i=np.concatenate([i_hist, inflow]), lt=odym_lt(lt[:1], 1), sf=sf)
    s_c = dsm.compute_s_c_inflow_driven()
    o_c = dsm.compute_o_c_from_s_c()
    return split_initial(dsm.i, dsm.compute_outflow_total(), dsm.compute_stock_total(), s_c, o_c, h)


# --- flodym ---------------------------------------------------------------------------------

def flodym_dims(n):
    t = flodym.Dimension(name="time", letter="t", items=list(range(2000, 2000 + n)), dtype=int)
    return flodym.DimensionSet(dim_list=[t])


def flodym_model(lifetime, n, timing):
    dims = flodym_dims(n)
    ls = as_list(lifetime, n)
    kind = ls[0]["kind"]
    common = {"dims": dims, "time_letter": "t", "inflow_at": timing}
    if kind == "fixed":
        return flodym.FixedLifetime(**common, mean=np.array([l["mean"] for l in ls]))
    if kind == "weibull":
        return flodym.WeibullLifetime(**common, weibull_shape=np.array([l["shape"] for l in ls]),
                                      weibull_scale=np.array([l["scale"] for l in ls]))
    cls = {"normal": flodym.NormalLifetime, "foldedNormal": flodym.FoldedNormalLifetime,
           "logNormal": flodym.LogNormalLifetime}[kind]
    return cls(**common, mean=np.array([l["mean"] for l in ls]), std=np.array([l["sd"] for l in ls]))


def flodym_inflow(inflow, lifetime, timing):
    n = len(inflow)
    dims = flodym_dims(n)
    dsm = flodym.InflowDrivenDSM(dims=dims, inflow=flodym.StockArray(dims=dims, values=np.array(inflow, dtype=float)),
                                 lifetime_model=flodym_model(lifetime, n, timing), time_letter="t")
    dsm.compute()
    return result(dsm.inflow.values, dsm.outflow.values, dsm.stock.values,
                  dsm.get_stock_by_cohort(), dsm.get_outflow_by_cohort())


def flodym_stock(stock, lifetime, timing, solver="manual"):
    n = len(stock)
    dims = flodym_dims(n)
    dsm = flodym.StockDrivenDSM(dims=dims, stock=flodym.StockArray(dims=dims, values=np.array(stock, dtype=float)),
                                lifetime_model=flodym_model(lifetime, n, timing), time_letter="t", solver=solver)
    dsm.compute()
    return result(dsm.inflow.values, dsm.outflow.values, dsm.stock.values,
                  dsm.get_stock_by_cohort(), dsm.get_outflow_by_cohort())


def flodym_sf(lifetime, n, timing):
    return np.array(flodym_model(lifetime, n, timing).sf)


# --- cases ----------------------------------------------------------------------------------

cases = []


def case(name, peer, timing, input_, expected):
    cases.append({"name": name, "peer": peer, "timing": timing, "input": input_, "expected": expected})


for kind, lt in KINDS.items():
    case(f"inflow-driven {kind}", "ODYM", "end", {"inflow": INFLOW, "lifetime": lt}, odym_inflow(INFLOW, lt))
    case(f"stock-driven {kind}", "ODYM", "end", {"stock": RISING, "lifetime": lt}, odym_stock(RISING, lt, False))
    for timing in ("middle", "start", "end"):
        if timing != "middle" and kind not in ("normal", "weibull"):
            continue
        case(f"inflow-driven {kind}", "flodym", timing, {"inflow": INFLOW, "lifetime": lt},
             flodym_inflow(INFLOW, lt, timing))
    if kind != "fixed":  # a fixed lifetime of 8 under 'middle' is fine; 'start' below 1 year is not
        case(f"stock-driven {kind}", "flodym", "middle", {"stock": RISING, "lifetime": lt},
             flodym_stock(RISING, lt, "middle"))
case("stock-driven fixed", "flodym", "middle", {"stock": RISING, "lifetime": KINDS["fixed"]},
     flodym_stock(RISING, KINDS["fixed"], "middle"))
case("stock-driven weibull (LAPACK solver)", "flodym", "start", {"stock": RISING, "lifetime": KINDS["weibull"]},
     flodym_stock(RISING, KINDS["weibull"], "start", solver="lapack"))

# Lognormal with mean != sd: flodym's (correct) moment matching, which we follow ...
case("inflow-driven logNormal mean 12 sd 4", "flodym", "middle", {"inflow": INFLOW, "lifetime": LOGNORMAL_UNEQUAL},
     flodym_inflow(INFLOW, LOGNORMAL_UNEQUAL, "middle"))
case("inflow-driven logNormal mean 12 sd 4", "flodym", "end", {"inflow": INFLOW, "lifetime": LOGNORMAL_UNEQUAL},
     flodym_inflow(INFLOW, LOGNORMAL_UNEQUAL, "end"))
# ... and ODYM's, which we deliberately do not (the test shows the difference).
case("ODYM legacy logNormal mean 12 sd 4", "ODYM", "end", {"inflow": INFLOW, "lifetime": LOGNORMAL_UNEQUAL},
     odym_inflow(INFLOW, LOGNORMAL_UNEQUAL))

for kind in ("normal", "weibull", "logNormal"):
    lts = per_cohort(kind, N)
    if kind != "logNormal":
        case(f"inflow-driven per-cohort {kind}", "ODYM", "end", {"inflow": INFLOW, "lifetime": lts}, odym_inflow(INFLOW, lts))
        case(f"stock-driven per-cohort {kind}", "ODYM", "end", {"stock": RISING, "lifetime": lts},
             odym_stock(RISING, lts, False))
    case(f"inflow-driven per-cohort {kind}", "flodym", "middle", {"inflow": INFLOW, "lifetime": lts},
         flodym_inflow(INFLOW, lts, "middle"))
    case(f"stock-driven per-cohort {kind}", "flodym", "middle", {"stock": RISING, "lifetime": lts},
         flodym_stock(RISING, lts, "middle"))

# A declining stock under each negative-inflow policy ('throw' has no peer: tested for its error).
DECLINE_LT = {"kind": "normal", "mean": 12, "sd": 3}
case("declining stock, allow", "ODYM", "end", {"stock": DECLINING, "lifetime": DECLINE_LT, "negativeInflow": "allow"},
     odym_stock(DECLINING, DECLINE_LT, False))
case("declining stock, retire", "ODYM", "end", {"stock": DECLINING, "lifetime": DECLINE_LT, "negativeInflow": "retire"},
     odym_stock(DECLINING, DECLINE_LT, True))
case("declining stock, allow", "flodym", "middle",
     {"stock": DECLINING, "lifetime": DECLINE_LT, "negativeInflow": "allow"},
     flodym_stock(DECLINING, DECLINE_LT, "middle"))
# flodym removed NegativeInflowCorrect (PR #102); ODYM's algorithm run on flodym's 'middle' survival
# table (ODYM accepts an exogenous sf) gives the reference for 'retire' under 'middle'.
case("declining stock, retire", "ODYM on flodym's survival table", "middle",
     {"stock": DECLINING, "lifetime": DECLINE_LT, "negativeInflow": "retire"},
     odym_stock(DECLINING, DECLINE_LT, True, sf=flodym_sf(DECLINE_LT, N, "middle")))
lts = per_cohort("weibull", N)
case("declining stock, retire, per-cohort weibull", "ODYM", "end",
     {"stock": DECLINING, "lifetime": lts, "negativeInflow": "retire"}, odym_stock(DECLINING, lts, True))

# An initial stock by age.
INITIAL = rounded(30 + 20 * rng.random(10))  # ages 0 … 9
INITIAL_LT = {"kind": "weibull", "shape": 2.2, "scale": 11}
FUTURE = rounded(np.linspace(380, 700, N))
for correct in (False, True):
    policy = "retire" if correct else "allow"
    stock = DECLINING if correct else FUTURE
    case(f"stock-driven with initial stock, {policy}", "ODYM", "end",
         {"stock": stock, "lifetime": DECLINE_LT, "negativeInflow": policy,
          "initialStock": {"byAge": INITIAL, "lifetime": INITIAL_LT}},
         odym_stock_initial(stock, DECLINE_LT, INITIAL, INITIAL_LT, correct))
initial_lts = [{"kind": "normal", "mean": 9 + k / 3, "sd": 3} for k in range(len(INITIAL))]
case("stock-driven with initial stock, retire, per-age lifetimes", "ODYM on flodym's survival table", "middle",
     {"stock": DECLINING, "lifetime": DECLINE_LT, "negativeInflow": "retire",
      "initialStock": {"byAge": INITIAL, "lifetime": initial_lts}},
     odym_stock_initial(DECLINING, DECLINE_LT, INITIAL, initial_lts, True,
                        sf=flodym_sf(initial_lts[::-1] + [DECLINE_LT] * N, len(INITIAL) + N, "middle")))
case("inflow-driven with initial stock", "ODYM", "end",
     {"inflow": INFLOW, "lifetime": DECLINE_LT, "initialStock": {"byAge": INITIAL, "lifetime": INITIAL_LT}},
     odym_inflow_initial(INFLOW, DECLINE_LT, INITIAL, INITIAL_LT))

# flodym's test_lifetime_quadrature: constant unit inflow for 201 years, lognormal mean 30, sd 10;
# its test expects a final stock within 0.01 of 29.5 / 30 / 30.5 for start / middle / end.
quadrature = {}
for timing in ("start", "middle", "end"):
    out = flodym_inflow([1.0] * 201, {"kind": "logNormal", "mean": 30, "sd": 10}, timing)
    quadrature[timing] = out["stock"][-1]

# A recycling offset computed independently: flodym's inflow-driven DSM ('middle') for the products,
# then numpy for the element flows (end-of-life outflow by cohort x content of the cohort's year,
# then collection and yields of the end-of-life year). The inputs mirror docs/recycling.md, with a
# dysprosium content that falls by cohort so that the by-cohort accounting matters.
rec_years = np.arange(2015, 2051)
rec_sales = np.round(60000 / (1 + np.exp(-(rec_years - 2030) / 4)))
rec_lt = {"kind": "logNormal", "mean": 15, "sd": 5}
rec = flodym_inflow(list(rec_sales), rec_lt, "middle")
o_c = np.array(rec["outflowByCohort"])
collection = np.clip(0.05 + (0.5 - 0.05) * (rec_years - 2025) / (2040 - 2025), 0.05, 0.5)
dy_content = np.where(rec_years <= 2020, 0.04, np.where(rec_years >= 2030, 0.015, 0.04 + (0.015 - 0.04) * (rec_years - 2020) / 10))
recycling = {"years": [int(y) for y in rec_years], "sales": [float(v) for v in rec_sales], "lifetime": rec_lt, "elements": {}}
for element, content in (("Nd", np.full(len(rec_years), 0.23)), ("Dy", dy_content)):
    eol = o_c @ content
    secondary = eol * collection * 0.8 * 0.95
    recycling["elements"][element] = {
        "endOfLife": [float(v) for v in eol],
        "secondary": [float(v) for v in secondary],
        "demand": [float(v) for v in rec_sales * content],
    }

# Survival functions straight from scipy (not a peer: the distributions' reference implementation),
# including cases the peers cannot express: the half-normal (folded normal with mean 0, where ODYM
# returns survival 0 everywhere) and ages far into the tails.
import scipy.stats as st  # noqa: E402

AGES = [0, 0.5, 1, 2, 5, 9.5, 10, 15, 20, 30, 45, 60, 80, 119.5]
survival = []
for lt in [*KINDS.values(), LOGNORMAL_UNEQUAL, {"kind": "foldedNormal", "mean": 0, "sd": 5},
           {"kind": "normal", "mean": 3, "sd": 0.4}, {"kind": "weibull", "shape": 0.7, "scale": 4},
           {"kind": "logNormal", "mean": 0.8, "sd": 2.5}, {"kind": "fixed", "mean": 0.25}]:
    a = np.array(AGES, dtype=float)
    k = lt["kind"]
    if k == "fixed":
        v = (a < lt["mean"]).astype(float)
    elif k == "normal":
        v = st.norm.sf(a, loc=lt["mean"], scale=lt["sd"])
    elif k == "foldedNormal":
        v = st.foldnorm.sf(a, lt["mean"] / lt["sd"], 0, scale=lt["sd"])
    elif k == "logNormal":
        s2 = np.log1p(lt["sd"] ** 2 / lt["mean"] ** 2)
        v = st.lognorm.sf(a, s=np.sqrt(s2), loc=0, scale=np.exp(np.log(lt["mean"]) - s2 / 2))
    else:
        v = st.weibull_min.sf(a, c=lt["shape"], loc=0, scale=lt["scale"])
    survival.append({"lifetime": lt, "ages": AGES, "expected": [float(x) for x in v]})

out = Path(__file__).resolve().parents[1] / "fixtures" / "dsm-reference.json"
out.write_text(json.dumps({
    "generator": "tests/stocks/dsm_reference.py",
    "peers": {"ODYM": f"IndEcol/ODYM@{args.odym_rev}", "flodym": f"pik-piam/flodym@{args.flodym_rev}"},
    "numpy": np.__version__,
    "scipy": __import__("scipy").__version__,
    "flodymPandasStandIn": isinstance(sys.modules["pandas"], types.ModuleType) and not hasattr(sys.modules["pandas"], "__version__"),
    "quadrature": quadrature,
    "survival": survival,
    "recycling": recycling,
    "cases": cases,
}) + "\n")
print(f"wrote {len(cases)} cases to {out}")
