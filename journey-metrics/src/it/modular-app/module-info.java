/**
 * A tiny application that uses journey-metrics as a named module: PublishedJarIT compiles it against the packaged
 * jars, runs it on the module path, links it with jlink and runs the linked image.
 */
module org.journeykit.it.app {
    requires org.journeykit.metrics;

    exports org.journeykit.it.app;
}
