package io.huitong.shared.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict JSON: a wrong type is refused (400), never guessed. 1 is not an enum constant, 411502 is not a region
 * code text, "2026-12-01T20:00:00Z" is not a date. No text value over 1,000,000 characters, no date outside the
 * years 2000 to 2100 ({@link DateBounds}).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /** No text value of a request is longer (README "Limits"): the largest legitimate one is a sealed bid file. */
    static final int MAX_STRING_LENGTH = 1_000_000;

    /** The largest exponent a number may have: what Jackson can still write (1E+100000 could not be recorded). */
    static final int MAX_SCALE = 9_999;

    /** A number whose exponent is beyond {@link #MAX_SCALE} is unreadable (400, the field named), not a 500 later. */
    static final class BoundedDecimal
            extends com.fasterxml.jackson.databind.deser.std.NumberDeserializers.BigDecimalDeserializer {

        @Override
        public java.math.BigDecimal deserialize(com.fasterxml.jackson.core.JsonParser p,
                com.fasterxml.jackson.databind.DeserializationContext ctxt) throws java.io.IOException {
            java.math.BigDecimal value = super.deserialize(p, ctxt);
            if (value != null && Math.abs(value.scale()) > MAX_SCALE) {
                throw ctxt.weirdNumberException(value, java.math.BigDecimal.class,
                        "exponent beyond " + MAX_SCALE);
            }
            return value;
        }
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder.postConfigurer(mapper -> {
            for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean}) {
                mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
                mapper.coercionConfigFor(LogicalType.Enum).setCoercion(shape, CoercionAction.Fail);
            }
            mapper.setDefaultLeniency(false);
            mapper.getFactory().setStreamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING_LENGTH).build());
            mapper.registerModule(DateBounds.module());
            mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("bounded-numbers")
                    .addDeserializer(java.math.BigDecimal.class, new BoundedDecimal()));
        });
    }
}
