package org.cristal.publish.audience;

import java.util.List;
import org.cristal.library.audience.Feedback;
import org.cristal.library.audience.Feedback.Applied;
import org.cristal.publish.spi.LocalText;

/** What a sync did, in figures: never an address. Filled on the sync's thread, read after it. */
public final class SyncReport {
    private int unsubscribed;
    private int hardBounces;
    private int softBounces;
    private int complaints;
    private int confirmations;
    private int unknown;
    private int ignored;

    public int unsubscribed() {
        return unsubscribed;
    }

    public int hardBounces() {
        return hardBounces;
    }

    public int softBounces() {
        return softBounces;
    }

    public int complaints() {
        return complaints;
    }

    public int confirmations() {
        return confirmations;
    }

    /** Addresses that are no contact: put on the suppression list when a file named them, else only counted. */
    public int unknown() {
        return unknown;
    }

    /** Read but changing nothing: already applied, already so, a GET record, a token that is not valid. */
    public int ignored() {
        return ignored;
    }

    /** Everything changed, for a caller that only needs to know whether to refresh. */
    public int changed() {
        return unsubscribed + hardBounces + softBounces + complaints + confirmations + unknown;
    }

    /** "3 unsubscribed, 1 hard bounce …", in English and French. */
    public LocalText summary() {
        return LocalText.fromBundle(org.cristal.publish.spi.PublishException.BUNDLE, "unsubscribes.summary",
                unsubscribed, hardBounces, softBounces, complaints, confirmations, unknown, ignored);
    }

    void ignore() {
        ignored++;
    }

    /** Adds what {@code other} did to this report (the total of several sources). */
    public void addAll(SyncReport other) {
        unsubscribed += other.unsubscribed;
        hardBounces += other.hardBounces;
        softBounces += other.softBounces;
        complaints += other.complaints;
        confirmations += other.confirmations;
        unknown += other.unknown;
        ignored += other.ignored;
    }

    /** Counts what one item's changes did; an item applied before counts as ignored. */
    void count(List<Feedback.Change> changes, java.util.Optional<List<Applied>> applied) {
        if (applied.isEmpty()) {
            ignored += Math.max(1, changes.size());
            return;
        }
        for (int i = 0; i < changes.size(); i++) {
            count(changes.get(i), applied.get().get(i));
        }
    }

    private void count(Feedback.Change change, Applied a) {
        boolean done = a == Applied.DONE;
        if (change instanceof Feedback.Withdraw) {
            tally(done, a, false);
        } else if (change instanceof Feedback.WithdrawAddress w) {
            tally(done, a, w.suppressUnknown());
        } else if (change instanceof Feedback.Grant) {
            if (done) {
                confirmations++;
            } else {
                ignored++;
            }
        } else if (change instanceof Feedback.HardBounce) {
            // An unknown address that bounced for good is suppressed all the same.
            if (a == Applied.ALREADY) {
                ignored++;
            } else {
                hardBounces++;
            }
        } else if (change instanceof Feedback.SoftBounce) {
            if (done) {
                softBounces++;
            } else {
                unknown++;
            }
        } else if (done) {
            complaints++;
        } else if (a == Applied.UNKNOWN) {
            unknown++;
        } else {
            ignored++;
        }
    }

    private void tally(boolean done, Applied a, boolean unknownCounts) {
        if (done) {
            unsubscribed++;
        } else if (a == Applied.UNKNOWN && unknownCounts) {
            unknown++;
        } else {
            ignored++;
        }
    }
}
