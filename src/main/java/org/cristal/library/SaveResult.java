package org.cristal.library;

/**
 * The outcome of a save: the story's id, its current revision, and whether a new revision was
 * written ({@code false} when the text was identical to the current one).
 */
public record SaveResult(String id, int revision, boolean changed) {
}
