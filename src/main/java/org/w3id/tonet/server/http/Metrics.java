package org.w3id.tonet.server.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletContext;
import org.apache.jena.fuseki.metrics.MetricsProvider;

/**
 * Our counters among Fuseki's metrics (served at /$/metrics with {@code --metrics}): the refusals,
 * by reason, as {@code tonet_refused_total{reason="429"}}.
 *
 * <pre>
 * Metrics.refusals(fuseki.getServletContext(), refusals);
 * </pre>
 */
public final class Metrics {

  private Metrics() {}

  /** Registers a counter per reason of {@code refusals}, now and as new reasons come. */
  public static void refusals(ServletContext context, Refusals refusals) {
    MetricsProvider provider = MetricsProvider.getMetricsProvider(context);
    if (provider == null) {
      return;
    }
    MeterRegistry registry = provider.getMeterRegistry();
    refusals.onReason(
        reason ->
            FunctionCounter.builder("tonet_refused", refusals, r -> r.total(reason))
                .tag("reason", reason)
                .description("requests refused and connections closed by tonet-lod")
                .register(registry));
  }
}
