package org.journeykit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.journeykit.error.RuleCode;
import org.junit.jupiter.api.Test;

/**
 * A field name that is not UTF-8 where jackson-core's shared name table hides it. The table maps the bytes 0xFF 'k'
 * 'd' onto the name "kd" when "kd" is already in it (short names are padded with 0xFF bytes there), and a parser
 * that adds more than 6,000 names resets the table for the next parser. So the reporting read's first pass takes
 * the name for "kd" and the second pass, which locates the problems, meets the invalid byte: found by fuzzing
 * (crash-97110437 in the fuzz inputs), where the second pass's exception escaped untyped.
 */
class InvalidUtf8NameTest {

    @Test
    void aNameTheLocatingPassFindsNotUtf8IsReportedAsMalformed() throws Exception {
        JourneyJson json = JourneyJson.defaults();
        // 1. "kd" enters the reader's name table (an unknown field: a read exception, as expected).
        byte[] known = "{\"formatVersion\": 1, \"kd\": 1}".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> json.read(new ByteArrayInputStream(known)))
                .isInstanceOf(JourneyReadException.class);
        // 2. The name 0xFF "kd", then 6,001 distinct names, so the table is reset when the first pass closes.
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        doc.write("{\"formatVersion\": 1, \"".getBytes(StandardCharsets.US_ASCII));
        doc.write(0xFF);
        doc.write("kd\": 1, \"padding\": {".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i <= 6_000; i++) {
            doc.write(((i == 0 ? "" : ", ") + "\"n" + i + "\": 0").getBytes(StandardCharsets.US_ASCII));
        }
        doc.write("}}".getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = doc.toByteArray();
        assertThatThrownBy(() -> json.read(new ByteArrayInputStream(bytes)))
                .isInstanceOfSatisfying(JourneyReadException.class, e -> assertThat(e.getProblems())
                        .singleElement().satisfies(problem -> {
                            assertThat(problem.getCode()).isEqualTo(RuleCode.MALFORMED);
                            assertThat(problem.getLine()).isEqualTo(1);
                            assertThat(problem.getRule()).contains("UTF-8");
                        }));
    }
}
