/**
 * What a build publishes and where it is kept: the build of a council folder ({@code Build}), the
 * dumps, sorted and byte-identical for the same input ({@code Exporter}, {@code Dump}, {@code
 * SortedRdf}), the dataset description ({@code DatasetDescription}, {@code Publisher}), the
 * publication as served — graphs, files and tag ({@code Site}), its read-only dataset of its own
 * graphs ({@code ServedDataset}) —, the unfinished site a cold start answers its first queries
 * from, which stops a query that reaches what is still to come ({@code UnfinishedGraph}), the build
 * kept between starts ({@code BuildCache}, trusting only files this user alone can have written:
 * {@code OwnFiles}), the TDB2 database that holds it ({@code Tdb2Store}), the push to a Graph Store
 * ({@code Pusher}) and the dry run's preview.
 *
 * <p>Uses every stage below it ({@code source} to {@code validate}); used by the server and by
 * {@code cli}. Nothing here speaks HTTP.
 */
package org.w3id.tonet.publish;
