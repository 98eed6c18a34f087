package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.journeykit.error.RuleCode;
import org.journeykit.io.internal.Pointers;
import org.journeykit.io.internal.Reading;
import org.journeykit.metrics.service.ContactVolume;
import org.journeykit.metrics.service.ResolutionTimeResult;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of the service results: {@link ContactVolume} and {@link ResolutionTimeResult}. The first-contact
 * resolution rate is a {@code Proportion} ({@link StatsValues#PROPORTION}); the handle time is a
 * {@code java.time.Duration}, which Jackson's {@code JavaTimeModule} writes.
 */
final class ServiceValues {

    private ServiceValues() {}

    static void counts(JsonGenerator out, String name, Map<String, Long> counts) throws IOException {
        out.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            out.writeNumberField(entry.getKey(), entry.getValue());
        }
        out.writeEndObject();
    }

    /**
     * Zone, the 24 hourly counts, the counts per weekday (Monday first, lower-case English names), channel and
     * reason (sorted, as the result gives them); the total derived.
     */
    static final ValueCodec<ContactVolume> CONTACT_VOLUME = new ValueCodec<>(ContactVolume.class,
            "a contact volume", "zone", "total", "hourly", "byWeekday", "byChannel", "byReason") {
        @Override
        void write(ContactVolume value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("zone", value.zone().getId());
            out.writeNumberField("total", value.total());
            long[] hourly = value.hourly();
            out.writeFieldName("hourly");
            out.writeArray(hourly, 0, hourly.length);
            out.writeObjectFieldStart("byWeekday");
            for (DayOfWeek day : DayOfWeek.values()) {
                out.writeNumberField(Reading.Names.of(day), value.byWeekday(day));
            }
            out.writeEndObject();
            counts(out, "byChannel", value.byChannel());
            counts(out, "byReason", value.byReason());
            out.writeEndObject();
        }

        @Override
        @Nullable ContactVolume read(Fields in) {
            ZoneId zone = in.zone("zone");
            long[] hourly = in.longs("hourly");
            Map<DayOfWeek, Long> byWeekday = new EnumMap<>(DayOfWeek.class);
            in.counts("byWeekday").forEach((name, count) -> {
                for (DayOfWeek day : DayOfWeek.values()) {
                    if (Reading.Names.of(day).equals(name)) {
                        byWeekday.put(day, count);
                        return;
                    }
                }
                in.reading().problem(in.pointer("byWeekday") + "/" + Pointers.escape(name), RuleCode.UNKNOWN_FIELD,
                        "is not a weekday: monday to sunday", null);
            });
            Map<String, Long> byChannel = in.counts("byChannel");
            Map<String, Long> byReason = in.counts("byReason");
            return zone == null ? null
                    : in.build(() -> ContactVolume.of(zone, hourly, byWeekday, byChannel, byReason));
        }
    };

    /**
     * Totals in milliseconds, whether exact, the rank errors and the kept distribution (distinct times with their
     * weights); count, mean, median and 90th percentile derived.
     */
    static final ValueCodec<ResolutionTimeResult> RESOLUTION_TIME = new ValueCodec<>(ResolutionTimeResult.class,
            "a resolution-time result", "count", "totalMillis", "minMillis", "maxMillis", "meanMillis",
            "medianMillis", "p90Millis", "exact", "rankError", "guaranteedRankErrorTimes", "times", "weights") {
        @Override
        void write(ResolutionTimeResult value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("count", value.count());
            out.writeNumberField("totalMillis", value.totalMillis());
            out.writeNumberField("minMillis", value.min().toMillis());
            out.writeNumberField("maxMillis", value.max().toMillis());
            out.writeNumberField("meanMillis", value.totalMillis() / (double) value.count());
            out.writeNumberField("medianMillis", value.percentileMillis(0.5));
            out.writeNumberField("p90Millis", value.percentileMillis(0.9));
            out.writeBooleanField("exact", value.isExact());
            out.writeNumberField("rankError", value.rankError());
            out.writeNumberField("guaranteedRankErrorTimes", value.guaranteedRankErrorTimes());
            long[][] distribution = value.distribution();
            out.writeFieldName("times");
            out.writeArray(distribution[0], 0, distribution[0].length);
            out.writeFieldName("weights");
            out.writeArray(distribution[1], 0, distribution[1].length);
            out.writeEndObject();
        }

        @Override
        @Nullable ResolutionTimeResult read(Fields in) {
            long total = in.count("totalMillis");
            long min = in.count("minMillis");
            long max = in.count("maxMillis");
            boolean exact = in.bool("exact");
            double rankError = in.number("rankError");
            long guaranteed = in.count("guaranteedRankErrorTimes");
            long[] times = in.longs("times");
            long[] weights = in.longs("weights");
            return in.build(() -> ResolutionTimeResult.of(total, min, max, exact, rankError, guaranteed, times,
                    weights));
        }
    };
}
