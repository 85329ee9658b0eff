/**
 * Content checks: the review a good editor gives a story before it goes out (readability, brand voice,
 * accessibility, coherence across channels). Each check is a pure, thread-safe function of a parsed
 * story, its brand kit and (for coherence) its renditions, and reports {@link org.cristal.story.Finding}s.
 * Findings about the story itself have no channel (like the parser's own findings); findings about one
 * channel's text carry that channel. Entry point: {@link org.cristal.check.Checks#run}. Spelling and
 * grammar ({@link org.cristal.check.Spelling}, LanguageTool) are apart: slow to load, optional, run
 * by the caller on a thread of its own.
 */
package org.cristal.check;
