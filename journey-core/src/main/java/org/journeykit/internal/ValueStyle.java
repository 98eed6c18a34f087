package org.journeykit.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;
import org.journeykit.error.MissingFieldException;

/**
 * The Immutables style of every JourneyKit value type: JavaBean getters ({@code getName()}, {@code isX()}) so that
 * Bean Validation reads the declared constraints without configuration, builder methods named after the attribute,
 * the generated class package-private behind the hand-written public type, and no dependency outside the JDK.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        get = {"get*", "is*"},
        init = "*",
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        jdkOnly = true,
        throwForInvalidImmutableState = MissingFieldException.class,
        depluralize = true,
        depluralizeDictionary = {"opportunity:opportunities", "research:research", "data:data"},
        defaults = @Value.Immutable(copy = true, prehash = false))
public @interface ValueStyle {}
