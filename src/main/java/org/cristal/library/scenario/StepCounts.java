package org.cristal.library.scenario;

/**
 * Where one step of a running scenario stands, over every run of every version that has this step.
 *
 * @param waiting not yet due
 * @param held    due, held by a pause or the frequency cap: they go on resume or when the cap allows
 * @param queued  due and in the outbox, being sent
 */
public record StepCounts(String stepId, int stepNumber, int waiting, int held, int queued, int sent, int skipped,
        int failed) {
}
