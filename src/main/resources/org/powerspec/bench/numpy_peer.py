# The obvious peer of `powerspec spectrum` in double precision: numpy + its OpenBLAS, the same work end to end.
# usage: python3 numpy_peer.py ALPHA P D V SEED   -> prints "seconds_gram seconds_kernel seconds_eig lambda_1 lambda_d"
import sys, time
from math import factorial
import numpy as np

alpha, p, d, v, seed = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
t0 = time.perf_counter()
rng = np.random.default_rng(seed)
W = rng.standard_normal((v, d))
Z = W * (np.arange(1, v + 1, dtype=float) ** (-alpha / 2))[:, None]   # Z = H^(1/2) W
G = Z.T @ Z
t1 = time.perf_counter()
s = np.sqrt(np.diag(G))
K = np.zeros((d, d))
for k in range(p % 2, p + 1, 2):
    m = (p - k) // 2
    c = factorial(p) // (factorial(k) * 2**m * factorial(m))
    K += (factorial(k) * c * c) * np.outer(s ** (p - k), s ** (p - k)) * G ** k
K /= d
t2 = time.perf_counter()
ev = np.linalg.eigvalsh(K)
t3 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f} {ev[-1]:.6e} {ev[0]:.6e}")
