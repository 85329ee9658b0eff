package org.cristal.ui.scenario;

import java.util.ResourceBundle;
import org.cristal.library.scenario.Condition;
import org.cristal.library.scenario.ExitRule;
import org.cristal.library.scenario.Reentry;
import org.cristal.library.scenario.ScenarioState;
import org.cristal.library.scenario.Simulation;
import org.cristal.library.scenario.Step;

/** The bundle key of each value the screen names (spelt out, so the bundle test sees every key used). */
final class Labels {
    private Labels() {
    }

    static String reason(Simulation.Skip s) {
        return switch (s) {
            case NO_CONSENT -> "scenario.sim.reason.noConsent";
            case UNSUBSCRIBED -> "scenario.sim.reason.unsubscribed";
            case BOUNCED -> "scenario.sim.reason.bounced";
            case OVER_CAP -> "scenario.sim.reason.overCap";
            case NO_ADDRESS -> "scenario.sim.reason.noAddress";
            case CONDITION -> "scenario.sim.reason.condition";
            case NO_REENTRY -> "scenario.sim.reason.noReentry";
            case EXITED -> "scenario.sim.reason.exited";
        };
    }

    /** "{0} no consent": how many rows a reason skipped, for the totals line. */
    static String reasonCount(Simulation.Skip s) {
        return switch (s) {
            case NO_CONSENT -> "scenario.sim.count.noConsent";
            case UNSUBSCRIBED -> "scenario.sim.count.unsubscribed";
            case BOUNCED -> "scenario.sim.count.bounced";
            case OVER_CAP -> "scenario.sim.count.overCap";
            case NO_ADDRESS -> "scenario.sim.count.noAddress";
            case CONDITION -> "scenario.sim.count.condition";
            case NO_REENTRY -> "scenario.sim.count.noReentry";
            case EXITED -> "scenario.sim.count.exited";
        };
    }

    static String state(ScenarioState s) {
        return switch (s) {
            case DRAFT -> "scenario.state.draft";
            case RUNNING -> "scenario.state.running";
            case PAUSED -> "scenario.state.paused";
            case STOPPED -> "scenario.state.stopped";
        };
    }

    /** A run step's state ({@code RunStep.state}), or null for one the screen does not know. */
    static String runState(String id) {
        return switch (id == null ? "" : id) {
            case "waiting" -> "scenario.run.waiting";
            case "held" -> "scenario.run.held";
            case "queued" -> "scenario.run.queued";
            case "sent" -> "scenario.run.sent";
            case "skipped" -> "scenario.run.skipped";
            case "failed" -> "scenario.run.failed";
            default -> null;
        };
    }

    static String condition(Condition.Kind k) {
        return switch (k) {
            case CONSENTING -> "scenario.condition.consenting";
            case IN_SEGMENT -> "scenario.condition.inSegment";
            case RECEIVED -> "scenario.condition.received";
            case CLICKED -> "scenario.condition.clicked";
        };
    }

    static String exit(ExitRule.Kind k) {
        return switch (k) {
            case LEFT_SEGMENT -> "scenario.exit.leftSegment";
            case UNSUBSCRIBED -> "scenario.exit.unsubscribed";
            case CONVERTED -> "scenario.exit.converted";
            case IN_SEGMENT -> "scenario.exit.inSegment";
            case RECEIVED_STORY -> "scenario.exit.receivedStory";
        };
    }

    static String timing(Step.Timing t) {
        return switch (t) {
            case AFTER_PREVIOUS -> "scenario.timing.afterPrevious";
            case AFTER_ENTRY -> "scenario.timing.afterEntry";
            case ON_DATE -> "scenario.timing.onDate";
        };
    }

    static String reentry(Reentry r) {
        return switch (r) {
            case NEVER -> "scenario.reentry.never";
            case AFTER_COMPLETION -> "scenario.reentry.afterCompletion";
            case ALWAYS -> "scenario.reentry.always";
        };
    }

    static String text(ResourceBundle text, String key) {
        return text.getString(key);
    }
}
