/**
 * The workspace: one SQLite file ({@code *.cristal}) per client holding stories with their full
 * history, brand kits and assets, with FTS5 search, import and export.
 *
 * <p>Entry point: {@link org.cristal.library.Workspace#open}. The text of a story (Markdown with
 * front matter) is the source of truth and is kept byte for byte; titles, statuses and tags are
 * copied into columns for listing and filtering. Writes go through one connection under a lock;
 * reads use their own read-only connections (WAL), so every method may be called from any thread.
 * Depends on {@code story} and {@code render} only.
 */
package org.cristal.library;
