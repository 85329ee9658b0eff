package org.cristal.library.scenario;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A scenario's settings (its steps are in its {@link ScenarioVersion}s).
 *
 * @param segment     the saved segment whose contacts enter ("" for every contact)
 * @param reentryDays the least number of days between the end of a contact's run and their next one
 * @param zone        the time zone of contacts who have none of their own ({@code time_zone} field)
 * @param version     the latest version: what new runs follow
 * @param startedAt   when it was first started, null for a draft
 * @param pausedAt    when it was paused, null unless paused
 */
public record Scenario(long id, String name, String segment, Reentry reentry, int reentryDays, ZoneId zone,
        ScenarioState state, int version, Instant startedAt, Instant pausedAt, Instant createdAt,
        Instant updatedAt) {
}
