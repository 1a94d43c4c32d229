package fr.assurancemaladie.rgpd.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypesTest {

    @Test
    void lifecycleTypeIsLowerKebabOfTheTrigger() {
        assertEquals("fr.assurancemaladie.lifecycle.rights-end", EventTypes.lifecycleType(RetentionTrigger.RIGHTS_END));
        assertEquals("fr.assurancemaladie.lifecycle.last-survivor-rights-end",
                EventTypes.lifecycleType(RetentionTrigger.LAST_SURVIVOR_RIGHTS_END));
        assertEquals("fr.assurancemaladie.lifecycle.death", EventTypes.lifecycleType(RetentionTrigger.DEATH));
    }

    @ParameterizedTest
    @EnumSource(RetentionTrigger.class)
    void everyTriggerRoundTripsThroughItsEventType(RetentionTrigger trigger) {
        assertEquals(Optional.of(trigger), EventTypes.triggerOf(EventTypes.lifecycleType(trigger)));
        assertTrue(EventTypes.isKnownLifecycleType(EventTypes.lifecycleType(trigger)));
        assertTrue(trigger.eventName().matches("[a-z]+(-[a-z]+)*"), trigger.eventName());
        assertFalse(trigger.label().isBlank());
    }

    @Test
    void requiredTriggersExist() {
        for (String code : new String[] {"RIGHTS_END", "FINAL_DECISION", "DEATH", "PAYMENT", "EMPLOYEE_DEPARTURE",
                "PREVIOUS_PERIOD_END", "LAST_SURVIVOR_RIGHTS_END", "COLLECTION"}) {
            assertTrue(RetentionTrigger.fromCode(code).isPresent(), code);
        }
    }

    @Test
    void litigationEventsAreKnownButAreNotTriggers() {
        assertTrue(EventTypes.isKnownLifecycleType(EventTypes.LITIGATION_OPENED));
        assertTrue(EventTypes.isKnownLifecycleType(EventTypes.LITIGATION_CLOSED));
        assertEquals(Optional.empty(), EventTypes.triggerOf(EventTypes.LITIGATION_OPENED));
    }

    @Test
    void unknownTypesAreRejected() {
        assertFalse(EventTypes.isKnownLifecycleType("fr.assurancemaladie.lifecycle.moon-landing"));
        assertFalse(EventTypes.isKnownLifecycleType("fr.assurancemaladie.rights.request.submitted"));
        assertFalse(EventTypes.isKnownLifecycleType(null));
        assertEquals(Optional.empty(), EventTypes.triggerOf("com.example.lifecycle.rights-end"));
    }

    @Test
    void everyTopicHasADeadLetterTwin() {
        assertEquals("lifecycle.events.dlq", Topics.dlq(Topics.LIFECYCLE_EVENTS));
    }
}
