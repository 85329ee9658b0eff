package org.cristal.story;

/** A link written in a story body, with its text and 1-based file line. */
public record LinkRef(String url, String text, int line) {
}
