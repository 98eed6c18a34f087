package org.journeykit.examples;

/**
 * The main job that the README's first command runs: it builds realistic journey maps in code and prints their
 * analyses. It grows as the library's modules land.
 */
public final class Main {

    private Main() {}

    /**
     * Runs the main job.
     *
     * @param args ignored
     * @throws java.io.IOException if an output file cannot be written
     */
    public static void main(String[] args) throws java.io.IOException {
        System.out.println("JourneyKit main example: the laptop-request journey of an IT service desk");
        System.out.println("=========================================================================");
        LaptopRequestExample.main(args);
        System.out.println();
        System.out.println("Customer service: contact-centre metrics and surveys (seed article 004)");
        System.out.println("=========================================================================");
        CustomerServiceExample.main(args);
        System.out.println();
        System.out.println("Online shop: funnel, paths, conformance to the map, channel attribution");
        System.out.println("=========================================================================");
        OnlineShopExample.main(args);
        System.out.println();
        System.out.println("Retention: monthly cohorts, churn and customer lifetime value");
        System.out.println("=========================================================================");
        RetentionExample.main(args);
        System.out.println();
        System.out.println("Custom analytics: a team's own metric on the accumulator API, in parallel");
        System.out.println("=========================================================================");
        CustomMetricExample.main(args);
        System.out.println();
        System.out.println("Integration: ObjectMapper, Bean Validation, streaming JSON Lines");
        System.out.println("=========================================================================");
        IntegrationExample.main(args);
    }
}
