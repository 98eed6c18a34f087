package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.journeykit.io.internal.ModelDecoder;
import org.journeykit.io.internal.ModelEncoder;
import org.journeykit.io.internal.Reading;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Touchpoint;
import org.jspecify.annotations.Nullable;

/**
 * The model's elements on their own ({@code Persona}, {@code Channel}, {@code Phase}, {@code Journey},
 * {@code Touchpoint}): the objects the journey document holds, written and read by the document's own encoder and
 * decoder, so field names and rules are the same. A touchpoint's emotion is on its journey's scale, which in the
 * document is the journey's {@code emotionScale}: a touchpoint on its own carries that field itself, written
 * before its emotion when it has one, and required to read one.
 */
final class ElementValues {

    private ElementValues() {}

    /** A writer of one element. */
    interface Write<T> {
        /**
         * Writes the element.
         *
         * @param value the element
         * @param out the generator
         * @throws IOException if the generator fails
         */
        void write(T value, JsonGenerator out) throws IOException;
    }

    /**
     * A serializer that writes with the document's encoder.
     *
     * @param type the element type
     * @param write the encoder's method
     * @param <T> the element type
     * @return the serializer
     */
    static <T> StdSerializer<T> serializer(Class<T> type, Write<T> write) {
        return new StdSerializer<T>(type) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
                write.write(value, out);
            }
        };
    }

    /**
     * Decodes a touchpoint on its own: the document's touchpoint fields plus {@code emotionScale}.
     *
     * @param reading the read's state
     * @param node the touchpoint's node
     * @return the touchpoint, or null after a problem
     */
    static @Nullable Touchpoint touchpoint(Reading reading, JsonNode node) {
        if (!node.isObject()) {
            return new ModelDecoder(reading).touchpoint(node, "", EmotionScale.FIVE_POINT);
        }
        ObjectNode object = (ObjectNode) node;
        ModelDecoder decoder = new ModelDecoder(reading);
        int mark = reading.mark();
        EmotionScale scale = EmotionScale.FIVE_POINT;
        if (object.hasNonNull("emotionScale") || object.hasNonNull("emotion")) {
            EmotionScale read = decoder.scale(object, "");
            if (read == null) {
                return null;
            }
            scale = read;
        }
        // The document's touchpoint object, without the field only a touchpoint on its own has.
        ObjectNode fields = object.objectNode();
        fields.setAll(object);
        fields.remove("emotionScale");
        Touchpoint touchpoint = decoder.touchpoint(fields, "", scale);
        return reading.mark() == mark ? touchpoint : null;
    }
}
