package org.journeykit.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.journeykit.error.InvalidModelException;
import org.journeykit.error.Problem;
import org.jspecify.annotations.Nullable;
import org.journeykit.error.RuleCode;

/**
 * A yearly household income range in whole units of a currency, bounds included.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class IncomeRange {

    private final long from;
    private final long to;
    private final Currency currency;

    private IncomeRange(long from, long to, Currency currency) {
        this.from = from;
        this.to = to;
        this.currency = currency;
    }

    /**
     * The range from {@code from} to {@code to} per year.
     *
     * @param from the lowest yearly income, at least 0
     * @param to the highest yearly income, at least {@code from}
     * @param currency the currency, not null
     * @return the range, not null
     * @throws NullPointerException if currency is null
     * @throws InvalidModelException if a bound is negative or to is less than from
     */
    public static IncomeRange of(long from, long to, Currency currency) {
        Objects.requireNonNull(currency, "currency");
        List<Problem> problems = new ArrayList<>(2);
        if (from < 0) {
            problems.add(Problem.of(RuleCode.RANGE, "from", from, "must not be negative"));
        }
        if (to < 0) {
            problems.add(Problem.of(RuleCode.RANGE, "to", to, "must not be negative"));
        } else if (to < from) {
            problems.add(Problem.of(RuleCode.RANGE, "to", to, "must not be less than from " + from));
        }
        if (!problems.isEmpty()) {
            throw new InvalidModelException("IncomeRange", problems);
        }
        return new IncomeRange(from, to, currency);
    }

    /**
     * The lowest yearly income.
     *
     * @return whole currency units, at least 0
     */
    @PositiveOrZero
    public long getFrom() {
        return from;
    }

    /**
     * The highest yearly income.
     *
     * @return whole currency units, at least {@link #getFrom()}
     */
    @PositiveOrZero
    public long getTo() {
        return to;
    }

    /**
     * The currency of both bounds.
     *
     * @return the currency, not null
     */
    @NotNull
    public Currency getCurrency() {
        return currency;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof IncomeRange)) {
            return false;
        }
        IncomeRange that = (IncomeRange) other;
        return from == that.from && to == that.to && currency.equals(that.currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, currency);
    }

    /**
     * Prints {@code 40000-60000 EUR}.
     *
     * @return the range as text, not null
     */
    @Override
    public String toString() {
        return from + "-" + to + " " + currency.getCurrencyCode();
    }
}
