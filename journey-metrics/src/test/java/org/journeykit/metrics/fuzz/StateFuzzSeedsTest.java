package org.journeykit.metrics.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateFuzzSeedsTest {

    @Test
    void theCommittedSeedsAreTheStatesThisVersionWrites() throws IOException {
        // A changed format must come with new seeds, or regression mode would exercise only the refusal path.
        for (Map.Entry<String, byte[]> seed : StateFuzzSeeds.seeds().entrySet()) {
            String resource = "StateFuzzTestInputs/" + seed.getKey() + "/valid-state";
            try (InputStream in = StateFuzzSeedsTest.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                assertThat(in.readAllBytes()).as(resource).isEqualTo(seed.getValue());
            }
        }
    }
}
