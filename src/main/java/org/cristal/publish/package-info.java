/**
 * Publishing: the channel plugin SPI ({@link org.cristal.publish.spi.ChannelPlugin}), the built-in plugins,
 * the outbox that records every publication before it is sent so a retry never posts twice, scheduling,
 * and the store that keeps secrets out of the workspace file.
 *
 * <p>A plugin is a pure adapter between a story's renditions and one destination. Everything durable —
 * the outbox entry, its idempotency key, retries, the journal of what a long send has done — is kept by
 * Cristal, not by the plugin, so a plugin written outside the project gets the same guarantees.
 */
package org.cristal.publish;
