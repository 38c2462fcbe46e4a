"""Reference side of bench/bgnbd.ts: fit the BG/NBD (Fader, Hardie & Lee 2005, eq. 6) with scipy.

Reads a CSV `frequency,recency,T` (path in argv[1]) and a start `r,alpha,a,b` (argv[2]), minimises the
mean negative log-likelihood over log parameters with scipy.optimize.minimize(method="BFGS") from
that start — once with the analytic gradient (as our TypeScript fit uses) and once with scipy's
finite-difference gradient — and prints JSON: per variant the best of `repeats` timings of the fit
alone (file reading excluded), the log-likelihood, the parameters and the iteration count.

Run by bench/bgnbd.ts with /usr/bin/python3 (numpy, scipy from Debian's packages).
"""
import json
import sys
import time

import numpy as np
import scipy
from scipy.optimize import minimize
from scipy.special import digamma, gammaln


def neg_ll_and_grad(u, x, tx, T, has_repeat):
    r, alpha, a, b = np.exp(u)
    n = len(x)
    ln_a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    ln_a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    ln_t = np.log(alpha + T)
    ln_tx = np.log(alpha + tx)
    ln_a3 = -(r + x) * ln_t
    bx1 = np.where(has_repeat, b + x - 1, 1.0)
    ln_a4 = np.where(has_repeat, np.log(a) - np.log(bx1) - (r + x) * ln_tx, -np.inf)
    mix = np.logaddexp(ln_a3, ln_a4)
    ll = np.sum(ln_a1 + ln_a2 + mix)
    w = np.where(has_repeat, np.exp(ln_a4 - mix), 0.0)  # posterior weight of "dropped out at t_x"
    g_r = np.sum(digamma(r + x) - digamma(r) + np.log(alpha) - (1 - w) * ln_t - w * ln_tx)
    g_alpha = np.sum(r / alpha - (r + x) * ((1 - w) / (alpha + T) + w / (alpha + tx)))
    g_a = np.sum(digamma(a + b) - digamma(a + b + x) + w / a)
    g_b = np.sum(digamma(a + b) + digamma(b + x) - digamma(b) - digamma(a + b + x) - w / bx1)
    grad = np.array([g_r * r, g_alpha * alpha, g_a * a, g_b * b])
    value = -ll / n
    if not np.isfinite(value):
        return 1e300, np.zeros(4)
    return value, -grad / n


def main():
    path = sys.argv[1]
    start = np.log(np.array([float(v) for v in sys.argv[2].split(",")]))
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    x, tx, T = data[:, 0], data[:, 1], data[:, 2]
    has_repeat = x > 0
    args = (x, tx, T, has_repeat)
    variants = {
        "analytic gradient": dict(jac=True, fun=neg_ll_and_grad),
        "finite-difference gradient": dict(jac=None, fun=lambda u, *a: neg_ll_and_grad(u, *a)[0]),
    }
    out = {"scipy": scipy.__version__, "numpy": np.__version__, "customers": int(len(x)), "variants": {}}
    for name, v in variants.items():
        times = []
        res = None
        for _ in range(repeats):
            t0 = time.perf_counter()
            res = minimize(v["fun"], start, args=args, jac=v["jac"], method="BFGS", options={"gtol": 1e-9, "maxiter": 1000})
            times.append(time.perf_counter() - t0)
        params = np.exp(res.x)
        out["variants"][name] = {
            "seconds": min(times),
            "logLikelihood": float(-res.fun * len(x)),
            "params": dict(zip(["r", "alpha", "a", "b"], map(float, params))),
            "iterations": int(res.nit),
            "evaluations": int(res.nfev),
            "success": bool(res.success),
            "message": str(res.message),
        }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
