package org.journeykit.model;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.journeykit.fixtures.SeedJourneys;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.SurveyResponse;
import org.journeykit.observed.SurveyScale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Bean Validation constraints declared on the public getters are a contract integrators reuse in their own
 * forms and APIs. Hibernate Validator reads constraints only from getX/isX/hasX getters by default, which is why
 * the model uses JavaBean getters. This test proves that every declared constraint is seen and fires: it walks the
 * validator's own metadata, and for every constrained property demands a bad value in the table below that makes
 * each of that property's constraints report a violation. A constraint added without a bad value here fails the
 * test.
 */
class BeanValidationContractTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    private static final String LONG_ID = "a".repeat(129);

    private static Map<String, List<Object>> badValues(Class<?> type) {
        Map<String, List<Object>> bad = new LinkedHashMap<>();
        if (type == Channel.class || type == Phase.class || type == Touchpoint.class || type == Journey.class
                || type == Persona.class) {
            bad.put("id", List.of("", LONG_ID, "has space"));
            bad.put("name", List.of(" ", "n".repeat(201)));
        }
        if (type == PainPoint.class || type == Opportunity.class) {
            bad.put("id", List.of("", LONG_ID, "has space"));
            bad.put("description", List.of(" ", "d".repeat(2001)));
        }
        if (type == Channel.class) {
            bad.put("kind", nullValue());
            bad.put("description", List.of(Optional.of("d".repeat(2001))));
        }
        if (type == Phase.class) {
            bad.put("description", List.of(Optional.of("d".repeat(2001))));
        }
        if (type == Emotion.class) {
            bad.put("scale", nullValue());
            bad.put("label", List.of(Optional.of("l".repeat(201))));
            bad.put("quote", List.of(Optional.of("q".repeat(2001))));
        }
        if (type == EmotionScale.class) {
            bad.put("min", List.of(-1001, 1001));
            bad.put("max", List.of(-1001, 1001));
        }
        if (type == PainPoint.class) {
            bad.put("severity", List.of(0, 6));
        }
        if (type == Opportunity.class) {
            bad.put("impact", List.of(0, 6));
            bad.put("effort", List.of(0, 6));
            SortedSet<String> blank = new TreeSet<>(Set.of(" "));
            bad.put("addresses", List.of(blank));
            bad.put("owner", List.of(Optional.of("o".repeat(201))));
        }
        if (type == Touchpoint.class) {
            bad.put("phaseId", List.of("", LONG_ID, "has space"));
            bad.put("channelId", List.of(Optional.of(LONG_ID), Optional.of("has space")));
            bad.put("customerAction", List.of(Optional.of("a".repeat(2001))));
            bad.put("frontStage", List.of(Optional.of("a".repeat(2001))));
            bad.put("backStage", List.of(Optional.of("a".repeat(2001))));
            bad.put("department", List.of(Optional.of("a".repeat(201))));
            bad.put("emotion", List.of());
            List<PainPoint> withNull = new ArrayList<>();
            withNull.add(null);
            bad.put("painPoints", List.of(withNull));
            List<Opportunity> opportunitiesWithNull = new ArrayList<>();
            opportunitiesWithNull.add(null);
            bad.put("opportunities", List.of(opportunitiesWithNull));
        }
        if (type == Journey.class) {
            bad.put("personaIds", List.of(List.of(" ", LONG_ID, "has space")));
            bad.put("scenario", List.of(Optional.of("s".repeat(2001))));
            bad.put("startPoint", List.of(Optional.of("s".repeat(2001))));
            bad.put("endPoint", List.of(Optional.of("s".repeat(2001))));
            bad.put("state", nullValue());
            bad.put("improves", List.of(Optional.of(LONG_ID), Optional.of("has space")));
            bad.put("emotionScale", nullValue());
            List<Phase> phasesWithNull = new ArrayList<>();
            phasesWithNull.add(null);
            bad.put("phases", List.of(List.of(), phasesWithNull));
            List<Touchpoint> touchpointsWithNull = new ArrayList<>();
            touchpointsWithNull.add(null);
            bad.put("touchpoints", List.of(touchpointsWithNull));
        }
        if (type == Persona.class) {
            bad.put("description", List.of(Optional.of("d".repeat(4001))));
            bad.put("quote", List.of(Optional.of("q".repeat(501))));
            bad.put("demographics", nullValue());
            bad.put("jobTitle", List.of(Optional.of("j".repeat(201))));
            for (String list : List.of("goals", "needs", "expectations", "frustrations", "drivers", "productsBought",
                    "contentInterests")) {
                bad.put(list, List.of(List.of(" ", "x".repeat(501))));
            }
            bad.put("preferredChannelIds", List.of(List.of(" ", LONG_ID, "has space")));
            List<ResearchSource> researchWithNull = new ArrayList<>();
            researchWithNull.add(null);
            bad.put("research", List.of(researchWithNull));
        }
        if (type == Demographics.class) {
            bad.put("gender", List.of(Optional.of("g".repeat(101))));
            bad.put("location", List.of(Optional.of("l".repeat(201))));
            bad.put("maritalStatus", List.of(Optional.of("m".repeat(101))));
        }
        if (type == AgeRange.class) {
            bad.put("from", List.of(-1, 131));
            bad.put("to", List.of(-1, 131));
        }
        if (type == IncomeRange.class) {
            bad.put("from", List.of(-1L));
            bad.put("to", List.of(-1L));
            bad.put("currency", nullValue());
        }
        if (type == ResearchSource.class) {
            bad.put("method", nullValue());
            bad.put("description", List.of(Optional.of("d".repeat(2001))));
            bad.put("participants", List.of(OptionalInt.of(0)));
        }
        if (type == JourneyModel.class) {
            bad.put("title", List.of(Optional.of("t".repeat(201))));
            List<Persona> personasWithNull = new ArrayList<>();
            personasWithNull.add(null);
            bad.put("personas", List.of(personasWithNull));
            List<Channel> channelsWithNull = new ArrayList<>();
            channelsWithNull.add(null);
            bad.put("channels", List.of(channelsWithNull));
            List<Journey> journeysWithNull = new ArrayList<>();
            journeysWithNull.add(null);
            bad.put("journeys", List.of(journeysWithNull));
        }
        if (type == SurveyResponse.class) {
            bad.put("kind", nullValue());
            bad.put("scale", nullValue());
            bad.put("time", nullValue());
            for (String id : List.of("respondentId", "journeyId", "touchpointId", "channelId", "agentId", "segment")) {
                bad.put(id, List.of(Optional.of(LONG_ID), Optional.of("has space")));
            }
            bad.put("comment", List.of(Optional.of("c".repeat(10_001))));
        }
        if (type == SurveyScale.class) {
            bad.put("min", List.of(-1, 1001));
            bad.put("max", List.of(-1, 1001));
        }
        if (type == InteractionEvent.class) {
            bad.put("customerId", List.of(" ", "c".repeat(129)));
            bad.put("time", nullValue());
            for (String id : List.of("touchpointId", "channelId", "phaseId", "agentId")) {
                bad.put(id, List.of(Optional.of(LONG_ID), Optional.of("has space")));
            }
            bad.put("activity", List.of(Optional.of("a".repeat(201))));
            Map<String, String> tooMany = new LinkedHashMap<>();
            for (int i = 0; i < 65; i++) {
                tooMany.put("k" + i, "v");
            }
            Map<String, String> blankKey = new LinkedHashMap<>();
            blankKey.put(" ", "v");
            blankKey.put("k".repeat(129), "v");
            Map<String, String> badValue = new LinkedHashMap<>();
            badValue.put("reason", null);
            badValue.put("long", "v".repeat(1001));
            bad.put("attributes", List.of(tooMany, blankKey, badValue));
        }
        return bad;
    }

    private static List<Object> nullValue() {
        List<Object> values = new ArrayList<>();
        values.add(null);
        return values;
    }

    static final List<Class<?>> CONSTRAINED_TYPES = List.of(Channel.class, Phase.class, Emotion.class,
            EmotionScale.class, PainPoint.class, Opportunity.class, Touchpoint.class, Journey.class, Persona.class,
            Demographics.class, AgeRange.class, IncomeRange.class, ResearchSource.class, JourneyModel.class,
            SurveyResponse.class, SurveyScale.class, InteractionEvent.class);

    @Test
    void everyDeclaredConstraintIsSeenByTheValidatorAndFiresOnABadValue() {
        List<String> silent = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : CONSTRAINED_TYPES) {
            Map<String, List<Object>> table = badValues(type);
            for (PropertyDescriptor property : validator.getConstraintsForClass(type).getConstrainedProperties()) {
                String name = property.getPropertyName();
                Set<Class<? extends Annotation>> declared = new HashSet<>();
                for (ConstraintDescriptor<?> constraint : property.getConstraintDescriptors()) {
                    declared.add(constraint.getAnnotation().annotationType());
                }
                for (ContainerElementTypeDescriptor element : property.getConstrainedContainerElementTypes()) {
                    for (ConstraintDescriptor<?> constraint : element.getConstraintDescriptors()) {
                        declared.add(constraint.getAnnotation().annotationType());
                    }
                    for (ContainerElementTypeDescriptor nested : element.getConstrainedContainerElementTypes()) {
                        for (ConstraintDescriptor<?> constraint : nested.getConstraintDescriptors()) {
                            declared.add(constraint.getAnnotation().annotationType());
                        }
                    }
                }
                Set<Class<? extends Annotation>> fired = new HashSet<>();
                for (Object value : table.getOrDefault(name, List.of())) {
                    for (ConstraintViolation<?> violation : validateValue(type, name, value)) {
                        fired.add(violation.getConstraintDescriptor().getAnnotation().annotationType());
                    }
                }
                for (Class<? extends Annotation> constraint : declared) {
                    checked++;
                    if (!fired.contains(constraint)) {
                        silent.add(type.getSimpleName() + "." + name + " @" + constraint.getSimpleName());
                    }
                }
            }
        }
        assertThat(silent).as("constraints without a bad value that makes them fire").isEmpty();
        assertThat(checked).as("constraints checked").isGreaterThan(100);
    }

    private static <T> Set<ConstraintViolation<T>> validateValue(Class<T> type, String name, Object value) {
        return validator.validateValue(type, name, value);
    }

    @Test
    void constraintsOnRecordStyleNamesWouldBeInvisibleSoTheModelUsesGetters() {
        assertThat(validator.getConstraintsForClass(Touchpoint.class).getConstraintsForProperty("phaseId"))
                .as("getPhaseId() is read as property 'phaseId'").isNotNull();
        assertThat(validator.getConstraintsForClass(Touchpoint.class).getConstraintsForProperty("getPhaseId"))
                .isNull();
    }

    @Test
    void aValidModelHasNoViolationsWhenValidatedWithCascading() {
        assertThat(validator.validate(SeedJourneys.model())).isEmpty();
    }
}
