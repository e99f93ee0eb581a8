package io.huitong.shared.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.huitong.shared.time.LegalClock;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Every date and time the API reads lies in the years 2000 to 2100 (README "Limits"): a deadline in year 10000
 * would be accepted and then published as an invalid RFC 3339 date. Outside, the request is unreadable (400, the
 * field named).
 */
final class DateBounds {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;
    public static final String LIMIT = MIN_YEAR + "-01-01.." + MAX_YEAR + "-12-31";

    private static final Set<Class<?>> BOUNDED = Set.of(LocalDate.class, LocalDateTime.class, OffsetDateTime.class,
            ZonedDateTime.class, Instant.class);

    private DateBounds() {
    }

    /** A date or time outside the bounds, as Jackson reports it. */
    public static final class OutOfRange extends InvalidFormatException {

        OutOfRange(JsonParser parser, Object value, Class<?> type) {
            super(parser, "date outside " + LIMIT, value, type);
        }
    }

    /** The year of a date or time (in China for an instant); null when it is not one. */
    static Integer year(Object value) {
        if (value instanceof LocalDate d) {
            return d.getYear();
        }
        if (value instanceof LocalDateTime d) {
            return d.getYear();
        }
        if (value instanceof OffsetDateTime d) {
            return d.getYear();
        }
        if (value instanceof ZonedDateTime d) {
            return d.getYear();
        }
        return value instanceof Instant i ? i.atZone(LegalClock.CHINA).getYear() : null;
    }

    /** The value, or OutOfRange when its year is outside the bounds. */
    public static <T> T check(JsonParser parser, T value) throws JsonMappingException {
        Integer year = year(value);
        if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
            throw new OutOfRange(parser, String.valueOf(value), value.getClass());
        }
        return value;
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("huitong-date-bounds");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return BOUNDED.contains(description.getBeanClass()) ? new Bounded(deserializer) : deserializer;
            }
        });
        return module;
    }

    private static final class Bounded extends JsonDeserializer<Object>
            implements ContextualDeserializer, ResolvableDeserializer {

        private final JsonDeserializer<?> delegate;

        Bounded(JsonDeserializer<?> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return check(parser, delegate.deserialize(parser, context));
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            return delegate instanceof ContextualDeserializer contextual
                    ? new Bounded(contextual.createContextual(context, property)) : this;
        }

        @Override
        public void resolve(DeserializationContext context) throws JsonMappingException {
            if (delegate instanceof ResolvableDeserializer resolvable) {
                resolvable.resolve(context);
            }
        }

        @Override
        public Class<?> handledType() {
            return delegate.handledType();
        }
    }
}
