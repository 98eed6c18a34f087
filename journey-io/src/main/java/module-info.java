/**
 * JourneyKit IO: the journey document format, streaming import of observed data and journey-map pictures.
 */
module org.journeykit.io {
    requires transitive org.journeykit.core;
    requires static org.jspecify;

    exports org.journeykit.io.svg;
    exports org.journeykit.io.html;
}
