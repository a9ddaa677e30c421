/** A Gaussian hidden Markov model with diagonal covariances: Baum-Welch fitting and the forward filter. No Trellis types here. */
package org.trellis.regime.hmm;
