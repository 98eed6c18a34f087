package org.journeykit.io.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.journeykit.observed.InteractionEvent;

/**
 * The running example's variants and directly-follows graph, counted by hand from the log (van der Aalst's six
 * cases), and the grouping the tests apply to imported events to compare with them.
 */
public final class RunningExample {

    private static final String R = "register request";
    private static final String ET = "examine thoroughly";
    private static final String EC = "examine casually";
    private static final String CT = "check ticket";
    private static final String D = "decide";
    private static final String RI = "reinitiate request";
    private static final String RJ = "reject request";
    private static final String PC = "pay compensation";

    /** Each case's activities in time order, read off the log. */
    public static final Map<String, List<String>> TRACES = Map.of(
            "1", List.of(R, ET, CT, D, RJ),
            "2", List.of(R, CT, EC, D, PC),
            "3", List.of(R, EC, CT, D, RI, ET, CT, D, PC),
            "4", List.of(R, CT, ET, D, RJ),
            "5", List.of(R, EC, CT, D, RI, CT, EC, D, RI, EC, CT, D, RJ),
            "6", List.of(R, EC, CT, D, PC));

    /**
     * The directly-follows counts, tallied by hand over the six traces above: 36 edges (42 events, 6 cases).
     */
    public static final Map<String, Integer> DFG = new TreeMap<>(Map.ofEntries(
            Map.entry(R + " > " + ET, 1), Map.entry(R + " > " + CT, 2), Map.entry(R + " > " + EC, 3),
            Map.entry(ET + " > " + CT, 2), Map.entry(ET + " > " + D, 1),
            Map.entry(CT + " > " + D, 6), Map.entry(CT + " > " + EC, 2), Map.entry(CT + " > " + ET, 1),
            Map.entry(EC + " > " + D, 2), Map.entry(EC + " > " + CT, 4),
            Map.entry(D + " > " + RJ, 3), Map.entry(D + " > " + PC, 3), Map.entry(D + " > " + RI, 3),
            Map.entry(RI + " > " + ET, 1), Map.entry(RI + " > " + CT, 1), Map.entry(RI + " > " + EC, 1)));

    private RunningExample() {}

    /**
     * The running example as the CSV import reads it, for the other formats' tests.
     *
     * @return the 42 events in file order
     * @throws java.io.IOException if the resource cannot be read
     */
    public static List<InteractionEvent> fromCsv() throws java.io.IOException {
        return EventCsvTest.runningExampleFromCsv();
    }

    /** Groups events by customer, each in time order (stable), as activity sequences. */
    public static Map<String, List<String>> traces(List<InteractionEvent> events) {
        Map<String, List<InteractionEvent>> byCustomer = new LinkedHashMap<>();
        for (InteractionEvent event : events) {
            byCustomer.computeIfAbsent(event.getCustomerId(), k -> new ArrayList<>()).add(event);
        }
        Map<String, List<String>> traces = new LinkedHashMap<>();
        byCustomer.forEach((customer, list) -> {
            list.sort(Comparator.comparing(InteractionEvent::getTime));
            List<String> steps = new ArrayList<>();
            list.forEach(e -> steps.add(e.getActivity().orElseThrow()));
            traces.put(customer, steps);
        });
        return traces;
    }

    /** Counts the directly-follows pairs of traces. */
    public static Map<String, Integer> dfg(Map<String, List<String>> traces) {
        Map<String, Integer> counts = new TreeMap<>();
        for (List<String> trace : traces.values()) {
            for (int i = 1; i < trace.size(); i++) {
                counts.merge(trace.get(i - 1) + " > " + trace.get(i), 1, Integer::sum);
            }
        }
        return counts;
    }
}
