package org.journeykit.io.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compares a writer's output with its reviewed golden file; a mismatch leaves the output in target/golden. */
public final class Golden {

    private Golden() {}

    /**
     * Asserts the output equals the golden file.
     *
     * @param name the file name under org/journeykit/io/formats
     * @param actual the output
     * @throws IOException if the files cannot be read or written
     */
    public static void assertMatches(String name, String actual) throws IOException {
        String expected;
        try (InputStream in = Golden.class.getResourceAsStream("/org/journeykit/io/formats/" + name)) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(actual)) {
            Path out = Path.of("target", "golden", name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("golden file " + name + " (the output is in target/golden)").isEqualTo(expected);
    }
}
