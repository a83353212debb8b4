package org.w3id.tonet.server.sparql;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.w3id.tonet.publish.Site;
import org.w3id.tonet.server.cache.AnswerCache;
import org.w3id.tonet.server.cache.HttpCaching;
import org.w3id.tonet.server.http.BodyReader;
import org.w3id.tonet.server.http.ClientAddress;
import org.w3id.tonet.server.http.Conneg;
import org.w3id.tonet.server.http.RdfWriters;
import org.w3id.tonet.server.http.Replies;
import org.w3id.tonet.server.site.SiteHolder;
import org.w3id.tonet.sparql.Answer;
import org.w3id.tonet.sparql.QueryBudget;
import org.w3id.tonet.sparql.QueryLimits;
import org.w3id.tonet.sparql.QueryRunner;
import org.w3id.tonet.sparql.QueryScheduler;
import org.w3id.tonet.sparql.ServiceAllowList;
import org.w3id.tonet.sparql.Sizes;

/**
 * The SPARQL endpoint, {@code /sparql}: the SPARQL 1.1 Protocol for queries (GET, POST as a form or
 * as application/sparql-query), read-only. It never runs a query on the web server's threads, and
 * never lets a client hold one: a request body is read without a thread, within a deadline and a
 * size limit (chunked bodies counted as they arrive); the query then goes to the {@link
 * QueryScheduler}, runs on a query thread within its {@link QueryBudget}, and its answer — made in
 * memory — is written without blocking. Updates are refused (403), other methods too (405).
 *
 * <pre>
 * GET  /sparql?query=ASK%20%7B%7D                       → application/sparql-results+json
 * POST /sparql  Content-Type: application/sparql-query  → the same, the query in the body
 * GET  /sparql                                           → the service description (Turtle), or
 *                                                          the query form for a browser
 * </pre>
 */
public final class SparqlHandler extends Handler.Abstract {

  private final SiteHolder holder;
  private final QueryLimits limits;
  private final Duration bodyTimeout;
  private final SparqlPage page;
  private final Duration maxAge;
  private final AnswerCache answers;
  private final QueryRuns runs;

  public SparqlHandler(
      SiteHolder holder,
      QueryLimits limits,
      QueryScheduler scheduler,
      ServiceAllowList services,
      ClientAddress clients,
      Duration bodyTimeout,
      Caching caching) {
    this.holder = holder;
    this.limits = limits;
    this.bodyTimeout = bodyTimeout;
    this.page = new SparqlPage(holder, limits);
    this.maxAge = caching.maxAge();
    this.answers = new AnswerCache(caching.answerBytes());
    this.runs = new QueryRuns(limits, scheduler, services, clients);
  }

  /**
   * How answers are kept and may be kept by others.
   *
   * @param answerBytes the most bytes of answers kept (0: none)
   * @param maxAge how long browsers, proxies and CDNs may keep an answer
   */
  public record Caching(long answerBytes, Duration maxAge) {}

  /** Requests waiting for another's run of the same query now (for the tests). */
  public int following() {
    return runs.following();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    boolean head = request.getMethod().equals("HEAD");
    Site site = holder.queryable();
    if (site == null) {
      Replies.error(
          response, callback, head, 503, "the server is starting; try again in a moment", 1);
      return true;
    }
    try {
      switch (request.getMethod()) {
        case "GET", "HEAD" -> {
          SparqlRequest params = new SparqlRequest();
          params.decode(request.getHttpURI().getQuery(), "the address");
          answer(request, response, callback, head, site, params, null);
        }
        case "POST" -> {
          try {
            post(request, response, callback, site);
          } catch (Refused r) {
            // Refused before its body was read: the connection cannot carry another request, and
            // the client must not try one on it.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            throw r;
          }
        }
        default -> {
          response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST, OPTIONS");
          Replies.error(
              response,
              callback,
              head,
              405,
              "this endpoint is read-only: SPARQL queries by GET or POST only",
              0);
        }
      }
    } catch (Refused r) {
      Replies.error(response, callback, head, r.status, r.getMessage(), 0);
    }
    return true;
  }

  private void post(Request request, Response response, Callback callback, Site site)
      throws Refused {
    String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    String mime =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (mime.equals("application/sparql-update")) {
      throw new Refused(403, "this endpoint is read-only: SPARQL Update is not accepted");
    }
    boolean form = mime.equals("application/x-www-form-urlencoded");
    if (!form && !mime.equals("application/sparql-query")) {
      throw new Refused(
          415,
          "send a query as application/sparql-query, or as a form (query=…) of type"
              + " application/x-www-form-urlencoded; graph-store writes are not accepted");
    }
    SparqlRequest.charset(contentType);
    long declared = request.getLength();
    if (declared > limits.maxQueryBytes()) {
      throw new Refused(413, "a query may be at most " + Sizes.bytes(limits.maxQueryBytes()));
    }
    SparqlRequest params = new SparqlRequest();
    params.decode(request.getHttpURI().getQuery(), "the address");
    new BodyReader(
            request,
            limits.maxQueryBytes(),
            "a query",
            body -> {
              try {
                String text = SparqlRequest.utf8(body);
                if (form) {
                  params.decode(text, "the form");
                  answer(request, response, callback, false, site, params, null);
                } else {
                  answer(request, response, callback, false, site, params, text);
                }
              } catch (Refused r) {
                Replies.error(response, callback, false, r.status, r.getMessage(), 0);
              }
            },
            (status, message) -> {
              // An unread body leaves the connection unusable: ask the client to close it.
              response.getHeaders().put(HttpHeader.CONNECTION, "close");
              Replies.error(response, callback, false, status, message, 0);
            })
        .start(bodyTimeout);
  }

  private void answer(
      Request request,
      Response response,
      Callback callback,
      boolean head,
      Site site,
      SparqlRequest params,
      String body)
      throws Refused {
    if (!params.update.isEmpty()) {
      throw new Refused(403, "this endpoint is read-only: SPARQL Update is not accepted");
    }
    // Taken on with the early site, a request read once the site is set (a POST's body comes
    // later) is the site's: its service description, its pages, its tagged answers.
    Site set = holder.site();
    if (set != null) {
      site = set;
    }
    if (params.query.size() + (body == null ? 0 : 1) > 1) {
      throw new Refused(400, "send one query per request");
    }
    String text = body != null ? body : params.query.isEmpty() ? null : params.query.get(0);
    String accept = request.getHeaders().get(HttpHeader.ACCEPT);
    if (text == null) {
      if (request.getMethod().equals("POST")) {
        throw new Refused(
            400, "no query: send query=… in a form, or the query as application/sparql-query");
      }
      if (holder.site() == null) {
        // Queries are answered from the store while the rest is loaded; the service
        // description counts the loaded graphs.
        throw new Refused(503, "the server is starting; try again in a moment");
      }
      describe(
          response,
          callback,
          head,
          site,
          accept,
          request.getHeaders().get(HttpHeader.IF_NONE_MATCH));
      return;
    }
    // A character is at most 3 bytes of UTF-8 (4 for a pair of 2 chars): a short text needs no
    // count.
    if (text.length() > limits.maxQueryBytes()
        || (text.length() > limits.maxQueryBytes() / 3
            && text.getBytes(StandardCharsets.UTF_8).length > limits.maxQueryBytes())) {
      throw new Refused(413, "a query may be at most " + Sizes.bytes(limits.maxQueryBytes()));
    }
    boolean html = ResultFormats.wantsHtml(params.output, accept);
    Duration timeout;
    try {
      timeout = timeout(params.timeout);
    } catch (Refused r) {
      failed(response, callback, head, html, text, r.status, r.getMessage(), 0);
      return;
    }
    if (html && holder.site() == null) {
      // A page of results is one of the site's pages: it waits for the site.
      afterStart(
          request,
          response,
          callback,
          head,
          params,
          body,
          System.nanoTime() + timeout.toNanos(),
          html,
          text);
      return;
    }
    QueryRunner.Formats formats =
        ResultFormats.formats(params.output, accept, html ? page.results(text) : null);
    QueryRunner.Request query =
        new QueryRunner.Request(text, params.defaultGraphs, params.namedGraphs);
    String key =
        AnswerCache.key(
            query,
            ResultFormats.variant(formats.choose(true))
                + "/"
                + ResultFormats.variant(formats.choose(false)),
            limits.maxResults());
    QueryRuns.Asker x =
        new QueryRuns.Asker(
            request,
            (status, message, retryAfter) ->
                failed(response, callback, head, html, text, status, message, retryAfter));
    // Its time limit runs from now, whether it runs the query or waits for another's run of it.
    QueryRuns.Asked asked =
        new QueryRuns.Asked(site, query, formats, timeout, System.nanoTime() + timeout.toNanos());
    if (site.isUnfinished()) {
      early(request, response, callback, head, params, body, x, asked, key);
      return;
    }
    boolean cacheable = !request.getMethod().equals("POST");
    boolean gzip = HttpCaching.acceptsGzip(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
    AnswerCache.Kept hit = answers.get(key);
    // A kept answer has its ETag: the digest is computed once per answer, not per request.
    String etag = hit != null ? hit.etag() : HttpCaching.etag(site.tag(), key);
    if (cacheable
        && HttpCaching.matches(
            request.getHeaders().get(HttpHeader.IF_NONE_MATCH),
            gzip ? HttpCaching.gzipped(etag) : etag)) {
      // Only an answer gets an ETag: a client that holds this one holds the answer.
      notModified(response, callback, gzip ? HttpCaching.gzipped(etag) : etag);
      return;
    }
    if (hit != null) {
      send(request, response, callback, head, hit, cacheable ? etag : null, gzip);
      return;
    }
    // What this request does with an outcome: the answer (kept for the next ones, unless it uses
    // the clock or chance: NOW(), RAND() … give another answer each run) or a failure.
    Consumer<Answer> reply =
        answer -> {
          if (!answer.ok()) {
            x.fail(answer.status(), answer.message(), answer.retryAfterSeconds());
          } else if (answer.repeatable()) {
            send(
                request,
                response,
                callback,
                head,
                answers.keep(key, etag, answer),
                cacheable ? etag : null,
                gzip);
          } else {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            send(request, response, callback, head, AnswerCache.once(answer), null, gzip);
          }
        };
    runs.run(x, asked, key, reply);
  }

  /**
   * A query while a cold start finishes its publication, on the {@link Site#unfinished unfinished}
   * site: answered now when its answer cannot change (and then neither kept nor tagged, as no
   * publication's answer yet, and sent {@code no-store}), else answered by the finished site once
   * it is set. Runs of the same query are shared only among these requests.
   */
  private void early(
      Request request,
      Response response,
      Callback callback,
      boolean head,
      SparqlRequest params,
      String body,
      QueryRuns.Asker x,
      QueryRuns.Asked asked,
      String key) {
    boolean gzip = HttpCaching.acceptsGzip(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
    runs.run(
        x,
        asked,
        Site.UNFINISHED + " " + key,
        answer -> {
          if (answer.unfinished()) {
            afterStart(
                request,
                response,
                callback,
                head,
                params,
                body,
                asked.deadline(),
                false,
                asked.query().text());
          } else if (!answer.ok()) {
            x.fail(answer.status(), answer.message(), answer.retryAfterSeconds());
          } else {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            send(request, response, callback, head, AnswerCache.once(answer), null, gzip);
          }
        });
  }

  /**
   * Answers the request once the site is set, as if it came then; 503 if the start fails, or has
   * not ended by {@code deadline} ({@link System#nanoTime()}: the end of the query's time limit,
   * counted from when the request was read).
   */
  private void afterStart(
      Request request,
      Response response,
      Callback callback,
      boolean head,
      SparqlRequest params,
      String body,
      long deadline,
      boolean html,
      String text) {
    holder
        .whole()
        .copy()
        .orTimeout(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
        .whenComplete(
            (whole, error) -> {
              if (error != null) {
                failed(
                    response,
                    callback,
                    head,
                    html,
                    text,
                    503,
                    "the server is starting; try again in a moment",
                    1);
                return;
              }
              try {
                answer(request, response, callback, head, whole, params, body);
              } catch (Refused r) {
                Replies.error(response, callback, head, r.status, r.getMessage(), 0);
              } catch (RuntimeException e) {
                // Not on a thread of the web server's, whose handler would answer it.
                callback.failed(e);
              }
            });
  }

  /** The time limit: the endpoint's, or a shorter one the client asks for (timeout=seconds). */
  private Duration timeout(String asked) throws Refused {
    if (asked == null || asked.isBlank()) {
      return limits.timeout();
    }
    try {
      double seconds = Double.parseDouble(asked.strip());
      if (!(seconds > 0)) {
        throw new NumberFormatException();
      }
      Duration wanted = Duration.ofMillis((long) Math.ceil(seconds * 1000));
      return wanted.compareTo(limits.timeout()) < 0 ? wanted : limits.timeout();
    } catch (NumberFormatException e) {
      throw new Refused(400, "timeout= takes a number of seconds, such as 5");
    }
  }

  /** GET /sparql without a query: the query form for a browser, the service description else. */
  private void describe(
      Response response,
      Callback callback,
      boolean head,
      Site site,
      String accept,
      String ifNoneMatch) {
    response.getHeaders().put(HttpHeader.VARY, "Accept");
    byte[] body;
    String contentType;
    if (Conneg.prefers(accept, "text/html")) {
      body = page.form();
      contentType = Conneg.Format.HTML.contentType();
    } else {
      Optional<Conneg.Format> format = Conneg.choose(accept, Conneg.Format.rdfOffers());
      if (format.isEmpty()) {
        Replies.error(
            response,
            callback,
            head,
            406,
            "the service description is available as Turtle, JSON-LD, RDF/XML or N-Triples",
            0);
        return;
      }
      body =
          RdfWriters.write(ServiceDescription.of(site).getGraph(), format.get())
              .getBytes(StandardCharsets.UTF_8);
      // A client that asked only under an older name (text/plain) gets that name back.
      contentType = Conneg.contentType(accept, format.get());
    }
    // Like every answer here, it cannot change while this publication is served.
    String etag = HttpCaching.etag(site.tag(), "/sparql " + contentType);
    response.getHeaders().put(HttpHeader.ETAG, etag);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, HttpCaching.cacheControl(maxAge));
    if (HttpCaching.matches(ifNoneMatch, etag)) {
      notModified(response, callback, etag);
      return;
    }
    Replies.write(response, callback, head, 200, contentType, body);
  }

  // ---- Answers

  /** The response header that says the result cap was applied to a query. */
  public static final String RESULT_LIMIT_HEADER = "X-Result-Limit";

  private void send(
      Request request,
      Response response,
      Callback callback,
      boolean head,
      AnswerCache.Kept answer,
      String etag,
      boolean gzip) {
    response.getHeaders().put(HttpHeader.VARY, "Accept, Accept-Encoding");
    if (answer.capped()) {
      response.getHeaders().put(RESULT_LIMIT_HEADER, Long.toString(limits.maxResults()));
    }
    byte[] body = answer.body();
    String sentTag = etag;
    if (gzip
        && body.length >= HttpCaching.GZIP_MIN
        && HttpCaching.compressible(answer.contentType())) {
      // The copy is kept under the answer's own ETag, so a POST (sent without one) finds it too;
      // one made for this request comes out of its client's share of compression, or is not made.
      // An answer sent once (NOW(), RAND() …) has no ETag: its copy is made for it alone.
      String gzKey = answer.etag().isEmpty() ? null : HttpCaching.gzipped(answer.etag());
      byte[] compressed = gzKey == null ? null : holder.gzipped().get(gzKey);
      if (compressed == null) {
        compressed = holder.compression().gzip(request, body);
        if (compressed != null && gzKey != null) {
          holder.gzipped().put(gzKey, compressed);
        }
      }
      if (compressed != null) {
        body = compressed;
        sentTag = etag != null && gzKey != null ? gzKey : null;
        response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
      }
    }
    if (sentTag != null) {
      response.getHeaders().put(HttpHeader.ETAG, sentTag);
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, HttpCaching.cacheControl(maxAge));
    }
    Replies.write(response, callback, head, 200, answer.contentType(), body);
  }

  private void notModified(Response response, Callback callback, String etag) {
    response.setStatus(304);
    response.getHeaders().put(HttpHeader.ETAG, etag);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, HttpCaching.cacheControl(maxAge));
    response.getHeaders().put(HttpHeader.VARY, "Accept, Accept-Encoding");
    Replies.empty(response, callback);
  }

  /** A failure: the page with the query and why, for a person; one line of text otherwise. */
  private void failed(
      Response response,
      Callback callback,
      boolean head,
      boolean html,
      String query,
      int status,
      String message,
      int retryAfterSeconds) {
    if (!html) {
      Replies.error(response, callback, head, status, message, retryAfterSeconds);
      return;
    }
    if (retryAfterSeconds > 0) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(retryAfterSeconds));
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.VARY, "Accept");
    Replies.write(
        response,
        callback,
        head,
        status,
        Conneg.Format.HTML.contentType(),
        page.failed(query, status, message));
  }
}
