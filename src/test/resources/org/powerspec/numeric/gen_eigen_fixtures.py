"""Reference spectra for the double-double eigenvalue tests (DoubleDoubleEigenSolverTest,
DoubleDoubleRandomFeatureTest).

Run once from this directory:  python3 gen_eigen_fixtures.py
(written with Python 3.11, mpmath 1.3.0, numpy 2.x; takes a few seconds; the outputs are committed and Python is
not needed to build or test). Writes:

  second_difference_50.txt   eigenvalues 2 - 2 cos(k pi / 51), k = 1..50, of tridiag(-1, 2, -1), n = 50
  graded_dense_50.txt        a dense symmetric A = Q diag(lambda) Q^T, n = 50, |lambda| log-spaced from 1 down to
                             1e-25 with random signs, Q orthogonal (QR of a seeded Gaussian matrix at 60 digits);
                             A is rounded entry-wise to double-double (hi, lo) and the reference eigenvalues are
                             those of the rounded matrix, by mpmath.eigsy at 60 digits
  rf_w_240x60.txt            W, v = 240 rows by d = 60 columns of seeded standard normal doubles
  rf_kernel_eigenvalues.txt  eigenvalues of K = (1/d) (2 G*G + diag(G) diag(G)^T) (* entry-wise), the kernel of
                             f(y) = y^2, with G = W^T diag(j^-8) W, j = 1..v, all in mpmath at 50 digits
                             (mpmath.eigsy)

Eigenvalues are printed in descending order with 40 significant digits; doubles with repr (exact round trip).
"""
import numpy as np
import mpmath as mp


def fmt(x):
    return mp.nstr(x, 40, strip_zeros=False, min_fixed=1, max_fixed=0)


def descending(values):
    return sorted(values, reverse=True)


def second_difference(n=50):
    mp.mp.dps = 50
    with open("second_difference_%d.txt" % n, "w") as f:
        f.write("# eigenvalues of tridiag(-1, 2, -1), n = %d, descending: 2 - 2 cos(k pi/(n+1))\n" % n)
        for x in descending([2 - 2 * mp.cos(k * mp.pi / (n + 1)) for k in range(1, n + 1)]):
            f.write(fmt(x) + "\n")


def graded_dense(n=50):
    mp.mp.dps = 60
    rng = np.random.default_rng(314159)
    gauss = rng.standard_normal((n, n))
    q, _ = mp.qr(mp.matrix(gauss.tolist()))
    signs = rng.choice([-1, 1], n)
    signs[0] = 1
    lam = [int(signs[k]) * mp.mpf(10) ** (-25 * mp.mpf(k) / (n - 1)) for k in range(n)]
    hi = [[0.0] * n for _ in range(n)]
    lo = [[0.0] * n for _ in range(n)]
    rounded = mp.matrix(n, n)
    for i in range(n):
        for j in range(i + 1):
            a = mp.fsum(q[i, k] * lam[k] * q[j, k] for k in range(n))
            h = float(a)
            l = float(a - h)
            s = h + l
            h, l = s, l - (s - h)
            hi[i][j] = hi[j][i] = h
            lo[i][j] = lo[j][i] = l
            rounded[i, j] = rounded[j, i] = mp.mpf(h) + mp.mpf(l)
    eig = mp.eigsy(rounded, eigvals_only=True)
    with open("graded_dense_%d.txt" % n, "w") as f:
        f.write("# n = %d; lines 'i j hi lo' for the lower triangle (j <= i), then 'eig value' descending\n" % n)
        f.write("n %d\n" % n)
        for i in range(n):
            for j in range(i + 1):
                f.write("%d %d %r %r\n" % (i, j, hi[i][j], lo[i][j]))
        for x in descending([eig[k] for k in range(n)]):
            f.write("eig " + fmt(x) + "\n")


def random_feature(v=240, d=60, alpha=8):
    mp.mp.dps = 50
    rng = np.random.default_rng(20240611)
    w = rng.standard_normal((v, d))
    with open("rf_w_%dx%d.txt" % (v, d), "w") as f:
        f.write("# W, %d rows by %d columns, numpy default_rng(20240611).standard_normal\n" % (v, d))
        for r in range(v):
            f.write(" ".join(repr(float(x)) for x in w[r]) + "\n")
    wm = [[mp.mpf(float(x)) for x in row] for row in w]
    lam = [mp.mpf(j) ** -alpha for j in range(1, v + 1)]
    g = mp.matrix(d, d)
    for a in range(d):
        for b in range(a, d):
            g[a, b] = g[b, a] = mp.fsum(lam[r] * wm[r][a] * wm[r][b] for r in range(v))
    k = mp.matrix(d, d)
    for a in range(d):
        for b in range(d):
            k[a, b] = (2 * g[a, b] ** 2 + g[a, a] * g[b, b]) / d
    eig = mp.eigsy(k, eigvals_only=True)
    with open("rf_kernel_eigenvalues.txt", "w") as f:
        f.write("# eigenvalues of K = (1/d)(2 G.G + diag(G) diag(G)^T), G = W^T diag(j^-%d) W, v = %d, d = %d,"
                " descending (mpmath, 50 digits)\n" % (alpha, v, d))
        for x in descending([eig[i] for i in range(d)]):
            f.write(fmt(x) + "\n")


if __name__ == "__main__":
    second_difference()
    graded_dense()
    random_feature()
