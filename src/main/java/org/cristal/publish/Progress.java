// PLACEHOLDER until i6-core merges
package org.cristal.publish;

/** Progress of the entries being sent. */
@FunctionalInterface
public interface Progress {
    void update(long entryId, double fraction, LocalText message);
}
