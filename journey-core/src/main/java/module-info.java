/**
 * JourneyKit core: the immutable, validated customer-journey model and the analyses that belong to it.
 *
 * <p>Exported packages:
 * <ul>
 *   <li>{@link org.journeykit.model}: personas, channels, phases, journeys, touchpoints, emotions and the
 *       {@link org.journeykit.model.JourneyModel} aggregate root;</li>
 *   <li>{@link org.journeykit.observed}: observed data (survey responses and interaction events) that the
 *       metrics and analytics modules consume;</li>
 *   <li>{@link org.journeykit.analysis}: emotion curve, contact-moment classification, gaps, journey comparison
 *       and completeness check;</li>
 *   <li>{@link org.journeykit.error}: the library's exception hierarchy.</li>
 * </ul>
 */
// "module": journey-io, which the qualified export below names, is built after this module
@SuppressWarnings("module")
module org.journeykit.core {
    requires transitive jakarta.validation;
    requires static transitive org.jspecify;
    requires static transitive org.immutables.value.annotations;

    exports org.journeykit.model;
    exports org.journeykit.observed;
    exports org.journeykit.analysis;
    exports org.journeykit.error;
    // journey-io's CSV event reader makes events through EventFactory, without a builder per event
    exports org.journeykit.internal to org.journeykit.io;
}
