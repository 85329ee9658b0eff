package org.cristal.story;

/** An image written in a story body, with its alt text and 1-based file line. */
public record ImageRef(String src, String alt, int line) {
}
