package org.journeykit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.journeykit.model.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written id check agrees with the published pattern {@link Ids#PATTERN}, which defines it. */
class ChecksTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "caf\u00e9", "\u20ac 5", "\uD83D\uDE00", "a\uD83D\uDE00b\uD83D\uDE01",
        "\uD800\uDC00\uDBFF\uDFFF"})
    void findsNoLoneSurrogateInValidUnicode(String text) {
        assertThat(Checks.hasLoneSurrogate(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD83D", "\uDE00", "a\uD83D", "\uDE00a", "\uD83Da", "\uD83D\uD83D\uDE00",
        "\uD83D\uDE00\uDE00", "\uD83D\uDE00x\uDFFF", "abc\uDFFF"})
    void findsALoneSurrogateAnywhere(String text) {
        assertThat(Checks.hasLoneSurrogate(text)).isTrue();
    }

    @Test
    void findsTheSameLoneSurrogatesAsTheCodePointDefinitionInRandomTexts() {
        // A text is valid Unicode when every code point it decodes to is a scalar value (not a surrogate).
        SplittableRandom random = new SplittableRandom(20261130L);
        char[] alphabet = {'a', '\u00e9', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D', '\uDE00'};
        for (int n = 0; n < 20_000; n++) {
            char[] chars = new char[random.nextInt(8)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String text = new String(chars);
            boolean lone = text.codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF);
            assertThat(Checks.hasLoneSurrogate(text)).as(text.chars().mapToObj(Integer::toHexString).toList()
                    .toString()).isEqualTo(lone);
        }
    }

    @Test
    void tellsBlankTextsAsStringIsBlankDoesWhateverTheFirstCharacter() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            for (String text : new String[] {String.valueOf(c), c + " ", " " + c, c + "x"}) {
                assertThat(Checks.isBlank(text)).as("U+%04X in '%s'", (int) c, text).isEqualTo(text.isBlank());
            }
        }
        assertThat(Checks.isBlank("")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "touchpoint-12", "a.b_c:d-e", "9-"})
    void acceptsIds(String id) {
        assertThat(Checks.isId(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", ".a", "_a", ":a", "a b", "a/b", "a@b", "a[b", "a`b", "a{b", "é", "aé", "a\u0663",
        "a\u0000", "a\u007f"})
    void refusesOtherTexts(String text) {
        assertThat(Checks.isId(text)).isFalse();
    }

    @Test
    void acceptsUpTo128Characters() {
        assertThat(Checks.isId("x".repeat(128))).isTrue();
        assertThat(Checks.isId("x".repeat(129))).isFalse();
    }

    @Test
    void agreesWithThePatternOnRandomTexts() {
        // Every character next to a boundary of the allowed ranges, plus letters and digits beyond ASCII.
        String alphabet = "aAzZ09.:_-/@[`{~ \t\u0000\u007f\u0080é\u0663\uff21";
        SplittableRandom random = new SplittableRandom(20261123L);
        for (int n = 0; n < 100_000; n++) {
            int length = random.nextInt(5) == 0 ? 125 + random.nextInt(6) : random.nextInt(8);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : alphabet.charAt(random.nextInt(6)));
            }
            String value = text.toString();
            assertThat(Checks.isId(value)).as("%s", value).isEqualTo(value.matches(Ids.PATTERN));
        }
    }
}
