package org.cristal.story;

/**
 * One post of a thread, with its length as the network counts it and the network's limit.
 */
public record Post(String text, int length, int limit) {
    public boolean overLimit() {
        return length > limit;
    }
}
