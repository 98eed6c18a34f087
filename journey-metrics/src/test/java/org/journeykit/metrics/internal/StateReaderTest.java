package org.journeykit.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.journeykit.metrics.StateFormatException;
import org.junit.jupiter.api.Test;

class StateReaderTest {

    @Test
    void readsWhatTheWriterWrote() {
        byte[] bytes = StateWriter.start(StateTag.NPS, 1, 0).writeInt(-7).writeLong(Long.MAX_VALUE)
                .writeDouble(2.5).writeString("café").writeBoolean(true).writeSized(new byte[] {1, 2}).toByteArray();
        StateReader reader = StateReader.open(bytes, StateTag.NPS, 1);
        assertThat(reader.readInt("a")).isEqualTo(-7);
        assertThat(reader.readCount("b")).isEqualTo(Long.MAX_VALUE);
        assertThat(reader.readFiniteDouble("c")).isEqualTo(2.5);
        assertThat(reader.readString("d", 16)).isEqualTo("café");
        assertThat(reader.readBoolean("e")).isTrue();
        assertThat(reader.readSized("f", 2)).containsExactly(1, 2);
        reader.end();
    }

    @Test
    void sizeBeyondTheRemainingBytesIsRefusedBeforeAllocating() {
        byte[] bytes = StateWriter.start(StateTag.CES, 1, 0).writeInt(Integer.MAX_VALUE).toByteArray();
        StateReader reader = StateReader.open(bytes, StateTag.CES, 1);
        assertThatThrownBy(() -> reader.readSize("cells", Integer.MAX_VALUE, 8))
                .isInstanceOf(StateFormatException.class)
                .hasMessage("CES state at byte 4: 2147483647 cells count needs at least 17179869176 bytes but only"
                        + " 0 remain");
    }

    @Test
    void malformedUtf8AndNegativeCountsAreRefusedWithTheirOffset() {
        byte[] bad = StateWriter.start(StateTag.PATHS, 1, 0).writeInt(2).writeBytes(new byte[] {(byte) 0xC3, 0x28})
                .toByteArray();
        assertThatThrownBy(() -> StateReader.open(bad, StateTag.PATHS, 1).readString("activity", 100))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("byte 8")
                .hasMessageContaining("UTF-8");
        byte[] negative = StateWriter.start(StateTag.NPS, 1, 0).writeLong(-5).toByteArray();
        assertThatThrownBy(() -> StateReader.open(negative, StateTag.NPS, 1).readCount("count"))
                .isInstanceOf(StateFormatException.class)
                .hasMessage("NPS state at byte 4: -5 count must be a count, not negative");
    }

    @Test
    void headerOfAnotherAccumulatorOrNewerVersionIsRefused() {
        byte[] ces = StateWriter.start(StateTag.CES, 1, 0).toByteArray();
        assertThatThrownBy(() -> StateReader.open(ces, StateTag.NPS, 1))
                .hasMessage("NPS state at byte 2: CES state must be a NPS state (tag 1)");
        byte[] v2 = StateWriter.start(StateTag.NPS, 2, 0).toByteArray();
        assertThatThrownBy(() -> StateReader.open(v2, StateTag.NPS, 1))
                .hasMessage("NPS state at byte 3: format version 2 is not supported: this reader knows versions 1 to 1");
        assertThatThrownBy(() -> StateReader.open(new byte[] {1, 2}, StateTag.NPS, 1))
                .isInstanceOf(StateFormatException.class).hasMessageContaining("4-byte");
    }
}
