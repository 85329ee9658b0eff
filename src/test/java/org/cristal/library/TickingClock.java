package org.cristal.library;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves one second forward each time it is read: saves get distinct, ordered times. */
final class TickingClock extends Clock {
    private final AtomicLong millis = new AtomicLong(Instant.parse("2026-03-01T09:00:00Z").toEpochMilli());

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.getAndAdd(1000));
    }
}
