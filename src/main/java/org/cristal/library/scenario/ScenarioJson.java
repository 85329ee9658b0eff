package org.cristal.library.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A version's steps and exit rules as the workspace keeps them ({@code scenario_versions.steps},
 * {@code .exits}): plain JSON with ISO-8601 durations, dates and times, readable with any SQLite tool.
 */
final class ScenarioJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioJson() {
    }

    static String steps(List<Step> steps) {
        ArrayNode a = JSON.createArrayNode();
        for (Step s : steps) {
            ObjectNode o = a.addObject();
            o.put("id", s.id());
            o.put("story", s.storyId());
            o.put("variant", s.variant());
            o.put("account", s.account());
            o.put("timing", s.timing().name());
            o.put("delay", s.delay().toString());
            o.put("date", s.date() == null ? null : s.date().toString());
            o.put("time", s.timeOfDay() == null ? null : s.timeOfDay().toString());
            ArrayNode cs = o.putArray("conditions");
            for (Condition c : s.conditions()) {
                cs.addObject().put("kind", c.kind().name()).put("argument", c.argument()).put("negated", c.negated());
            }
        }
        return a.toString();
    }

    static List<Step> steps(String json) {
        List<Step> out = new ArrayList<>();
        for (JsonNode o : read(json)) {
            List<Condition> conditions = new ArrayList<>();
            for (JsonNode c : o.path("conditions")) {
                conditions.add(new Condition(Condition.Kind.valueOf(c.path("kind").asText()),
                        c.path("argument").asText(""), c.path("negated").asBoolean(false)));
            }
            out.add(new Step(o.path("id").asText(), o.path("story").asText(), o.path("variant").asText(""),
                    o.path("account").asText(), Step.Timing.valueOf(o.path("timing").asText("AFTER_PREVIOUS")),
                    Duration.parse(o.path("delay").asText("PT0S")),
                    o.path("date").isTextual() ? LocalDate.parse(o.path("date").asText()) : null,
                    o.path("time").isTextual() ? LocalTime.parse(o.path("time").asText()) : null, conditions));
        }
        return out;
    }

    static String exits(List<ExitRule> exits) {
        ArrayNode a = JSON.createArrayNode();
        for (ExitRule e : exits) {
            a.addObject().put("kind", e.kind().name()).put("argument", e.argument());
        }
        return a.toString();
    }

    static List<ExitRule> exits(String json) {
        List<ExitRule> out = new ArrayList<>();
        for (JsonNode o : read(json)) {
            out.add(new ExitRule(ExitRule.Kind.valueOf(o.path("kind").asText()), o.path("argument").asText("")));
        }
        return out;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
