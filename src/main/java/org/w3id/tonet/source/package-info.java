/**
 * Reading files strictly: a table as UTF-8 lines with their numbers ({@code SourceFile}), a council
 * folder's tab-separated tables with a header from a closed set of columns ({@code FolderTable}),
 * and the problems found, each with its file, line, cell, value and fix ({@code SourceProblem},
 * {@code SourceException}).
 *
 * <p>The bottom layer: it uses no other package of ours, and every package may use it.
 */
package org.w3id.tonet.source;
