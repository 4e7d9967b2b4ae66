"""The numpy baseline of bench/dsm.bench.mjs: the inflow-driven dynamic stock model written the way
ODYM's DynamicStockModel computes it (our own code, no ODYM code): per series, the survival matrix
built one cohort at a time with scipy.stats.norm.sf over the whole ages 0 … n−1−m, then
s_c = einsum('c,tc->tc', i, sf), o_c from the differences of s_c down each column and the
diagonal i − s_c[m, m], and the totals as row sums.

Usage: python3 bench/dsm_numpy.py INPUT.json OUTPUT.json, where the input holds
{ years, repeats, series: [{ inflow, mean, sd }] }. Writes { seconds: [per repeat], stock }.
"""
import json
import sys
import time

import numpy as np
import scipy.stats

payload = json.load(open(sys.argv[1]))
n = payload["years"]
series = [(np.array(s["inflow"], dtype=float), s["mean"], s["sd"]) for s in payload["series"]]


def model(inflow, mean, sd):
    sf = np.zeros((n, n))
    for m in range(n):
        sf[m:, m] = scipy.stats.norm.sf(np.arange(0, n - m), loc=mean, scale=sd)
    s_c = np.einsum("c,tc->tc", inflow, sf)
    o_c = np.zeros((n, n))
    o_c[1:, :] = -np.diff(s_c, n=1, axis=0)
    o_c[np.diag_indices(n)] = inflow - np.diag(s_c)
    return s_c.sum(axis=1), o_c.sum(axis=1), s_c, o_c


seconds = []
stocks = None
for _ in range(payload["repeats"]):
    start = time.perf_counter()
    results = [model(*s) for s in series]
    seconds.append(time.perf_counter() - start)
    stocks = [r[0].tolist() for r in results]

json.dump({"seconds": seconds, "stock": stocks}, open(sys.argv[2], "w"))
