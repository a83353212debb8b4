/**
 * The public SPARQL endpoint's engine: each query inspected before it runs ({@code QueryInspector},
 * {@code AllowedFunctions}, {@code ServiceAllowList}), then run by ARQ within a budget of time,
 * rows, memory and string length ({@code QueryRunner}, {@code BoundedEngine}, {@code QueryBudget},
 * {@code QueryLimits}) on threads shared fairly among clients ({@code QueryScheduler}); every
 * outcome an {@code Answer} in a {@code StandardFormat}.
 *
 * <p>Uses no other package of ours (Jena only); used by the server's endpoint ({@code
 * server.sparql}) and by {@code cli}'s {@code query}.
 */
package org.w3id.tonet.sparql;
