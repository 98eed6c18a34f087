/**
 * Runnable programs that show JourneyKit's capabilities on realistic data. {@link org.journeykit.examples.Main}
 * is the main job that the README's first command runs.
 */
package org.journeykit.examples;
