/**
 * powerspec: symbolic–numeric verification of power-law spectra of random-feature kernels and of two-layer
 * scaling-law dynamics.
 *
 * <p>Packages are concerns, with data flowing one way: {@code symbolic} (exact Hermite/Wick algebra, claim
 * expressions) → {@code numeric} (the random-feature model and the spectrum pipeline over a back end chosen by
 * precision; {@code numeric.dd} double-double arithmetic, {@code numeric.linalg} LAPACK and ojAlgo back ends,
 * {@code numeric.second} the d → ∞ oracle and the deterministic equivalent) and, beside it, {@code dynamics}
 * (order-parameter ODEs, closed forms, SGD) → {@code check} (statements decided into outcomes: {@code check.core} the
 * statement model, {@code check.spectral}, {@code check.dynamics} and {@code check.lemma} its wings,
 * {@code Verification} the loop {@code verify} runs) → {@code report} (tables, JSON, plots, report folders) and
 * {@code bench} → {@code cli} (parsing and delegation only). This package holds what every layer shares: bad input,
 * progress, the memory budget. {@code docs/architecture.md} draws it.
 */
package org.powerspec;
