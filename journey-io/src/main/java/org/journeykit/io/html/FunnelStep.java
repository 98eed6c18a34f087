package org.journeykit.io.html;

import java.util.Objects;

/**
 * One step of a conversion funnel: how many customers entered it and how many went on to the next step.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class FunnelStep {

    private final String name;
    private final long entered;
    private final long converted;

    private FunnelStep(String name, long entered, long converted) {
        this.name = name;
        this.entered = entered;
        this.converted = converted;
    }

    /**
     * Creates a step.
     *
     * @param name the step's name, such as "Order form", not null, 1 to 200 characters
     * @param entered the customers who reached the step, at least 0
     * @param converted the customers who went on, from 0 to entered
     * @return the step, not null
     * @throws NullPointerException if name is null
     * @throws org.journeykit.error.InvalidModelException if an argument breaks its rule
     */
    public static FunnelStep of(String name, long entered, long converted) {
        Objects.requireNonNull(name, "name");
        Values.text("FunnelStep", "name", name);
        Values.check("FunnelStep", entered >= 0, "entered", entered, "must be at least 0");
        Values.check("FunnelStep", converted >= 0 && converted <= entered, "converted", converted,
                "must be from 0 to entered " + entered);
        return new FunnelStep(name, entered, converted);
    }

    /**
     * The step's name.
     *
     * @return the name, not null
     */
    public String getName() {
        return name;
    }

    /**
     * The customers who reached the step.
     *
     * @return the count, at least 0
     */
    public long getEntered() {
        return entered;
    }

    /**
     * The customers who went on to the next step.
     *
     * @return the count, from 0 to {@link #getEntered()}
     */
    public long getConverted() {
        return converted;
    }

    /**
     * The conversion rate, converted divided by entered.
     *
     * @return the rate in [0, 1]; 0 when no one entered
     */
    public double getConversionRate() {
        return entered == 0 ? 0 : (double) converted / entered;
    }
}
