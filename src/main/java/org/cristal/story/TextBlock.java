package org.cristal.story;

/** A block of a story body as plain text (no markup), with its kind and 1-based file line. */
public record TextBlock(Kind kind, String text, int line, int level) {
    public enum Kind { HEADING, PARAGRAPH, LIST_ITEM, QUOTE, TABLE_CELL, CODE }
}
