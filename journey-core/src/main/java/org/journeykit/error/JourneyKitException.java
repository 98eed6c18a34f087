package org.journeykit.error;

import org.jspecify.annotations.Nullable;

/**
 * The root of the exceptions that JourneyKit throws for bad input or an impossible request.
 *
 * <p>Catch this type to handle every failure the library reports on purpose. Programming errors such as a
 * {@code null} passed where the documentation says "not null" surface as {@link NullPointerException} instead.
 */
public class JourneyKitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, not null
     */
    public JourneyKitException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, not null
     * @param cause the underlying failure, null if there is none
     */
    public JourneyKitException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
