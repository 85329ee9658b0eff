package org.cristal.story;

/** The output of one channel's renderer. */
public sealed interface RenditionBody permits WebPage, EmailMessage, SocialPosts, BrochurePdf {
}
