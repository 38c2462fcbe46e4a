"""Reference implementation of the market mix model's point fit for bench/mmm.ts, in numpy/scipy.

The same estimator as src/analytics/mmm/fit.ts, written independently from its description
(docs/models/mmm.md): for transformed nonlinear parameters theta (per lever: logit(decay / 0.95),
log(K / mean non-zero weekly spend), log(shape)), media columns hill(adstock(spend)) with the
normalised geometric adstock a_t = decay a_{t-1} + (1 - decay) x_t (scipy.signal.lfilter); a base
design (intercept, trend t/(n-1), Fourier sin/cos(2 pi k doy / 365.25), k = 1..K, controls
standardised with ddof = 1); sales scaled by mean |sales|; linear coefficients by
scipy.optimize.lsq_linear (BVLS) with media >= 0 and a ridge of 1e-3 n on the non-intercept base
columns (as extra rows); objective (n/2) log(F/n) + Gaussian penalties (sd 1.5, 1, 0.5) and walls,
F = RSS + ridge penalty. Gradient by the envelope theorem (dF/dtheta = -2 beta_m r' dz/dtheta).

Searches from the screened starts given by the caller (the same points ours draws):
  "bfgs":   scipy BFGS with that gradient (gtol 1e-5, 300 iterations) from the best `starts`
            screened points, then a Nelder-Mead polish (initial simplex 0.1, xatol 1e-4,
            fatol 1e-6) — the schedule of fit.ts;
  "nelder-mead": scipy Nelder-Mead alone (simplex 0.5, xatol 1e-3, fatol 1e-5, then a restart with
            a quarter-size simplex), the derivative-free alternative.

Usage: /usr/bin/python3 bench/mmm_python.py data.csv config.json runs methods → JSON on stdout
"""
import json
import sys
import time

import numpy as np
import pandas as pd
import scipy
from scipy.optimize import lsq_linear, minimize
from scipy.signal import lfilter

csv_path, config_path, runs, methods = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split(",")
cfg = json.load(open(config_path))
df = pd.read_csv(csv_path)
levers, controls, K = cfg["levers"], cfg["controls"], cfg["fourierOrder"]
n = len(df)
MAX_DECAY, LOG_K, S_MIN, S_MAX = 0.95, 4.0, np.log(0.3), np.log(5.0)

y = df["sales"].to_numpy(float)
y_scale = np.abs(y).mean()
y = y / y_scale
X_media = []
for name in levers:
    x = df[name].to_numpy(float)
    X_media.append(x / x[x > 0].mean())
doy = pd.to_datetime(df["date"]).dt.dayofyear.to_numpy()
cols = [np.ones(n), np.arange(n) / (n - 1)]
for k in range(1, K + 1):
    cols += [np.sin(2 * np.pi * k * doy / 365.25), np.cos(2 * np.pi * k * doy / 365.25)]
for c in controls:
    v = df[c].to_numpy(float)
    cols.append((v - v.mean()) / v.std(ddof=1))
B = np.column_stack(cols)
P, M = B.shape[1], len(levers)
ridge = 1e-3 * n
ridge_rows = np.zeros((P - 1, M + P))
for j in range(1, P):
    ridge_rows[j - 1, M + j] = np.sqrt(ridge)
lower = np.r_[np.zeros(M), np.full(P, -np.inf)]
upper = np.full(M + P, np.inf)
evaluations = 0


def media(theta, gradient):
    Z = np.empty((n, M))
    dZ = np.zeros((n, M, 3))
    for m in range(M):
        u, v, w = theta[3 * m: 3 * m + 3]
        decay = MAX_DECAY / (1 + np.exp(-u))
        k = np.exp(np.clip(v, -LOG_K, LOG_K))
        shape = np.exp(np.clip(w, S_MIN, S_MAX))
        x = X_media[m]
        a = lfilter([1 - decay], [1, -decay], x)
        pos = a > 0
        lr = np.log(np.where(pos, a, 1.0) / k)
        r = np.where(pos, np.exp(shape * lr), 0.0)
        Z[:, m] = r / (1 + r)
        if gradient:
            a_prev = np.r_[0.0, a[:-1]]
            da = lfilter([1], [1, -decay], a_prev - x)  # d_t = a_{t-1} + decay d_{t-1} - x_t
            q = np.where(pos, shape * r / (1 + r) ** 2, 0.0)
            dZ[:, m, 0] = np.where(pos, q / np.where(pos, a, 1.0) * da, 0.0) * decay * (1 - decay / MAX_DECAY)
            dZ[:, m, 1] = -q if abs(v) < LOG_K else 0.0
            dZ[:, m, 2] = q * lr if S_MIN < w < S_MAX else 0.0
    return Z, dZ


def penalty(theta):
    p, g = 0.0, np.zeros_like(theta)
    for m in range(M):
        u, v, w = theta[3 * m: 3 * m + 3]
        p += 0.5 * (u / 1.5) ** 2 + 0.5 * v ** 2 + 0.5 * (w / 0.5) ** 2
        g[3 * m: 3 * m + 3] += [u / 1.5 ** 2, v, w / 0.5 ** 2]
        for idx, over in ((0, abs(u) - 12), (1, abs(v) - LOG_K)):
            if over > 0:
                p += 1e3 * over ** 2
                g[3 * m + idx] += 2e3 * over * np.sign(theta[3 * m + idx])
        if w < S_MIN:
            p += 1e3 * (S_MIN - w) ** 2
            g[3 * m + 2] -= 2e3 * (S_MIN - w)
        if w > S_MAX:
            p += 1e3 * (w - S_MAX) ** 2
            g[3 * m + 2] += 2e3 * (w - S_MAX)
    return p, g


def evaluate(theta, gradient=False):
    global evaluations
    evaluations += 1
    Z, dZ = media(theta, gradient)
    X = np.column_stack([Z, B])
    coef = lsq_linear(np.vstack([X, ridge_rows]), np.r_[y, np.zeros(P - 1)], bounds=(lower, upper), method="bvls").x
    res = y - X @ coef
    F = res @ res + ridge * (coef[M + 1:] ** 2).sum()
    pen, gpen = penalty(theta)
    value = 0.5 * n * np.log(F / n) + pen
    if not gradient:
        return value, coef, res @ res
    g = np.zeros_like(theta)
    for m in range(M):
        for j in range(3):
            g[3 * m + j] = (0.5 * n / F) * (-2 * coef[m] * (res @ dZ[:, m, j]))
    return value, g + gpen


def f(theta):
    return evaluate(theta)[0]


def fit(method):
    screen = [np.array(t) for t in cfg["screen"]]
    values = [f(t) for t in screen]
    best = None
    for i in np.argsort(values)[: cfg["starts"]]:
        x0 = screen[i]
        dim = len(x0)
        if method == "bfgs":
            r1 = minimize(lambda t: evaluate(t, True), x0, jac=True, method="BFGS", options={"gtol": 1e-5, "maxiter": 300})
            simplex = np.vstack([r1.x] + [r1.x + 0.1 * np.eye(dim)[j] for j in range(dim)])
            r2 = minimize(f, r1.x, method="Nelder-Mead", options={"initial_simplex": simplex, "xatol": 1e-4, "fatol": 1e-6, "maxiter": 100 * dim})
        else:
            simplex = np.vstack([x0] + [x0 + 0.5 * np.eye(dim)[j] for j in range(dim)])
            r1 = minimize(f, x0, method="Nelder-Mead", options={"initial_simplex": simplex, "xatol": 1e-3, "fatol": 1e-5, "maxiter": 250 * dim})
            simplex = np.vstack([r1.x] + [r1.x + 0.125 * np.eye(dim)[j] for j in range(dim)])
            r2 = minimize(f, r1.x, method="Nelder-Mead", options={"initial_simplex": simplex, "xatol": 1e-4, "fatol": 1e-6, "maxiter": 250 * dim})
        r = r2 if r2.fun <= r1.fun else r1
        if best is None or r.fun < best.fun:
            best = r
    return best


out = {"objectiveAtCheckTheta": float(f(np.array(cfg["checkTheta"]))), "numpy": np.__version__, "scipy": scipy.__version__, "methods": {}}
for method in methods:
    times = []
    for _ in range(runs):
        evaluations = 0
        t0 = time.perf_counter()
        best = fit(method)
        times.append(time.perf_counter() - t0)
    value, coef, rss = evaluate(best.x)
    Z, _ = media(best.x, False)
    rois = [float(coef[m] * y_scale * Z[:, m].sum() / df[name].sum()) for m, name in enumerate(levers)]
    out["methods"][method] = {"seconds": min(times), "objective": float(best.fun), "roi": rois, "rSquared": float(1 - rss / ((y - y.mean()) ** 2).sum()), "evaluations": evaluations}
json.dump(out, sys.stdout)
