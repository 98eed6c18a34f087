package org.journeykit.io.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * "Nice" axis ticks: a step of 1, 2 or 5 times a power of ten, giving about the number of intervals asked for, and
 * an axis from a multiple of the step at or below the minimum to one at or above the maximum.
 *
 * @param min the axis minimum, a multiple of the step
 * @param max the axis maximum, a multiple of the step
 * @param step the step between ticks, positive
 */
record Ticks(double min, double max, double step) {

    static Ticks of(double low, double high, int intervals) {
        if (high - low < 1e-9) {
            double pad = Math.max(1, Math.abs(high) * 0.1);
            low -= pad;
            high += pad;
        }
        double raw = (high - low) / Math.max(1, intervals);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        double step = nice * power;
        double min = Math.floor(low / step + 1e-9) * step;
        double max = Math.ceil(high / step - 1e-9) * step;
        return new Ticks(min + 0.0, max + 0.0, step);
    }

    /** The tick values from min to max. */
    List<Double> values() {
        List<Double> values = new ArrayList<>();
        long n = Math.round((max - min) / step);
        for (long i = 0; i <= n; i++) {
            values.add(min + i * step + 0.0);
        }
        return values;
    }

    /** A tick value as text with as many decimals as the step needs. */
    String format(double value) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return Canvas.fixed(value, decimals);
    }
}
