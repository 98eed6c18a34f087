package org.journeykit.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The field guessing of {@link Streamed#nextField(Streamed.Fields, int)}: whatever the guess, the field found is
 * the one in the input. The guess only decides how fast it is found.
 */
class StreamedFieldsTest {

    private static final List<String> NAMES = List.of("a", "b", "c", "d");
    private static final Streamed.Fields FIELDS = Streamed.Fields.of(NAMES.toArray(String[]::new));

    /** Reads every object of the input with one Streamed; each object becomes the list of the fields found. */
    private static List<List<String>> read(String input, boolean allowUnknownFields)
            throws IOException, Streamed.Fallback {
        List<List<String>> objects = new ArrayList<>();
        // A Reader, so that Jackson reads the input 4,000 characters at a time, as in a real import.
        try (JsonParser parser = new JsonFactory().createParser(new StringReader(input))) {
            Streamed in = new Streamed(parser, allowUnknownFields);
            while (parser.nextToken() != null) {
                List<String> found = new ArrayList<>();
                int field = Streamed.END;
                while ((field = in.nextField(FIELDS, field)) != Streamed.END) {
                    found.add(NAMES.get(field) + "=" + in.string());
                }
                objects.add(found);
            }
        }
        return objects;
    }

    private static List<List<String>> read(String input) throws IOException, Streamed.Fallback {
        return read(input, true);
    }

    @Test
    void findsTheFieldsInTheWritersOrder() throws Exception {
        assertThat(read("{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\"}"))
                .containsExactly(List.of("a=1", "b=2", "c=3", "d=4"));
    }

    @Test
    void findsTheFieldsWhenTheOrderChangesFromObjectToObject() throws Exception {
        // Object 2 breaks the order learned from object 1, object 3 the one learned from object 2, and so on.
        assertThat(read("{\"a\":\"1\",\"c\":\"3\"}\n{\"c\":\"3\",\"a\":\"1\",\"d\":\"4\"}\n{\"a\":\"1\",\"c\":\"3\"}\n"
                + "{}\n{\"d\":\"4\",\"b\":\"2\"}\n{\"d\":\"4\",\"b\":\"2\"}"))
                .containsExactly(List.of("a=1", "c=3"), List.of("c=3", "a=1", "d=4"), List.of("a=1", "c=3"), List.of(),
                        List.of("d=4", "b=2"), List.of("d=4", "b=2"));
    }

    @Test
    void passesOverNamesThatAreNotFieldsWhenUnknownFieldsAreAllowed() throws Exception {
        // Unknown fields first, between known ones and last; their values are objects, arrays, scalars and null.
        assertThat(read("{\"x\":1,\"a\":\"1\",\"y\":{\"b\":\"2\"},\"b\":\"2\",\"z\":[{\"a\":[]}]}\n"
                + "{\"a\":\"1\",\"y\":null,\"b\":\"2\"}\n{\"x\":true}"))
                .containsExactly(List.of("a=1", "b=2"), List.of("a=1", "b=2"), List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"x\":1}", "{\"a\":\"1\",\"x\":1}", "{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\",\"x\":1}"})
    void givesUpAtANameThatIsNotAFieldWhenUnknownFieldsAreRefused(String object) {
        assertThatThrownBy(() -> read(object, false)).isInstanceOf(Streamed.Fallback.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"bb\"", "\"\"", "\"B\"", "\"a\\u0062\""})
    void doesNotTakeANameThatOnlyLooksLikeTheGuess(String name) {
        // After "a" the guess is "b": a longer, shorter or other name, or one written with an escape, is not "b".
        assertThat(NAMES).doesNotContain(name.substring(1, name.length() - 1));
        assertThatThrownBy(() -> read("{\"a\":\"1\"," + name + ":\"2\"}", false))
                .isInstanceOf(Streamed.Fallback.class);
    }

    @Test
    void takesANameWrittenWithAnEscapeAsTheFieldItSpells() throws Exception {
        assertThat(read("{\"a\":\"1\",\"\\u0062\":\"2\"}", false)).containsExactly(List.of("a=1", "b=2"));
    }

    @Test
    void findsTheFieldsWhereverJacksonsBufferEnds() throws Exception {
        // Jackson compares the guessed name in place only when the name is wholly in its buffer; values of varying
        // length put the buffer's end inside names, colons and values at many places.
        StringBuilder input = new StringBuilder();
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            input.append("{\"a\":\"").append("x".repeat(i % 37)).append("\",\"b\":\"").append(i)
                    .append("\",\"d\":\"z\"}\n");
            expected.add(List.of("a=" + "x".repeat(i % 37), "b=" + i, "d=z"));
        }
        assertThat(read(input.toString(), false)).isEqualTo(expected);
    }

    @Test
    void refusesFieldListsItCannotGuessIn() {
        assertThatThrownBy(() -> Streamed.Fields.of("a", "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field named twice: a");
        assertThatThrownBy(() -> Streamed.Fields.of()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 63 fields");
    }
}
