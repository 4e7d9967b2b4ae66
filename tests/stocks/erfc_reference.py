"""Reference values for the library's erfc (src/stocks/erfc.ts), computed with mpmath at 50 digits.

Writes tests/fixtures/erfc-reference.json: pairs [x, erfc(x)] where x is a float64 and erfc(x) is
the float64 nearest to the exact value. The test requires a relative error of at most 1e-15 at
every point. With --table it instead prints the centre values erfc(k/8), k = 4..16, used by the
implementation (rounded to nearest float64), so that the table itself is reproducible.

    python3 tests/stocks/erfc_reference.py            # writes the fixture
    python3 tests/stocks/erfc_reference.py --table    # prints the table
"""
import json
import random
import sys
from pathlib import Path

import mpmath as mp

mp.mp.dps = 50

if "--table" in sys.argv:
    for k in range(4, 17):
        print(f"  {float(mp.erfc(mp.mpf(k) / 8))!r}, // erfc({k}/8)")
    sys.exit(0)

random.seed(20240607)
xs = set()
# Dense grid over the whole range the survival functions use, including every interval edge.
for i in range(-6 * 64, 27 * 64 + 1):
    xs.add(i / 64)
for k in range(4, 17):
    for d in (-1e-12, 1e-12):
        xs.add(k / 8 + d)
# Random points, uniform and clustered near the region boundaries (0.5, 2, 3, 4).
for _ in range(4000):
    xs.add(random.uniform(-6, 26.5))
for _ in range(500):
    xs.add(random.uniform(0.45, 0.55))
    xs.add(random.uniform(1.9, 2.1))
    xs.add(random.uniform(2.9, 3.1))
    xs.add(random.uniform(3.9, 4.1))
    xs.add(random.uniform(-1e-3, 1e-3))
# Values below the smallest normal float64 (x > 26.55) are subnormal; the range used stops there.
rows = []
for x in sorted(xs):
    value = float(mp.erfc(mp.mpf(x)))
    if value < 2.2250738585072014e-308:
        continue
    rows.append([x, value])

out = Path(__file__).resolve().parents[1] / "fixtures" / "erfc-reference.json"
out.write_text(json.dumps(rows) + "\n")
print(f"wrote {len(rows)} points to {out}")
