package org.journeykit.io.svg;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How {@link JourneyMapSvg} draws a journey map: the size, the lanes shown, the colours, an optional future journey
 * to draw on the same emotion chart, and whether the persona card is shown.
 *
 * <p>Sizes are in SVG user units (CSS pixels at 100% zoom). By default the width is automatic: every touchpoint gets
 * a column of {@link #DEFAULT_COLUMN_WIDTH} units, so the picture grows with the journey and stays readable for
 * 60 touchpoints and more. A fixed {@linkplain Builder#width(int) width} divides the space between the touchpoints;
 * {@link JourneyMapSvg} refuses a width that leaves a touchpoint less than {@link #MIN_COLUMN_WIDTH} units. The
 * height always follows from the lanes shown.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class SvgOptions {

    /** The smallest fixed width accepted, in user units. */
    public static final int MIN_WIDTH = 480;
    /** The largest width accepted (fixed or automatic), in user units. */
    public static final int MAX_WIDTH = 20_000;
    /** The smallest column width accepted, in user units: below it a touchpoint's text cannot be read. */
    public static final int MIN_COLUMN_WIDTH = 72;
    /** The largest column width accepted, in user units. */
    public static final int MAX_COLUMN_WIDTH = 600;
    /** The column width of an automatic-width picture unless set, in user units. */
    public static final int DEFAULT_COLUMN_WIDTH = 132;

    private static final SvgOptions DEFAULTS = builder().build();

    private final int width;
    private final int columnWidth;
    private final Set<Lane> lanes;
    private final Palette palette;
    private final @Nullable String comparisonJourneyId;
    private final boolean personaCard;

    private SvgOptions(Builder builder) {
        this.width = builder.width;
        this.columnWidth = builder.columnWidth;
        this.lanes = Collections.unmodifiableSet(EnumSet.copyOf(builder.lanes));
        this.palette = builder.palette;
        this.comparisonJourneyId = builder.comparisonJourneyId;
        this.personaCard = builder.personaCard;
    }

    /**
     * The default options: automatic width, every lane, the Okabe-Ito palette, persona card, no comparison.
     *
     * @return the defaults, not null
     */
    public static SvgOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A new builder holding the defaults.
     *
     * @return the builder, not null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The fixed width of the picture.
     *
     * @return the width in user units from {@link #MIN_WIDTH} to {@link #MAX_WIDTH}, or 0 for automatic
     */
    public int getWidth() {
        return width;
    }

    /**
     * The column width of each touchpoint when the width is automatic.
     *
     * @return the width in user units, from {@link #MIN_COLUMN_WIDTH} to {@link #MAX_COLUMN_WIDTH}
     */
    public int getColumnWidth() {
        return columnWidth;
    }

    /**
     * The lanes drawn, in top-to-bottom order.
     *
     * @return an unmodifiable set in {@link Lane} order, never empty
     */
    public Set<Lane> getLanes() {
        return lanes;
    }

    /**
     * The colours.
     *
     * @return the palette, not null
     */
    public Palette getPalette() {
        return palette;
    }

    /**
     * The id of a journey (usually the future journey) whose emotion curve is drawn on the same chart.
     *
     * @return the journey id, or empty when only one curve is drawn
     */
    public Optional<String> getComparisonJourneyId() {
        return Optional.ofNullable(comparisonJourneyId);
    }

    /**
     * Whether the persona card is drawn beside the map.
     *
     * @return true unless switched off
     */
    public boolean isPersonaCard() {
        return personaCard;
    }

    /**
     * Returns a builder holding these options.
     *
     * @return a new builder, not null
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.width = width;
        builder.columnWidth = columnWidth;
        builder.lanes = EnumSet.copyOf(lanes);
        builder.palette = palette;
        builder.comparisonJourneyId = comparisonJourneyId;
        builder.personaCard = personaCard;
        return builder;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SvgOptions)) {
            return false;
        }
        SvgOptions that = (SvgOptions) other;
        return width == that.width && columnWidth == that.columnWidth && lanes.equals(that.lanes)
                && palette.equals(that.palette) && Objects.equals(comparisonJourneyId, that.comparisonJourneyId)
                && personaCard == that.personaCard;
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, columnWidth, lanes, palette, comparisonJourneyId, personaCard);
    }

    /**
     * Prints the options.
     *
     * @return the options as text, not null
     */
    @Override
    public String toString() {
        return "SvgOptions[width=" + (width == 0 ? "auto" : width) + ", columnWidth=" + columnWidth + ", lanes="
                + lanes + ", comparison=" + comparisonJourneyId + ", personaCard=" + personaCard + "]";
    }

    /**
     * Builds {@link SvgOptions}; every setter checks its argument at once.
     *
     * <p>A builder is not thread-safe.
     */
    public static final class Builder {

        private int width;
        private int columnWidth = DEFAULT_COLUMN_WIDTH;
        private Set<Lane> lanes = EnumSet.allOf(Lane.class);
        private Palette palette = Palette.okabeIto();
        private @Nullable String comparisonJourneyId;
        private boolean personaCard = true;

        private Builder() {}

        /**
         * Fixes the width of the picture; 0 restores the automatic width.
         *
         * @param width 0, or from {@link #MIN_WIDTH} to {@link #MAX_WIDTH} user units
         * @return this builder, not null
         * @throws PictureException if the width is out of range
         */
        public Builder width(int width) {
            if (width != 0 && (width < MIN_WIDTH || width > MAX_WIDTH)) {
                throw new PictureException("SvgOptions.width is " + width + ", expected 0 (automatic) or "
                        + MIN_WIDTH + " to " + MAX_WIDTH + " user units");
            }
            this.width = width;
            return this;
        }

        /**
         * Sets the column width of each touchpoint for the automatic width.
         *
         * @param columnWidth from {@link #MIN_COLUMN_WIDTH} to {@link #MAX_COLUMN_WIDTH} user units
         * @return this builder, not null
         * @throws PictureException if the column width is out of range
         */
        public Builder columnWidth(int columnWidth) {
            if (columnWidth < MIN_COLUMN_WIDTH || columnWidth > MAX_COLUMN_WIDTH) {
                throw new PictureException("SvgOptions.columnWidth is " + columnWidth + ", expected "
                        + MIN_COLUMN_WIDTH + " to " + MAX_COLUMN_WIDTH + " user units");
            }
            this.columnWidth = columnWidth;
            return this;
        }

        /**
         * Chooses the lanes drawn; they are always drawn in {@link Lane} order.
         *
         * @param lanes the lanes, not null, at least one
         * @return this builder, not null
         * @throws NullPointerException if lanes or an element is null
         * @throws PictureException if lanes is empty
         */
        public Builder lanes(Set<Lane> lanes) {
            Objects.requireNonNull(lanes, "lanes");
            if (lanes.isEmpty()) {
                throw new PictureException("SvgOptions.lanes is empty, expected at least one lane of "
                        + EnumSet.allOf(Lane.class));
            }
            lanes.forEach(lane -> Objects.requireNonNull(lane, "lanes element"));
            this.lanes = EnumSet.copyOf(lanes);
            return this;
        }

        /**
         * Sets the colours.
         *
         * @param palette the palette, not null
         * @return this builder, not null
         * @throws NullPointerException if palette is null
         */
        public Builder palette(Palette palette) {
            this.palette = Objects.requireNonNull(palette, "palette");
            return this;
        }

        /**
         * Draws the emotion curve of another journey of the same model (usually the future journey) on the same
         * chart, dashed with square markers. Its touchpoints are placed at the column of the touchpoint with the
         * same id; touchpoints only it has are spread between their neighbours.
         *
         * @param journeyId the other journey's id, not null
         * @return this builder, not null
         * @throws NullPointerException if journeyId is null
         */
        public Builder comparisonJourneyId(String journeyId) {
            this.comparisonJourneyId = Objects.requireNonNull(journeyId, "journeyId");
            return this;
        }

        /**
         * Draws only the one journey's curve.
         *
         * @return this builder, not null
         */
        public Builder noComparison() {
            this.comparisonJourneyId = null;
            return this;
        }

        /**
         * Chooses whether the persona card is drawn beside the map.
         *
         * @param personaCard true to draw it
         * @return this builder, not null
         */
        public Builder personaCard(boolean personaCard) {
            this.personaCard = personaCard;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options, not null
         */
        public SvgOptions build() {
            return new SvgOptions(this);
        }
    }
}
