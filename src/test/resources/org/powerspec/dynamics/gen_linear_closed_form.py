"""Reference learning curves of the linear closed form (LinearClosedFormTest), at 50 significant digits.

Run once from this directory:  python3 gen_linear_closed_form.py
(written with Python 3.11 and mpmath 1.3.0; takes about five minutes, mostly mpmath.expm; the output linear_closed_form.txt is committed
and Python is not needed to build or test).

For g(x) = x the per-eigenspace errors s_l = D P_l D^T / N obey, on the trained block (the top N_l eigenspaces),
ds/dalpha = A s + b with

    A = -2 kappa eta diag(lambda) + (kappa eta)^2 / L * lambda lambda^T,   b = (kappa eta)^2 / L * lambda * F,
    F = sum_{l > N_l} lambda_l s_l(0)  (the frozen eigenspaces, constant),  kappa = c_K^2 K,
    eps_g = 1/2 sum_l lambda_l s_l,

so s(alpha) = e^(A alpha) s(0) + A^-1 (e^(A alpha) - I) b. Here that is evaluated by mpmath alone, independently of
the Java algorithm (a secular-equation solver): A = V diag(a) V^T by mpmath.eigsy at 50 digits, then
s(alpha) = V [e^(a alpha) o V^T s(0) + (expm1(a alpha)/a) o V^T b]; at three times per case the result is
cross-checked against mpmath.expm (Pade/Taylor with scaling and squaring) at 60 digits and the script stops if the two
differ by more than 1e-30 relative. The floor eps_g(inf) = 1/2 [F + lambda_tr^T (-A^-1 b)] is computed with
mpmath.lu_solve, again independently of the eigendecomposition.

The inputs are exactly the doubles the Java model builds: lambda by EigenspaceSpectrum.powerLaw (l^-(1+beta) by the
platform pow, summed in order, times L/sum, all in double: written with repr so they round-trip, and the test checks
them against powerLaw's own values), s_l(0) for the zero student with t^l = I/L (OrderParameters.uniform) as
LinearClosedForm sums it in double, and kappa = c_K * c_K * K, eta as doubles. The matrix A is then formed exactly
(at 50 digits) from those doubles.

Cases (K, M, output scaling, L, beta, eta, N_l):
  hard      1, 1, none, 96,   8, 0.01, 96   lambda_L ~ 1e-16 against ||A|| ~ 2 (project issue 11)
  moderate  2, 3, sqrt, 64,   1, 0.3,  64
  floor64   1, 1, none, 1024, 8, 0.05, 64   the trainable floor: lambda_64 ~ 6e-14 against ||A|| ~ 100
  floor4 .. floor32: the same with N_l = 4, 8, 16, 32 (floor only)

Format: 'case NAME', then 'model K M scaling L beta eta N_l', 'lambda i value' (i = 0..L-1, repr of the double),
's0 i value' (repr), 'eig j value' (eigenvalues of A on the trained block, ascending, 40 digits), 'eg alpha value'
(40 digits; alpha as repr of the double the test passes), 'floor value', 'end'.
"""
import math

import mpmath as mp

DPS = 50


def fmt(x):
    return mp.nstr(x, 40, strip_zeros=False, min_fixed=1, max_fixed=0)


def power_law(L, beta):
    """EigenspaceSpectrum.powerLaw in double, statement by statement."""
    lam = [0.0] * L
    total = 0.0
    for i in range(L):
        lam[i] = math.pow(i + 1, -(1 + beta))
        total += lam[i]
    for i in range(L):
        lam[i] *= L / total
    return lam


def factor(scaling, units):
    return 1.0 if scaling == "none" else 1 / math.sqrt(units)


def initial_s(K, M, scaling, L):
    """LinearClosedForm's s_l(0) for q = 0, r = 0, t^l = I/L, summed as the Java loop does."""
    cK = factor(scaling, K)
    cM = factor(scaling, M)
    t = 1.0 / L
    s = []
    for _ in range(L):
        v = 0.0
        for _i in range(K):
            for _k in range(K):
                v += cK * cK * 0.0
            for _n in range(M):
                v -= 2 * cK * cM * 0.0
        for n in range(M):
            for m in range(M):
                v += cM * cM * (t if n == m else 0.0)
        s.append(v)
    return s


def system(K, M, scaling, L, lam, s0, eta, nl):
    cK = factor(scaling, K)
    kappa = cK * cK * K
    k = mp.mpf(kappa) * mp.mpf(eta)
    lm = [mp.mpf(x) for x in lam]
    frozen = mp.fsum(lm[l] * mp.mpf(s0[l]) for l in range(nl, L))
    a = mp.matrix(nl, nl)
    for i in range(nl):
        for j in range(nl):
            a[i, j] = k * k / L * lm[i] * lm[j] - (2 * k * lm[i] if i == j else 0)
    b = mp.matrix([k * k / L * lm[i] * frozen for i in range(nl)])
    s = mp.matrix([mp.mpf(s0[i]) for i in range(nl)])
    return a, b, s, frozen, lm


def curve(a, b, s, frozen, lm, times):
    n = a.rows
    ev, v = mp.eigsy(a)
    vs = v.T * s
    vb = v.T * b
    weight = [mp.fsum(lm[i] * v[i, j] for i in range(n)) for j in range(n)]
    out = []
    for t in times:
        al = mp.mpf(t)
        e = frozen
        for j in range(n):
            x = ev[j] * al
            e += weight[j] * (mp.exp(x) * vs[j] + (mp.expm1(x) / ev[j]) * vb[j])
        out.append(e / 2)
    return sorted(ev[j] for j in range(n)), out


def by_expm(a, b, s, frozen, lm, t):
    with mp.workdps(60):
        al = mp.mpf(t)
        e = mp.expm(a * al)
        st = e * s + mp.lu_solve(a, (e - mp.eye(a.rows)) * b)
        return (frozen + mp.fsum(lm[i] * st[i] for i in range(a.rows))) / 2


def floor(a, b, frozen, lm):
    x = mp.lu_solve(a, -b)
    return (frozen + mp.fsum(lm[i] * x[i] for i in range(a.rows))) / 2


def write_case(f, name, K, M, scaling, L, beta, eta, nl, times, with_curve=True):
    mp.mp.dps = DPS
    lam = power_law(L, beta)
    s0 = initial_s(K, M, scaling, L)
    a, b, s, frozen, lm = system(K, M, scaling, L, lam, s0, eta, nl)
    f.write("case %s\n" % name)
    f.write("model %d %d %s %d %r %r %d\n" % (K, M, scaling, L, float(beta), eta, nl))
    for i, x in enumerate(lam):
        f.write("lambda %d %r\n" % (i, x))
    for i, x in enumerate(s0):
        f.write("s0 %d %r\n" % (i, x))
    if with_curve:
        ev, eg = curve(a, b, s, frozen, lm, times)
        for j, x in enumerate(ev):
            f.write("eig %d %s\n" % (j, fmt(x)))
        picks = [times[len(times) // 4], times[len(times) // 2], times[-1]]
        for t in picks:
            other = by_expm(a, b, s, frozen, lm, t)
            got = eg[times.index(t)]
            if abs(other - got) > mp.mpf("1e-30") * abs(other):
                raise SystemExit("%s: eigsy %s and expm %s differ at alpha = %r" % (name, got, other, t))
        for t, e in zip(times, eg):
            f.write("eg %r %s\n" % (t, fmt(e)))
    f.write("floor %s\n" % fmt(floor(a, b, frozen, lm)))
    f.write("end\n")


def main():
    with open("linear_closed_form.txt", "w") as f:
        f.write("# written by gen_linear_closed_form.py (mpmath %s, %d digits); see its docstring\n" % (mp.__version__, DPS))
        write_case(f, "hard", 1, 1, "none", 96, 8, 0.01, 96, [10.0 ** (k / 3) for k in range(0, 61)] + [2.71026e16])
        write_case(f, "moderate", 2, 3, "sqrt", 64, 1, 0.3, 64, [10.0 ** (k / 6) for k in range(-6, 37)])
        write_case(f, "floor64", 1, 1, "none", 1024, 8, 0.05, 64, [10.0 ** (k / 3) for k in range(-3, 58)])
        for nl in (4, 8, 16, 32):
            write_case(f, "floor%d" % nl, 1, 1, "none", 1024, 8, 0.05, nl, [], with_curve=False)


if __name__ == "__main__":
    main()
