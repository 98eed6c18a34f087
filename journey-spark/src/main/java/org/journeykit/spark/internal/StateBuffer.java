package org.journeykit.spark.internal;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.journeykit.metrics.MetricAccumulator;
import org.journeykit.metrics.StateFormatException;
import org.journeykit.metrics.retention.RepeatPurchaseAccumulator;
import org.journeykit.metrics.service.ContactVolumeAccumulator;
import org.journeykit.metrics.service.FirstContactResolutionAccumulator;
import org.journeykit.metrics.service.HandleTimeAccumulator;
import org.journeykit.metrics.service.ResolutionTimeAccumulator;
import org.journeykit.metrics.survey.CesAccumulator;
import org.journeykit.metrics.survey.CsatAccumulator;
import org.journeykit.metrics.survey.NpsAccumulator;
import org.journeykit.metrics.survey.WeightedNpsAccumulator;

/**
 * The aggregation buffer of the SQL functions: it holds the live accumulator, which every row updates in place, and
 * turns it into its byte form only when Spark serializes the buffer to move it between stages (Java serialization
 * through {@code writeObject}/{@code readObject}, so neither Kryo registration nor {@code --add-opens} is needed).
 *
 * <p>The serialized form is a length-prefixed accumulator state ({@code toBytes}); reading picks the accumulator by
 * the state's tag (byte 2 of the "JK" header). Not part of the API.
 */
public final class StateBuffer implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The readers of the accumulators that SQL functions use, by state tag. Immutable. */
    private static final Map<Integer, Function<byte[], MetricAccumulator<?, ?>>> CODECS = Map.of(
            1, NpsAccumulator::fromBytes,
            2, WeightedNpsAccumulator::fromBytes,
            3, CesAccumulator::fromBytes,
            4, CsatAccumulator::fromBytes,
            5, FirstContactResolutionAccumulator::fromBytes,
            6, HandleTimeAccumulator::fromBytes,
            7, ResolutionTimeAccumulator::fromBytes,
            8, ContactVolumeAccumulator::fromBytes,
            9, RepeatPurchaseAccumulator::fromBytes);

    /** The live accumulator; written as its byte form. */
    private transient MetricAccumulator<?, ?> state;

    /**
     * Wraps an accumulator.
     *
     * @param state the accumulator, not null, owned by the buffer from now on
     */
    public StateBuffer(MetricAccumulator<?, ?> state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * The accumulator.
     *
     * @return the live accumulator, not null
     */
    public MetricAccumulator<?, ?> state() {
        return state;
    }

    /**
     * Reads a state written by one of the accumulators that SQL functions use, picked by its tag.
     *
     * @param bytes the state, not null
     * @return the accumulator, not null
     * @throws StateFormatException if the bytes are no such state
     */
    static MetricAccumulator<?, ?> read(byte[] bytes) {
        int tag = bytes.length > 2 ? bytes[2] & 0xff : -1;
        Function<byte[], MetricAccumulator<?, ?>> codec = CODECS.get(tag);
        if (codec == null) {
            throw new StateFormatException("SQL function", 2, tag, "must be the tag of an accumulator that a "
                    + "JourneyKit SQL function keeps (1 to 9)");
        }
        return codec.apply(bytes);
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        byte[] bytes = state.toBytes();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private void readObject(ObjectInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("state length " + length + " is not a length");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("state truncated: " + bytes.length + " of " + length + " bytes");
        }
        state = read(bytes);
    }

    @Override
    public String toString() {
        return "StateBuffer[" + state + "]";
    }
}
