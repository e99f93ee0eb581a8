package io.huitong.shared.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import io.huitong.shared.time.LegalClock;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A deadline given as a date-time with an offset ({@code 2026-12-21T09:30:00+08:00}), or as a date, which means
 * 09:00 in Asia/Shanghai that day. A date-time without an offset is refused: it would be ambiguous.
 */
public class DeadlineDeserializer extends JsonDeserializer<OffsetDateTime> {

    static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
        }
        String text = parser.getText().strip();
        try {
            if (text.length() == 10) {
                return DateBounds.check(parser,
                        LocalDate.parse(text).atTime(DEFAULT_TIME).atZone(LegalClock.CHINA).toOffsetDateTime());
            }
            return DateBounds.check(parser, OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text,
                    "expected a date (2026-12-21) or a date-time with offset (2026-12-21T09:30:00+08:00)");
        }
    }
}
