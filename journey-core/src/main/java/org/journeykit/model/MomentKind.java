package org.journeykit.model;

/**
 * The kind of a contact moment, from two questions asked of every touchpoint: is it important to the customer, and
 * does it strengthen the organisation's positioning and brand values?
 *
 * <table>
 *   <caption>The four kinds</caption>
 *   <tr><th></th><th>strengthens the brand</th><th>does not</th></tr>
 *   <tr><th>important to the customer</th><td>{@link #TOP}</td><td>{@link #CUSTOMER}</td></tr>
 *   <tr><th>not important</th><td>{@link #BRAND}</td><td>{@link #SUPERFLUOUS}</td></tr>
 * </table>
 *
 * <p>Each kind asks a different improvement strategy; see
 * {@link org.journeykit.analysis.ContactMomentClassification}.
 */
public enum MomentKind {
    /** Top moment: important to the customer and strengthens the brand. */
    TOP(true, true),
    /** Brand moment: strengthens the brand but is not important to the customer. */
    BRAND(false, true),
    /** Customer moment: important to the customer but does not strengthen the brand. */
    CUSTOMER(true, false),
    /** Superfluous moment: neither important to the customer nor good for the brand; prevent the contact. */
    SUPERFLUOUS(false, false);

    private final boolean importantToCustomer;
    private final boolean strengthensBrand;

    MomentKind(boolean importantToCustomer, boolean strengthensBrand) {
        this.importantToCustomer = importantToCustomer;
        this.strengthensBrand = strengthensBrand;
    }

    /**
     * The kind for the two answers.
     *
     * @param importantToCustomer whether the moment is important to the customer
     * @param strengthensBrand whether the moment strengthens positioning and brand values
     * @return the kind, not null
     */
    public static MomentKind of(boolean importantToCustomer, boolean strengthensBrand) {
        if (importantToCustomer) {
            return strengthensBrand ? TOP : CUSTOMER;
        }
        return strengthensBrand ? BRAND : SUPERFLUOUS;
    }

    /**
     * The answer to "is this moment important to the customer?".
     *
     * @return true for {@link #TOP} and {@link #CUSTOMER}
     */
    public boolean isImportantToCustomer() {
        return importantToCustomer;
    }

    /**
     * The answer to "does this moment strengthen positioning and brand values?".
     *
     * @return true for {@link #TOP} and {@link #BRAND}
     */
    public boolean isStrengtheningBrand() {
        return strengthensBrand;
    }
}
