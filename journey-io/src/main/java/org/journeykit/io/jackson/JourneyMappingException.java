package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.journeykit.io.JourneyReadException;
import org.journeykit.io.ReadProblem;
import org.jspecify.annotations.Nullable;

/**
 * What an {@code ObjectMapper} with {@link JourneyModule} throws for input that cannot be read: a Jackson
 * {@link JsonMappingException}, so Jackson's and Spring's error handling treats it as bad input, that carries the
 * same {@link JourneyReadException} (every problem, each with its rule code) that {@code JourneyJson} throws for the
 * same input.
 *
 * <p>{@link #getLocation()} is the line and column of the first problem and {@link #getPath()} leads to it (from
 * the outermost value the mapper read, when the journey value was a property of another object); the message is the
 * read exception's, followed by Jackson's location and path.
 */
public final class JourneyMappingException extends JsonMappingException {

    private static final long serialVersionUID = 1L;

    /** Every problem (a serialized copy keeps the read exception's message only, as that exception does). */
    private final JourneyReadException readException;

    private JourneyMappingException(JsonParser parser, JourneyReadException readException, JsonLocation location) {
        super(parser, readException.getMessage(), readException);
        this._location = location;
        this.readException = readException;
    }

    /**
     * Creates the exception for problems found in a value the parser has read.
     *
     * @param parser the parser, for the input's description
     * @param readException the problems, not null
     * @param root the value as read, to tell array indexes from field names in the path; null when not known
     * @return the exception, its location and path those of the first problem
     */
    static JourneyMappingException of(JsonParser parser, JourneyReadException readException,
            @Nullable JsonNode root) {
        ReadProblem first = readException.getProblems().get(0);
        JsonLocation here = parser.currentLocation();
        JsonLocation location = first.getLine() > 0
                ? new JsonLocation(here.contentReference(), -1L, (int) first.getLine(), (int) first.getColumn())
                : here;
        JourneyMappingException exception = new JourneyMappingException(parser, readException, location);
        List<Reference> path = new ArrayList<>();
        JsonNode node = root;
        String pointer = first.getPointer();
        if (!pointer.isEmpty()) {
            for (String raw : pointer.substring(1).split("/", -1)) {
                String token = raw.replace("~1", "/").replace("~0", "~");
                if (node != null && node.isArray() && token.matches("\\d{1,9}")) {
                    int index = Integer.parseInt(token);
                    path.add(new Reference(null, index));
                    node = node.get(index);
                } else {
                    path.add(new Reference(null, token));
                    node = node == null ? null : node.get(token);
                }
            }
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            exception.prependPath(path.get(i));
        }
        return exception;
    }

    /**
     * The read exception with every problem found, as {@code JourneyJson} reports them.
     *
     * @return the read exception, not null
     */
    public JourneyReadException getReadException() {
        return readException;
    }
}
