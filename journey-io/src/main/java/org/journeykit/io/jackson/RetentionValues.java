package org.journeykit.io.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import org.journeykit.error.RuleCode;
import org.journeykit.io.internal.Reading;
import org.journeykit.metrics.retention.Cohort;
import org.journeykit.metrics.retention.CohortDefinition;
import org.journeykit.metrics.retention.CohortTable;
import org.journeykit.metrics.retention.Granularity;
import org.journeykit.metrics.retention.PeriodRetention;
import org.journeykit.metrics.retention.RepeatPurchaseAccumulator;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of the retention results: {@link CohortTable} with its {@link Cohort}s and their {@link Cohort.Cell}s,
 * {@link PeriodRetention} and {@link RepeatPurchaseAccumulator.Rate}. A cohort table is written as it is stored,
 * sparse: per cohort only the offsets at which some of its customers were active, so its JSON grows with the cells,
 * never with the span. Period numbers are those of {@link Granularity} (days, ISO weeks or months since 1970); each
 * cohort also carries its label and first day, derived.
 */
final class RetentionValues {

    private RetentionValues() {}

    /** One active offset: {@code {"offset": 1, "active": 1, "activeOrLater": 2}}. */
    static final ValueCodec<Cohort.Cell> CELL = new ValueCodec<>(Cohort.Cell.class, "a cohort cell",
            "offset", "active", "activeOrLater") {
        @Override
        void write(Cohort.Cell value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("offset", value.offset());
            out.writeNumberField("active", value.active());
            out.writeNumberField("activeOrLater", value.activeOrLater());
            out.writeEndObject();
        }

        @Override
        Cohort.@Nullable Cell read(Fields in) {
            int offset = in.integer("offset");
            long active = in.count("active");
            long activeOrLater = in.count("activeOrLater");
            return in.build(() -> new Cohort.Cell(offset, active, activeOrLater));
        }
    };

    /** The fields of a cohort inside a table, where the table gives the granularity and the row's length. */
    private static final String[] ROW_FIELDS = {"period", "label", "start", "size", "offsets", "cells"};

    private static void writeRow(Cohort value, JsonGenerator out, boolean standalone) throws IOException {
        out.writeStartObject();
        if (standalone) {
            out.writeStringField("granularity", Reading.Names.of(value.granularity()));
        }
        out.writeNumberField("period", value.period());
        out.writeStringField("label", value.label());
        out.writeStringField("start", value.start().toString());
        out.writeNumberField("size", value.size());
        out.writeNumberField("offsets", value.offsets());
        out.writeArrayFieldStart("cells");
        for (Cohort.Cell cell : value.cells()) {
            CELL.write(cell, out);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** A cohort of a table: period and cells; label, first day, size and (from the table) offsets derived. */
    private static ValueCodec<Cohort> row(Granularity granularity, int lastPeriod) {
        return new ValueCodec<>(Cohort.class, "a cohort", ROW_FIELDS) {
            @Override
            void write(Cohort value, JsonGenerator out) throws IOException {
                writeRow(value, out, false);
            }

            @Override
            @Nullable Cohort read(Fields in) {
                int period = in.integer("period");
                List<Cohort.Cell> cells = in.list("cells", CELL);
                long offsets = (long) lastPeriod - period + 1;
                if (in.ok() && (offsets < 1 || offsets > Integer.MAX_VALUE)) {
                    in.reading().problem(in.pointer("period"), RuleCode.RANGE, "must be at most the table's lastPeriod "
                            + lastPeriod + " and less than 2^31 periods before it", Integer.toString(period));
                    return null;
                }
                return in.build(() -> Cohort.of(granularity, period, (int) offsets, cells));
            }
        };
    }

    /** A cohort on its own: granularity, period, offsets and cells; label, first day and size derived. */
    static final ValueCodec<Cohort> COHORT = new ValueCodec<>(Cohort.class, "a cohort",
            "granularity", "period", "label", "start", "size", "offsets", "cells") {
        @Override
        void write(Cohort value, JsonGenerator out) throws IOException {
            writeRow(value, out, true);
        }

        @Override
        @Nullable Cohort read(Fields in) {
            Granularity granularity = in.enumValue("granularity", Granularity.class);
            int period = in.integer("period");
            int offsets = in.integer("offsets");
            List<Cohort.Cell> cells = in.list("cells", CELL);
            return granularity == null ? null : in.build(() -> Cohort.of(granularity, period, offsets, cells));
        }
    };

    /**
     * Granularity, zone, the last period and the cohorts that have customers; the first period, the number of
     * periods and of customers derived.
     */
    static final ValueCodec<CohortTable> COHORT_TABLE = new ValueCodec<>(CohortTable.class, "a cohort table",
            "granularity", "zone", "firstPeriod", "lastPeriod", "periods", "customers", "cohorts") {
        @Override
        void write(CohortTable value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("granularity", Reading.Names.of(value.definition().granularity()));
            out.writeStringField("zone", value.definition().zone().getId());
            out.writeNumberField("firstPeriod", value.firstPeriod());
            out.writeNumberField("lastPeriod", value.lastPeriod());
            out.writeNumberField("periods", value.periods());
            out.writeNumberField("customers", value.customers());
            out.writeArrayFieldStart("cohorts");
            for (Cohort cohort : value.cohorts()) {
                writeRow(cohort, out, false);
            }
            out.writeEndArray();
            out.writeEndObject();
        }

        @Override
        @Nullable CohortTable read(Fields in) {
            Granularity granularity = in.enumValue("granularity", Granularity.class);
            ZoneId zone = in.zone("zone");
            int lastPeriod = in.integer("lastPeriod");
            if (granularity == null || zone == null || !in.ok()) {
                return null;
            }
            List<Cohort> cohorts = in.list("cohorts", row(granularity, lastPeriod));
            return in.build(() -> CohortTable.of(new CohortDefinition(granularity, zone), lastPeriod, cohorts));
        }
    };

    /** The three head counts; retention and churn rates (percentages, absent without customers at the start) derived. */
    static final ValueCodec<PeriodRetention> PERIOD_RETENTION = new ValueCodec<>(PeriodRetention.class,
            "a period retention", "start", "end", "acquired", "retentionRate", "churnRate") {
        @Override
        void write(PeriodRetention value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("start", value.start());
            out.writeNumberField("end", value.end());
            out.writeNumberField("acquired", value.acquired());
            StatsValues.optional(out, "retentionRate", value.retentionRate());
            StatsValues.optional(out, "churnRate", value.churnRate());
            out.writeEndObject();
        }

        @Override
        @Nullable PeriodRetention read(Fields in) {
            long start = in.count("start");
            long end = in.count("end");
            long acquired = in.count("acquired");
            return in.build(() -> PeriodRetention.of(start, end, acquired));
        }
    };

    /** Customers and repeat customers; the rate derived. */
    static final ValueCodec<RepeatPurchaseAccumulator.Rate> REPEAT_PURCHASE_RATE = new ValueCodec<>(
            RepeatPurchaseAccumulator.Rate.class, "a repeat-purchase rate", "customers", "repeatCustomers", "rate") {
        @Override
        void write(RepeatPurchaseAccumulator.Rate value, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("customers", value.customers());
            out.writeNumberField("repeatCustomers", value.repeatCustomers());
            out.writeNumberField("rate", value.rate());
            out.writeEndObject();
        }

        @Override
        RepeatPurchaseAccumulator.@Nullable Rate read(Fields in) {
            long customers = in.count("customers");
            long repeatCustomers = in.count("repeatCustomers");
            return in.build(() -> new RepeatPurchaseAccumulator.Rate(customers, repeatCustomers));
        }
    };
}
