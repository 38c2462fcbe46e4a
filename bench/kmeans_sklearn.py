"""Reference timing for bench/kmeans.ts: scikit-learn KMeans on the same points.

Usage: /usr/bin/python3 bench/kmeans_sklearn.py POINTS.f64 N D K REPEATS
POINTS.f64 holds N x D float64 values, row-major, little-endian (written by bench/kmeans.ts).
Times KMeans(n_clusters=K, n_init=10, random_state=0).fit(X) REPEATS times (fit only, not the file
read) and prints one JSON line: seconds per repeat, inertia and iterations of the last fit, the
versions and the thread count sklearn's OpenMP used.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_info


def main():
    path, n, d, k, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    X = np.fromfile(path, dtype="<f8").reshape(n, d)
    seconds = []
    km = None
    for _ in range(repeats):
        start = time.perf_counter()
        km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X)
        seconds.append(time.perf_counter() - start)
    threads = [p.get("num_threads") for p in threadpool_info() if p.get("user_api") == "openmp"]
    print(json.dumps({
        "seconds": seconds,
        "inertia": float(km.inertia_),
        "iterations": int(km.n_iter_),
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "openmpThreads": threads[0] if threads else None,
    }))


if __name__ == "__main__":
    main()
