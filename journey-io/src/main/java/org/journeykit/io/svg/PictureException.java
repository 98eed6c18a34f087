package org.journeykit.io.svg;

import org.journeykit.error.JourneyKitException;

/**
 * Thrown when a picture cannot be made as asked: a size outside the supported range, a size too small for the
 * journey's touchpoints, a colour that is not {@code #rrggbb}, or a journey id the model does not have.
 *
 * <p>The message names the option or argument, the value given and what was expected.
 */
public class PictureException extends JourneyKitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what was wrong, naming the option, the value and the expectation; not null
     */
    public PictureException(String message) {
        super(message);
    }
}
