package org.cristal.story;

/** The print brochure as PDF bytes. */
public record BrochurePdf(byte[] pdf, int pages) implements RenditionBody {
}
