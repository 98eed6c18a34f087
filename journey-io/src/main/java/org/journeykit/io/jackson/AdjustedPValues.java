package org.journeykit.io.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.journeykit.error.RuleCode;
import org.journeykit.io.internal.Reading;
import org.journeykit.metrics.stats.Comparison;
import org.journeykit.metrics.stats.Correction;
import org.jspecify.annotations.Nullable;

/**
 * The {@code adjustedPValue} fields of one family of comparisons being read (the points of a trend, the entries of
 * a segment comparison). An adjusted p-value is derived: the value rebuilds it from the comparisons and the
 * correction. One written is read only to be checked, after the value is built, so that input that contradicts
 * itself is refused rather than silently replaced: it needs a correction and a comparison with a p-value, must be in
 * [0, 1], at least the comparison's p-value, and equal to the recomputed one within {@link #TOLERANCE} (room for a
 * value written with fewer digits than a double's shortest form; the writer's own output matches exactly).
 * Not thread-safe: one per value read.
 *
 * @param <K> the key of a member of the family (a period, a segment)
 */
final class AdjustedPValues<K> {

    /** The largest difference accepted between a written adjusted p-value and the recomputed one. */
    static final double TOLERANCE = 1e-9;

    private static final String FIELD = "adjustedPValue";

    private final Reading reading;
    private final boolean corrected;
    private final Map<K, Given> given = new HashMap<>();

    private record Given(String pointer, double value, String text) {}

    /**
     * Starts reading a family.
     *
     * @param reading the read's state
     * @param corrected whether the value names a correction; without one no adjusted p-value may be written
     */
    AdjustedPValues(Reading reading, boolean corrected) {
        this.reading = reading;
        this.corrected = corrected;
    }

    /**
     * Notes the adjusted p-value written in a member's object, if any, refusing one that is not a number or is
     * written without a correction.
     *
     * @param key the member's key
     * @param object the member's object
     * @param at the object's JSON pointer
     */
    void given(K key, ObjectNode object, String at) {
        if (!object.hasNonNull(FIELD) || reading.number(object, at, FIELD, false) == null) {
            return;
        }
        JsonNode node = object.get(FIELD);
        String pointer = at + "/" + FIELD;
        if (!corrected) {
            reading.problem(pointer, RuleCode.CONFLICT, "may be given only with a correction", node.toString());
            return;
        }
        double value = node.isFloatingPointNumber() ? Double.parseDouble(node.toString()) : node.doubleValue();
        given.put(key, new Given(pointer, value, node.toString()));
    }

    /**
     * Checks the adjusted p-value written for a member against the built value's.
     *
     * @param key the member's key
     * @param comparison the member's comparison, or null when it has none
     * @param expected the adjusted p-value the built value holds
     * @param correction the built value's correction
     */
    void check(K key, @Nullable Comparison comparison, OptionalDouble expected, Correction correction) {
        Given written = given.get(key);
        if (written == null) {
            return;
        }
        if (comparison == null || comparison.pValue().isEmpty() || expected.isEmpty()) {
            reading.problem(written.pointer, RuleCode.CONFLICT, "may be given only with a comparison that has a "
                    + "p-value (a standard error above 0)", written.text);
        } else if (!(written.value >= 0 && written.value <= 1)) {
            reading.problem(written.pointer, RuleCode.RANGE, "must be in [0, 1]", written.text);
        } else if (written.value < comparison.pValue().getAsDouble() - TOLERANCE) {
            reading.problem(written.pointer, RuleCode.RANGE, "must be at least the comparison's p-value, "
                    + comparison.pValue().getAsDouble(), written.text);
        } else if (Math.abs(written.value - expected.getAsDouble()) > TOLERANCE) {
            reading.problem(written.pointer, RuleCode.CONFLICT, "must be the " + Reading.Names.of(correction)
                    + " adjusted p-value of the comparisons, " + expected.getAsDouble(), written.text);
        }
    }
}
