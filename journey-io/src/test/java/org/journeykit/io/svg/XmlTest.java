package org.journeykit.io.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class XmlTest {

    @Test
    void markupCharactersAreEscapedAndCharactersXmlForbidsAreDropped() {
        // U+0001 and a lone high surrogate are not allowed in XML 1.0; an emoji (a valid surrogate pair) stays.
        assertThat(Xml.escape("<a href=\"x\">&'\u0001\ud800 \ud83d\ude00"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39; \ud83d\ude00");
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "-0.04, 0", "1.25, 1.3", "-1.25, -1.2", "12.34, 12.3", "100, 100", "-7.5, -7.5"})
    void numbersHaveAtMostOneDecimalAndNoNegativeZero(double value, String expected) {
        // Math.round rounds half up: 12.5 tenths -> 13, -12.5 tenths -> -12.
        assertThat(Xml.number(value)).isEqualTo(expected);
    }

    @Test
    void textWrapsAtWordsAndShortensWithAnEllipsis() {
        assertThat(TextFit.wrap("Fill in the laptop request form", 12, 3))
                .containsExactly("Fill in the", "laptop", "request form");
        assertThat(TextFit.wrap("Fill in the laptop request form", 12, 2))
                .containsExactly("Fill in the", "laptop\u2026");
        assertThat(TextFit.wrap("Supercalifragilistic", 8, 2)).containsExactly("Supercal", "ifragil\u2026");
        assertThat(TextFit.wrap("   ", 8, 2)).isEqualTo(List.of());
    }
}
