package org.journeykit.io.ndjson;

import java.util.List;

/**
 * What a {@link JsonLinesReader} has read so far: lines, records, blank lines, and every skipped line with its
 * problems. The report kept in memory is bounded: after {@link #MAX_SKIPPED_KEPT} skipped lines only the count
 * grows.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ImportReport {

    /** The most skipped lines a report keeps with their problems. */
    public static final int MAX_SKIPPED_KEPT = 10_000;

    private final long lines;
    private final long records;
    private final long blankLines;
    private final long skippedCount;
    private final List<SkippedLine> skipped;

    ImportReport(long lines, long records, long blankLines, long skippedCount, List<SkippedLine> skipped) {
        this.lines = lines;
        this.records = records;
        this.blankLines = blankLines;
        this.skippedCount = skippedCount;
        this.skipped = List.copyOf(skipped);
    }

    /**
     * Creates a report; for readers of other line formats (the CSV import) that report the same way.
     *
     * @param lines lines (or records) read, blank and skipped ones included, at least 0
     * @param records records returned, at least 0
     * @param blankLines blank lines passed over, at least 0
     * @param skippedCount lines skipped, at least 0
     * @param skipped the skipped lines kept, at most {@link #MAX_SKIPPED_KEPT}; not null
     * @return the report; not null
     * @throws IllegalArgumentException if a count is negative or fewer lines were skipped than are listed
     */
    public static ImportReport of(long lines, long records, long blankLines, long skippedCount,
            List<SkippedLine> skipped) {
        if (lines < 0 || records < 0 || blankLines < 0 || skippedCount < skipped.size()) {
            throw new IllegalArgumentException("inconsistent counts: lines " + lines + ", records " + records
                    + ", blank " + blankLines + ", skipped " + skippedCount + " with " + skipped.size() + " listed");
        }
        return new ImportReport(lines, records, blankLines, skippedCount, skipped);
    }

    /**
     * Lines read, blank and skipped lines included.
     *
     * @return the count, at least 0
     */
    public long getLines() {
        return lines;
    }

    /**
     * Records returned to the caller.
     *
     * @return the count, at least 0
     */
    public long getRecords() {
        return records;
    }

    /**
     * Empty or blank lines, which hold no record and are passed over.
     *
     * @return the count, at least 0
     */
    public long getBlankLines() {
        return blankLines;
    }

    /**
     * Lines skipped because they could not be read.
     *
     * @return the count, at least 0
     */
    public long getSkippedCount() {
        return skippedCount;
    }

    /**
     * The skipped lines with their problems, the first {@link #MAX_SKIPPED_KEPT} of them.
     *
     * @return the skipped lines in input order, possibly empty
     */
    public List<SkippedLine> getSkipped() {
        return skipped;
    }

    /**
     * Whether every non-blank line was read.
     *
     * @return true when no line was skipped
     */
    public boolean isClean() {
        return skippedCount == 0;
    }

    /**
     * Prints the counts.
     *
     * @return a summary, not null
     */
    @Override
    public String toString() {
        return "ImportReport[lines=" + lines + ", records=" + records + ", blank=" + blankLines + ", skipped="
                + skippedCount + "]";
    }
}
