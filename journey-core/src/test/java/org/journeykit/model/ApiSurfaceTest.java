package org.journeykit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ApiSurfaceTest {

    @ParameterizedTest
    @ValueSource(strings = {"model.Channel", "model.Phase", "model.Emotion", "model.PainPoint", "model.Opportunity",
            "model.Touchpoint", "model.Journey", "model.Persona", "model.Demographics", "model.ResearchSource",
            "model.JourneyModel", "observed.SurveyResponse", "analysis.CurvePoint",
            "analysis.Dip", "analysis.Gap", "analysis.ClassifiedMoment", "analysis.TouchpointChange",
            "analysis.Finding"})
    void generatedImplementationsStayPackagePrivateBehindThePublicType(String type) throws ClassNotFoundException {
        String packageName = "org.journeykit." + type.substring(0, type.indexOf('.'));
        String simpleName = type.substring(type.indexOf('.') + 1);
        Class<?> publicType = Class.forName(packageName + "." + simpleName);
        Class<?> generated = Class.forName(packageName + ".Immutable" + simpleName);
        assertThat(Modifier.isPublic(publicType.getModifiers())).isTrue();
        assertThat(Modifier.isPublic(generated.getModifiers())).as("%s is public", generated.getName()).isFalse();
        assertThat(publicType.getConstructors()).as("public constructors of %s", publicType).isEmpty();
    }

    @Test
    void theHandWrittenEventTypeIsFinalWithoutPublicConstructors() {
        Class<?> event = org.journeykit.observed.InteractionEvent.class;
        assertThat(Modifier.isFinal(event.getModifiers())).isTrue();
        assertThat(event.getConstructors()).isEmpty();
        assertThat(org.journeykit.observed.InteractionEvent.Builder.class.getConstructors()).isEmpty();
    }

    @Test
    void theModuleExportsOnlyTheApiPackages() {
        Module module = Channel.class.getModule();
        assumeTrue(module.isNamed(), "tests run on the class path, the module descriptor is not in use");
        ModuleDescriptor descriptor = module.getDescriptor();
        Set<String> exported = descriptor.exports().stream()
                .filter(export -> !export.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        assertThat(exported).containsExactlyInAnyOrder("org.journeykit.model", "org.journeykit.observed",
                "org.journeykit.analysis", "org.journeykit.error");
    }
}
