"""Independent cross-check of the oxide <-> metal factors in src/elements.

Computes m*A / (m*A + n*O) with exact rational arithmetic (Python's fractions module) from the
same CIAAW atomic weights, and writes tests/fixtures/oxide-factors.json. Rerun with:

    python3 tests/elements/oxide_factors.py
"""
import json
from fractions import Fraction
from pathlib import Path

OXYGEN = Fraction("15.999")
# symbol: (atomic weight, [(oxide formula, metal atoms, oxygen atoms), ...])
ELEMENTS = {
    "Sc": ("44.955907", [("Sc2O3", 2, 3)]),
    "Y": ("88.905838", [("Y2O3", 2, 3)]),
    "La": ("138.90547", [("La2O3", 2, 3)]),
    "Ce": ("140.116", [("CeO2", 1, 2), ("Ce2O3", 2, 3)]),
    "Pr": ("140.90766", [("Pr6O11", 6, 11), ("Pr2O3", 2, 3)]),
    "Nd": ("144.242", [("Nd2O3", 2, 3)]),
    "Pm": ("145", [("Pm2O3", 2, 3)]),
    "Sm": ("150.36", [("Sm2O3", 2, 3)]),
    "Eu": ("151.964", [("Eu2O3", 2, 3)]),
    "Gd": ("157.249", [("Gd2O3", 2, 3)]),
    "Tb": ("158.925354", [("Tb4O7", 4, 7), ("Tb2O3", 2, 3)]),
    "Dy": ("162.500", [("Dy2O3", 2, 3)]),
    "Ho": ("164.930329", [("Ho2O3", 2, 3)]),
    "Er": ("167.259", [("Er2O3", 2, 3)]),
    "Tm": ("168.934219", [("Tm2O3", 2, 3)]),
    "Yb": ("173.045", [("Yb2O3", 2, 3)]),
    "Lu": ("174.96669", [("Lu2O3", 2, 3)]),
}

rows = []
for symbol, (weight, oxides) in ELEMENTS.items():
    for formula, m, n in oxides:
        metal = m * Fraction(weight)
        oxide = metal + n * OXYGEN
        rows.append({
            "symbol": symbol,
            "oxide": formula,
            "oxideToMetal": float(metal / oxide),
            "metalToOxide": float(oxide / metal),
        })

out = Path(__file__).resolve().parents[1] / "fixtures" / "oxide-factors.json"
out.write_text(json.dumps(rows, indent=2) + "\n")
print(f"wrote {len(rows)} rows to {out}")
