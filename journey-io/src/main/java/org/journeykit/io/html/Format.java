package org.journeykit.io.html;

import java.util.Locale;

/** Numbers in the report: fixed decimals, Locale.ROOT, never "-0", an explicit "+" on positive changes. */
final class Format {

    private Format() {}

    static String number(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        double rounded = Math.round(value * scale) / scale + 0.0;
        return String.format(Locale.ROOT, "%." + decimals + "f", rounded);
    }

    static String signed(double value, int decimals) {
        String n = number(value, decimals);
        return value > 0 && !n.matches("0\\.0*") ? "+" + n : n;
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
