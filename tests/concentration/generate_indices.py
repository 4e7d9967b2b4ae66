"""Independent cross-check of the concentration indices in src/concentration.

Computes every index with numpy and scipy straight from its textbook definition (the Gini from
the double sum of absolute differences, not the sorted form the library uses; Shannon entropy
with scipy.stats.entropy) on vectors chosen to hit the edge cases: a single supplier, equal
suppliers, zeros, unnormalised tonnages, very small and very large magnitudes, near-equal
values and a long random vector. Writes tests/fixtures/concentration-indices.json, which
tests/concentration/cross-check.test.ts compares to 1e-12. The governance-weighted HHI uses
random governance values and trade factors drawn here. Rerun with:

    python3 tests/concentration/generate_indices.py
"""
import json
from pathlib import Path

import numpy as np
from scipy.stats import entropy

rng = np.random.default_rng(20250605)

VECTORS = {
    "single supplier": [42.0],
    "two equal": [0.5, 0.5],
    "five equal": [5.0] * 5,
    "seven equal tenths": [0.1] * 7,
    "textbook 30/30/20/20 (US DOJ HHI page: 2600 points)": [30.0, 30.0, 20.0, 20.0],
    "zeros among suppliers": [10.0, 0.0, 5.0, 0.0, 3.0],
    "one active among zeros": [0.0, 0.0, 7.0, 0.0],
    # Unnormalised tonnages of the order of rare-earth mine output (illustrative, not data).
    "unnormalised tonnages": [270000.0, 45000.0, 31000.0, 13000.0, 13000.0, 13000.0, 2900.0,
                              2500.0, 2000.0, 300.0, 20.0],
    # EU 2023 Appendix 7, LREE processing global supply in percent (sums to 100.1).
    "percent shares summing to 100.1": [84.9, 10.5, 1.9, 1.6, 1.0, 0.1, 0.1],
    "two skewed": [99.0, 1.0],
    "tiny magnitudes": [1e-300, 3e-300, 2e-300],
    "huge magnitudes": [1e300, 2e300, 3e300],
    "near-equal": [1.0, 1.0 + 1e-9, 1.0 - 1e-9],
    "random lognormal, 50 suppliers": list(rng.lognormal(mean=2.0, sigma=1.5, size=50)),
    "random with zeros, 20 suppliers": [
        0.0 if u < 0.3 else float(v)
        for u, v in zip(rng.random(20), rng.uniform(0.0, 1000.0, 20))
    ],
}


def hhi(s):
    return float(np.sum(s * s))


def gini_double_sum(x):
    n = len(x)
    mean = np.mean(x)
    return float(np.abs(x[:, None] - x[None, :]).sum() / (2 * n * n * mean))


def theil(s, n):
    active = s[s > 0]
    return float(np.sum(active * np.log(n * active)))


# Governance (scaled WGI, 0-10) and trade factors (0.8-1.5) per supplier for the EU-style
# weighted HHI, from their own generator so that the vectors above do not depend on them.
weights_rng = np.random.default_rng(17)


def indices(values):
    x = np.array(values, dtype=float)
    s = x / x.sum()
    active = s[s > 0]
    out = {"values": [float(v) for v in values]}
    governance = weights_rng.uniform(0.0, 10.0, len(x))
    trade = weights_rng.uniform(0.8, 1.5, len(x))
    out["governance"] = [float(v) for v in governance]
    out["tradeFactor"] = [float(v) for v in trade]
    out["governanceWeightedHhi"] = float(np.sum(s * s * governance * trade))
    out["governanceWeightedHhiNoTrade"] = float(np.sum(s * s * governance))
    h = hhi(s)
    out["hhi"] = h
    out["hhiPoints"] = float(np.sum((100 * s) ** 2))
    out["effectiveSuppliers"] = 1 / h
    for count, n, pool in (("active", len(active), active), ("listed", len(s), s)):
        out[f"normalizedHhi_{count}"] = 1.0 if n == 1 else (h - 1 / n) / (1 - 1 / n)
        g = gini_double_sum(pool)
        out[f"gini_{count}"] = g
        out[f"giniCorrected_{count}"] = None if n == 1 else g * n / (n - 1)
        out[f"theil_{count}"] = theil(s, n)
    out["shannon"] = float(entropy(x))
    out["shannonBase2"] = float(entropy(x, base=2))
    out["shannonBase10"] = float(entropy(x, base=10))
    ordered = np.sort(s)[::-1]
    out["concentrationRatio"] = [
        1.0 if k >= len(active) else float(np.sum(ordered[:k])) for k in range(1, len(s) + 2)
    ]
    return out


rows = [{"name": name, **indices(values)} for name, values in VECTORS.items()]
out = Path(__file__).resolve().parents[1] / "fixtures" / "concentration-indices.json"
out.write_text(json.dumps(rows, indent=1) + "\n")
print(f"wrote {len(rows)} vectors to {out}")
