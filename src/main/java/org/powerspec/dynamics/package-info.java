/**
 * Two-layer scaling-law dynamics: one-pass SGD of a soft-committee student (K hidden units) learning a teacher
 * (M hidden units) on Gaussian inputs ξ ~ N(0, Σ) whose covariance has L distinct eigenvalues, each of multiplicity
 * N/L (Worschech &amp; Rosenow, "Analyzing Neural Scaling Laws in Two-Layer Networks with Power-Law Data Spectra",
 * arXiv:2410.09005, ICLR 2025). The state is the per-eigenspace order parameters q^ℓ = J P_ℓ Jᵀ/N,
 * r^ℓ = J P_ℓ Bᵀ/N, t^ℓ = B P_ℓ Bᵀ/N (never the power basis Σ^l, whose closure is ill-conditioned); the erf
 * Gaussian integrals are those of Saad &amp; Solla, Phys. Rev. E 52, 4225 (1995).
 */
package org.powerspec.dynamics;
