package org.journeykit.model;

/**
 * The rule every id in the model follows: 1 to 128 characters, a letter or digit first, then letters, digits,
 * '.', '_', ':' or '-'. Ids are case-sensitive.
 *
 * <p>Integrators can reuse {@link #PATTERN} in their own {@code @Pattern} constraints.
 */
public final class Ids {

    /** The regular expression an id must match as a whole. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    /** The longest id, in characters. */
    public static final int MAX_LENGTH = 128;

    private Ids() {}
}
