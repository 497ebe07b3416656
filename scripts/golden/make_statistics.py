#!/usr/bin/env python3
"""Golden vectors for hark's statistics from independent implementations: cluster-robust standard
errors and t intervals (statsmodels OLS on an intercept, cov_type="cluster", use_t), Holm and
Benjamini–Hochberg (statsmodels.stats.multitest.multipletests), power and minimum detectable effects
(statsmodels.stats.power.NormalIndPower, one sample: power exactly, solved effects and sizes to
the solver's tolerance), and t quantiles (scipy.stats.t.ppf):

    pip install statsmodels==0.15.0 scipy numpy
    python3 scripts/golden/make_statistics.py > Tests/HarkScoringTests/Golden/statistics.json
"""
import json
import sys

import numpy as np
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower


def clustered_sets(rng):
    shapes = [(60, 10, 0.6), (5, 4, 0.3), (30, 1, 0.0), (12, 25, 0.9), (200, 3, 0.5), (3, 7, 0.8)]
    for clusters, size, spread in shapes:
        values, groups = [], []
        for cluster in range(clusters):
            base = rng.uniform(0.5 - spread / 2, 0.5 + spread / 2)
            count = size if rng.random() < 0.7 else max(1, size + rng.integers(-size + 1, size + 1))
            for _ in range(count):
                values.append(float(rng.random() < base))
                groups.append(cluster)
        yield values, groups


def main():
    rng = np.random.default_rng(20241202)
    out = {"clustered": [], "multiplicity": [], "power": [], "power_values": [], "t_quantiles": []}
    for values, groups in clustered_sets(rng):
        y = np.array(values)
        x = np.ones((len(y), 1))
        robust = sm.OLS(y, x).fit(cov_type="cluster", cov_kwds={"groups": np.array(groups)}, use_t=True)
        naive = sm.OLS(y, x).fit()
        low, high = robust.conf_int(alpha=0.05)[0]
        out["clustered"].append({
            "values": values, "clusters": groups, "mean": float(robust.params[0]),
            "standard_error": float(robust.bse[0]), "naive_standard_error": float(naive.bse[0]),
            "interval": [float(low), float(high)],
        })
    for size in [2, 3, 5, 10, 40]:
        for _ in range(3):
            p = [float(v) for v in rng.uniform(0, 0.2, size) ** rng.uniform(0.5, 2)]
            out["multiplicity"].append({
                "p": p, "holm": [float(v) for v in multipletests(p, method="holm")[1]],
                "bh": [float(v) for v in multipletests(p, method="fdr_bh")[1]],
            })
    analysis = NormalIndPower()
    for n, deviation, alpha, power in [(100, 0.5, 0.05, 0.8), (1000, 0.3, 0.05, 0.8), (37, 1.0, 0.01, 0.9),
                                       (5000, 0.45, 0.05, 0.8), (12, 0.7, 0.1, 0.5)]:
        effect = analysis.solve_power(effect_size=None, nobs1=n, alpha=alpha, power=power, ratio=0)
        out["power"].append({"n": n, "deviation": deviation, "alpha": alpha, "power": power,
                             "minimum_detectable_effect": float(effect * deviation)})
    for change, deviation in [(0.02, 0.4), (0.05, 0.5), (0.1, 0.3)]:
        n = analysis.solve_power(effect_size=change / deviation, nobs1=None, alpha=0.05, power=0.8, ratio=0)
        out["power"].append({"change": change, "deviation": deviation, "alpha": 0.05, "power": 0.8,
                             "required_samples": float(n)})
    # Power itself is closed-form; solve_power finds effects and sizes only to its solver's tolerance.
    for effect, n, alpha in [(0.1, 100, 0.05), (0.05, 1000, 0.05), (0.3, 20, 0.01), (0.0, 50, 0.05), (0.02, 40000, 0.1)]:
        out["power_values"].append({"effect": effect, "n": n, "alpha": alpha,
                                    "power": float(analysis.power(effect, nobs1=n, alpha=alpha, ratio=0))})
    for p, df in [(0.975, 1), (0.975, 2), (0.975, 9), (0.975, 59), (0.995, 4), (0.9, 200), (0.025, 7)]:
        out["t_quantiles"].append({"p": p, "df": df, "t": float(stats.t.ppf(p, df))})
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
