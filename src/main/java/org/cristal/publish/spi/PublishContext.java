package org.cristal.publish.spi;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** What Cristal gives a plugin while it publishes or tests a connection. */
public interface PublishContext {
    /**
     * Reports progress to the user.
     *
     * @param fraction done so far, 0 to 1, or -1 when unknown
     * @param message  what is happening ("Sending 312 of 1,200"), or null
     */
    void progress(double fraction, LocalText message);

    /** True once the user asked to stop. Check it between items; stop soon after. */
    boolean isCancelled();

    /** Throws {@link PublishException#cancelled()} once the user asked to stop. */
    default void checkCancelled() throws PublishException {
        if (isCancelled()) {
            throw PublishException.cancelled();
        }
    }

    /** The durable record of this publication's items (see {@link Journal}). */
    Journal journal();

    Clock clock();

    /** The user's language, for texts the plugin produces. */
    Locale locale();

    /**
     * For a plugin that {@linkplain PluginDescriptor#reachesContacts() reaches contacts}: whom this send
     * goes to (the entry's segment, consent and the frequency cap applied). Empty for other plugins, and
     * in a connection test.
     */
    default Optional<Recipients> recipients() {
        return Optional.empty();
    }
}
