/**
 * Claims and lemmas about the two-layer dynamics (Worschech &amp; Rosenow, arXiv:2410.09005): learning-curve and floor exponents, plateau trends, the SGD–ODE gap, plateau scaling laws in K and L, the exponential or power-law convergence after the escape; each claim kind decides itself and says its figure; one class per lemma.
 */
package org.powerspec.check.dynamics;
