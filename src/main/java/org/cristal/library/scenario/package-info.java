/**
 * Scenarios: a named sequence of steps (a story on a channel, after a delay or at a date, at a time of day
 * in the contact's zone, with conditions) for a segment, their versions, each contact's run through one,
 * and what a run would do before it starts (the simulation). See docs/one-to-one.md.
 */
package org.cristal.library.scenario;
