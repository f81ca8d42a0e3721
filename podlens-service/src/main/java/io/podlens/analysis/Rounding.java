package io.podlens.analysis;

/** Confidences are reported with 3 decimals: more digits only show float noise. */
final class Rounding {

	private Rounding() {
	}

	static double confidence(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
