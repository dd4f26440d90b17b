/**
 * Claims and lemmas about the two-layer dynamics (Worschech &amp; Rosenow, arXiv:2410.09005): learning-curve and floor exponents, plateau trends, the SGD–ODE gap; each claim kind decides itself and says its figure; one class per lemma.
 */
package org.powerspec.check.dynamics;
