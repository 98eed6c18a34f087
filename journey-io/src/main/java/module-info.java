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
    // The process map's layered layout (Eclipse Layout Kernel, a Maven dependency of journey-io). ELK's jars are
    // automatic modules with stable names (Automatic-Module-Name), and so are their dependencies (EMF named after
    // the jar, Xtend's library); jlink refuses automatic modules. "requires static" keeps journey-io linkable with
    // jlink: ProcessMapSvg is then the one picture that is unavailable and says so. On the class path, or on the
    // module path with --add-modules org.eclipse.elk.alg.layered, the process map works. No ELK type appears in
    // this module's API.
    requires static org.eclipse.elk.core;
    requires static org.eclipse.elk.graph;
    requires static org.eclipse.elk.alg.layered;
    // StAX (javax.xml.stream) for the XES and CJML readers, with DTDs and external entities off: the API from
    // java.xml, the parser from Woodstox (not "transitive": no Woodstox type appears in this module's API).
    requires java.xml;
    requires com.ctc.wstx;

    exports org.journeykit.io;
    exports org.journeykit.io.jackson;
    exports org.journeykit.io.ndjson;
    exports org.journeykit.io.csv;
    exports org.journeykit.io.svg;
    exports org.journeykit.io.html;
    exports org.journeykit.io.events;
    exports org.journeykit.io.xml;
    exports org.journeykit.io.xes;
    exports org.journeykit.io.ocel;
    exports org.journeykit.io.cjml;
    exports org.journeykit.io.mermaid;

    provides com.fasterxml.jackson.databind.Module with org.journeykit.io.jackson.JourneyModule;
}
