package org.journeykit.io.internal;

import java.util.List;
import org.journeykit.error.Problem;

/** JSON Pointer helpers (RFC 6901). */
public final class Pointers {

    private Pointers() {}

    /**
     * Escapes one reference token: '~' becomes "~0" and '/' becomes "~1".
     *
     * @param token the token
     * @return the escaped token
     */
    public static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    /**
     * Translates a model problem's path to a JSON Pointer under the pointer of the object that was built: a field
     * becomes {@code /field}, a list element {@code /field/index}, and a dotted field such as
     * {@code attributes.reason} {@code /attributes/reason}.
     *
     * @param base the pointer of the object the problem was found in
     * @param path the problem's path
     * @return the pointer
     */
    public static String of(String base, List<Problem.Segment> path) {
        StringBuilder pointer = new StringBuilder(base);
        for (Problem.Segment segment : path) {
            for (String part : segment.getField().split("\\.")) {
                pointer.append('/').append(escape(part));
            }
            if (segment.getIndex() >= 0) {
                pointer.append('/').append(segment.getIndex());
            }
        }
        return pointer.toString();
    }
}
