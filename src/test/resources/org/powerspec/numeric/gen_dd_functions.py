"""Reference values of exp, log and pow for the double-double tests (DoubleDoubleArithmeticTest).

Run once from this directory:  python3 gen_dd_functions.py > dd_functions.txt
(written with Python 3.11, mpmath 1.3.0, numpy 2.x; the output is committed, Python is not needed to build or test).

exp is sampled on [-600, 700]: below about e^-675 the low part of the result is subnormal and the result is
no longer accurate to DD. Each input is a double-double hi + lo (both printed with repr, which round-trips exactly through
Double.parseDouble); the reference is computed from the exact binary value hi + lo with mpmath at 50 significant
digits and printed with 40.
"""
import numpy as np
import mpmath as mp

mp.mp.dps = 50
rng = np.random.default_rng(1729)


def dd(hi):
    """A normalised double-double with a random low part."""
    lo = hi * rng.uniform(-1, 1) * 2.0**-53
    s = hi + lo
    return s, lo - (s - hi)


def value(hi, lo):
    return mp.mpf(hi) + mp.mpf(lo)


def ref(x):
    return mp.nstr(x, 40, strip_zeros=False, min_fixed=1, max_fixed=0)


print("# function hi lo y reference   (y is '-' for exp and log)")
exp_args = list(rng.uniform(-600, 700, 40)) + list(rng.uniform(-2, 2, 30)) + list(10.0 ** rng.uniform(-12, -1, 10))
for a in exp_args:
    hi, lo = dd(float(a))
    print("exp", repr(hi), repr(lo), "-", ref(mp.exp(value(hi, lo))))
log_args = list(10.0 ** rng.uniform(-30, 30, 40)) + list(rng.uniform(0.9, 1.1, 20)) \
    + list(1 + rng.choice([-1, 1], 20) * 10.0 ** rng.uniform(-14, -2, 20))
for a in log_args:
    hi, lo = dd(float(a))
    print("log", repr(hi), repr(lo), "-", ref(mp.log(value(hi, lo))))
for y in [-1.5, -0.5, 0.75, 1.5, -2.25, -8.0, 3.0, -1.0]:
    for x in list(rng.integers(1, 10**6, 4)) + list(10.0 ** rng.uniform(-5, 5, 4)):
        x = float(x)
        hi, lo = (x, 0.0) if x == int(x) else dd(x)
        print("pow", repr(hi), repr(lo), repr(y), ref(value(hi, lo) ** mp.mpf(y)))
