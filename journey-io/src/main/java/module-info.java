/**
 * JourneyKit IO: the versioned JSON journey document with its Jackson module, streaming JSON Lines and CSV import
 * of observed data, and pictures of a journey map.
 *
 * <ul>
 *   <li>{@link org.journeykit.io}: the {@link org.journeykit.io.JourneyJson} facade, read errors and limits;</li>
 *   <li>{@link org.journeykit.io.jackson}: {@link org.journeykit.io.jackson.JourneyModule} for an existing
 *       {@code ObjectMapper};</li>
 *   <li>{@link org.journeykit.io.ndjson}: JSON Lines readers and writers for survey responses and interaction
 *       events;</li>
 *   <li>{@link org.journeykit.io.csv}: CSV import of survey tools' exports;</li>
 *   <li>{@link org.journeykit.io.svg}: the SVG journey map with its emotion curve;</li>
 *   <li>{@link org.journeykit.io.html}: the self-contained HTML report.</li>
 * </ul>
 */
module org.journeykit.io {
    requires transitive org.journeykit.core;
    requires transitive org.journeykit.metrics;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;
    // The process map's layered layout (Eclipse Layout Kernel). Automatic modules with stable names declared in their
    // manifests (Automatic-Module-Name); their dependencies EMF (no module name: named after the jar) and Guava come
    // along on the module path. Not transitive: no ELK type appears in this module's API. An application that is
    // linked with jlink cannot include automatic modules, so it keeps journey-io and ELK on the class path.
    requires org.eclipse.elk.core;
    requires org.eclipse.elk.graph;
    requires org.eclipse.elk.alg.layered;

    exports org.journeykit.io;
    exports org.journeykit.io.jackson;
    exports org.journeykit.io.ndjson;
    exports org.journeykit.io.csv;
    exports org.journeykit.io.svg;
    exports org.journeykit.io.html;

    provides com.fasterxml.jackson.databind.Module with org.journeykit.io.jackson.JourneyModule;
}
