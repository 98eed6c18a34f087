package org.journeykit.io.svg;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The colours of a journey map, one per {@link Role}, as {@code #rrggbb}.
 *
 * <p>{@link #okabeIto()} is the default: the Okabe-Ito set, chosen so that the colours remain distinguishable for
 * readers with the common colour-vision deficiencies. The map never relies on colour alone: the current and future
 * curves differ in dash pattern and marker shape, pain points and opportunities in symbol, moment kinds in letter.
 * {@link #greyscale()} is for printing without colour.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Palette {

    /** What a colour is used for. */
    public enum Role {
        /** Text and outlines. */
        INK,
        /** The picture's background. */
        BACKGROUND,
        /** Lane separators, the neutral line and other light rules. */
        GRID,
        /** The alternating phase bands behind the columns. */
        PHASE_BAND,
        /** The current journey's emotion curve and markers. */
        CURRENT_CURVE,
        /** The future (comparison) journey's emotion curve and markers. */
        FUTURE_CURVE,
        /** Pain points and dips of the curve. */
        PAIN_POINT,
        /** Opportunities. */
        OPPORTUNITY,
        /** Hand-offs (gaps) between touchpoints. */
        GAP,
        /** Moments of truth. */
        MOMENT_OF_TRUTH
    }

    private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");

    private static final Palette OKABE_ITO = new Palette(colours("#000000", "#ffffff", "#bbbbbb", "#f2f2f2",
            "#0072b2", "#009e73", "#d55e00", "#0072b2", "#e69f00", "#cc79a7"));
    private static final Palette GREYSCALE = new Palette(colours("#000000", "#ffffff", "#999999", "#eeeeee",
            "#000000", "#555555", "#333333", "#555555", "#333333", "#000000"));

    private final Map<Role, String> colours;

    private Palette(Map<Role, String> colours) {
        this.colours = colours;
    }

    private static Map<Role, String> colours(String... hex) {
        Map<Role, String> map = new EnumMap<>(Role.class);
        Role[] roles = Role.values();
        for (int i = 0; i < roles.length; i++) {
            map.put(roles[i], hex[i]);
        }
        return map;
    }

    /**
     * The default palette: Okabe-Ito colours (blue #0072b2 for the current curve, bluish green #009e73 for the future
     * curve, vermillion #d55e00 for pain points, orange #e69f00 for gaps, reddish purple #cc79a7 for moments of
     * truth) on white.
     *
     * @return the palette, not null
     */
    public static Palette okabeIto() {
        return OKABE_ITO;
    }

    /**
     * A palette of greys only, for printing without colour.
     *
     * @return the palette, not null
     */
    public static Palette greyscale() {
        return GREYSCALE;
    }

    /**
     * The colour of a role.
     *
     * @param role the role, not null
     * @return the colour as lower-case {@code #rrggbb}, not null
     * @throws NullPointerException if role is null
     */
    public String colour(Role role) {
        String colour = colours.get(Objects.requireNonNull(role, "role"));
        // Every palette holds a colour for every role: the constants are built over Role.values(), and with(..)
        // copies a whole map.
        return Objects.requireNonNull(colour, "a palette without a colour for a role");
    }

    /**
     * Returns a copy with one colour changed.
     *
     * @param role the role, not null
     * @param hexColour the colour as {@code #rrggbb} (upper or lower case), not null
     * @return the copy, not null
     * @throws NullPointerException if an argument is null
     * @throws PictureException if the colour is not {@code #rrggbb}
     */
    public Palette with(Role role, String hexColour) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(hexColour, "hexColour");
        String lower = hexColour.toLowerCase(java.util.Locale.ROOT);
        if (!HEX.matcher(lower).matches()) {
            throw new PictureException("Palette colour for " + role + " is '" + hexColour
                    + "', expected #rrggbb with six hexadecimal digits, such as #0072b2");
        }
        Map<Role, String> copy = new EnumMap<>(colours);
        copy.put(role, lower);
        return new Palette(copy);
    }

    @Override
    public boolean equals(@org.jspecify.annotations.Nullable Object other) {
        return other instanceof Palette && ((Palette) other).colours.equals(colours);
    }

    @Override
    public int hashCode() {
        return colours.hashCode();
    }

    /**
     * Prints the colours by role.
     *
     * @return the palette as text, not null
     */
    @Override
    public String toString() {
        return "Palette" + colours;
    }
}
