/**
 * The {@code tonet-lod} command (picocli): {@code serve}, {@code export}, {@code validate}, {@code
 * query}, {@code push} and {@code draft}, their options and messages, and the exit codes.
 *
 * <p>The top layer: it may use every package; nothing uses it.
 */
package org.w3id.tonet.cli;
