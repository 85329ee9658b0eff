package org.cristal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@code --at}: a local time means this computer's zone; an offset or a zone says otherwise. */
class PublishTimesTest {
    private static final ZoneId MONTREAL = ZoneId.of("America/Montreal");

    @Test
    void aLocalTimeIsInTheSystemZone() {
        PublishTimes.When w = PublishTimes.parse("2026-12-01T09:00", MONTREAL);
        assertEquals(Instant.parse("2026-12-01T14:00:00Z"), w.instant());
        assertEquals(MONTREAL, w.zone());
    }

    @Test
    void anOffsetOrAZoneWins() {
        PublishTimes.When paris = PublishTimes.parse("2026-12-01T09:00+01:00[Europe/Paris]", MONTREAL);
        assertEquals(Instant.parse("2026-12-01T08:00:00Z"), paris.instant());
        assertEquals(ZoneId.of("Europe/Paris"), paris.zone());
        PublishTimes.When offset = PublishTimes.parse("2026-07-01T09:00+02:00", MONTREAL);
        assertEquals(Instant.parse("2026-07-01T07:00:00Z"), offset.instant());
        assertEquals(ZoneOffset.ofHours(2), offset.zone());
        assertEquals(Instant.parse("2026-07-01T07:00:00Z"), PublishTimes.parse("2026-07-01T07:00Z", MONTREAL).instant());
    }

    @Test
    void anythingElseIsAClearError() {
        UserError e = assertThrows(UserError.class, () -> PublishTimes.parse("1/12 9h", MONTREAL));
        assertEquals(true, e.getMessage().contains("1/12 9h"));
    }
}
