package org.journeykit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.regex.Pattern;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** The hand-written id check agrees with the documented regular expression {@link Ids#PATTERN}. */
class IdRuleTest {

    private static final Pattern RULE = Pattern.compile(Ids.PATTERN);
    private static final String ALPHABET = "aZ09._:-/ é~";

    @RepeatedTest(50)
    void theIdCheckMatchesTheDocumentedPattern(RepetitionInfo repetition) {
        long seed = 0x1DL * repetition.getCurrentRepetition();
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        for (int i = 0; i < 200; i++) {
            int length = random.nextInt(0, 135);
            StringBuilder id = new StringBuilder();
            for (int c = 0; c < length; c++) {
                id.append(random.nextInt(4) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : 'a');
            }
            boolean expected = RULE.matcher(id).matches();
            boolean accepted = true;
            try {
                Phase.of(id.toString(), "Name");
            } catch (org.journeykit.error.InvalidModelException e) {
                accepted = false;
            }
            assertThat(accepted).as("seed %d, id '%s'", seed, id).isEqualTo(expected);
        }
    }
}
