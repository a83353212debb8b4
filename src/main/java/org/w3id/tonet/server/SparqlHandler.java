package org.w3id.tonet.server;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.w3id.tonet.sparql.Answer;
import org.w3id.tonet.sparql.AnswerFormat;
import org.w3id.tonet.sparql.QueryBudget;
import org.w3id.tonet.sparql.QueryLimits;
import org.w3id.tonet.sparql.QueryRunner;
import org.w3id.tonet.sparql.QueryScheduler;
import org.w3id.tonet.sparql.QueryStop;
import org.w3id.tonet.sparql.ServiceAllowList;
import org.w3id.tonet.sparql.Sizes;
import org.w3id.tonet.sparql.StandardFormat;

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
final class SparqlHandler extends Handler.Abstract {

  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  /** How long a refusal of the scheduler's (429, or 503 when busy) waits before it is sent. */
  static final Duration TOO_MANY_PAUSE = Duration.ofSeconds(1);

  private final SiteHolder holder;
  private final QueryLimits limits;
  private final QueryScheduler scheduler;
  private final ServiceAllowList services;
  private final ClientAddress clients;
  private final Duration bodyTimeout;
  private final SparqlPage page;
  private final Duration maxAge;
  private final LruBytes<String, Kept> answers;
  private volatile Endpoint endpoint;

  SparqlHandler(
      SiteHolder holder,
      QueryLimits limits,
      QueryScheduler scheduler,
      ServiceAllowList services,
      ClientAddress clients,
      Duration bodyTimeout,
      Caching caching) {
    this.holder = holder;
    this.limits = limits;
    this.scheduler = scheduler;
    this.services = services;
    this.clients = clients;
    this.bodyTimeout = bodyTimeout;
    this.page = new SparqlPage(holder, limits);
    this.maxAge = caching.maxAge();
    this.answers = new LruBytes<>(caching.answerBytes(), Kept::bytes);
  }

  /**
   * How answers are kept and may be kept by others.
   *
   * @param answerBytes the most bytes of answers kept (0: none)
   * @param maxAge how long browsers, proxies and CDNs may keep an answer
   */
  record Caching(long answerBytes, Duration maxAge) {}

  /** Answers kept now, and their bytes (for tests and the log). */
  long[] kept() {
    return new long[] {answers.size(), answers.bytes()};
  }

  /** Requests waiting for another's run of the same query now (for the tests). */
  int following() {
    return flights.values().stream().mapToInt(Flight::following).sum();
  }

  /** The runner of one published site. */
  private record Endpoint(Site site, QueryRunner runner) {}

  private QueryRunner runner(Site site) {
    Endpoint e = endpoint;
    if (e == null || e.site() != site) {
      e = new Endpoint(site, new QueryRunner(site.dataset(), services, site.base()));
      endpoint = e;
    }
    return e.runner();
  }

  /** The parameters of a request, from its query string and its form body. */
  private static final class Params {
    final List<String> query = new ArrayList<>();
    final List<String> update = new ArrayList<>();
    final List<String> defaultGraphs = new ArrayList<>();
    final List<String> namedGraphs = new ArrayList<>();
    String output;
    String timeout;

    void add(String name, String value) {
      switch (name) {
        case "query" -> query.add(value);
        case "update" -> update.add(value);
        case "default-graph-uri" -> defaultGraphs.add(value);
        case "named-graph-uri" -> namedGraphs.add(value);
        case "output", "format", "results" -> output = output == null ? value : output;
        case "timeout" -> timeout = value;
        default -> {
          // Anything else (Fuseki's stylesheet= and callback= among them) is ignored: never
          // copied into an answer.
        }
      }
    }
  }

  /** Thrown while reading a request that cannot be answered; says what to tell the client. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    Refused(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    boolean head = request.getMethod().equals("HEAD");
    Site site = holder.queryable();
    if (site == null) {
      error(response, callback, head, 503, "the server is starting; try again in a moment", 1);
      return true;
    }
    try {
      switch (request.getMethod()) {
        case "GET", "HEAD" -> {
          Params params = new Params();
          decode(request.getHttpURI().getQuery(), params, "the address");
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
          error(
              response,
              callback,
              head,
              405,
              "this endpoint is read-only: SPARQL queries by GET or POST only",
              0);
        }
      }
    } catch (Refused r) {
      error(response, callback, head, r.status, r.getMessage(), 0);
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
    charset(contentType);
    long declared = request.getLength();
    if (declared > limits.maxQueryBytes()) {
      throw new Refused(413, "a query may be at most " + Sizes.bytes(limits.maxQueryBytes()));
    }
    Params params = new Params();
    decode(request.getHttpURI().getQuery(), params, "the address");
    new BodyReader(
            request,
            limits.maxQueryBytes(),
            body -> {
              try {
                String text = utf8(body);
                if (form) {
                  decode(text, params, "the form");
                  answer(request, response, callback, false, site, params, null);
                } else {
                  answer(request, response, callback, false, site, params, text);
                }
              } catch (Refused r) {
                error(response, callback, false, r.status, r.getMessage(), 0);
              }
            },
            (status, message) -> {
              // An unread body leaves the connection unusable: ask the client to close it.
              response.getHeaders().put(HttpHeader.CONNECTION, "close");
              error(response, callback, false, status, message, 0);
            })
        .start(bodyTimeout);
  }

  /** Accepts the charsets a query may come in: UTF-8 (the default) and its subset US-ASCII. */
  private static void charset(String contentType) throws Refused {
    for (String part : contentType.split(";")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
        String cs = kv[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
        if (!cs.equals("utf-8") && !cs.equals("utf8") && !cs.equals("us-ascii")) {
          throw new Refused(
              415, "the charset " + kv[1].strip() + " is not accepted; send the query in UTF-8");
        }
      }
    }
  }

  private static String utf8(byte[] bytes) throws Refused {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Refused(400, "the request body is not valid UTF-8");
    }
  }

  /** Decodes application/x-www-form-urlencoded text into {@code params}. */
  private static void decode(String encoded, Params params, String where) throws Refused {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        params.add(FormDecoding.decode(name), FormDecoding.decode(value));
      } catch (IllegalArgumentException e) {
        throw new Refused(400, where + " has a malformed %-escape; encode the query as UTF-8");
      }
    }
  }

  private void answer(
      Request request,
      Response response,
      Callback callback,
      boolean head,
      Site site,
      Params params,
      String body)
      throws Refused {
    if (!params.update.isEmpty()) {
      throw new Refused(403, "this endpoint is read-only: SPARQL Update is not accepted");
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
    boolean html = wantsHtml(params.output, accept);
    Duration timeout;
    try {
      timeout = timeout(params.timeout);
    } catch (Refused r) {
      failed(response, callback, head, html, text, r.status, r.getMessage(), 0);
      return;
    }
    QueryRunner.Formats formats = formats(params.output, accept, html ? page.results(text) : null);
    QueryRunner.Request query =
        new QueryRunner.Request(text, params.defaultGraphs, params.namedGraphs);
    String key =
        key(
            query,
            variant(formats.choose(true)) + "/" + variant(formats.choose(false)),
            limits.maxResults());
    boolean cacheable = !request.getMethod().equals("POST");
    boolean gzip = HttpCaching.acceptsGzip(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
    Kept hit = answers.get(key);
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
    Exchange x = new Exchange(request, response, callback, head, html, text);
    // Its time limit runs from now, whether it runs the query or waits for another's run of it.
    Asked asked = new Asked(site, query, formats, timeout, System.nanoTime() + timeout.toNanos());
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
                kept(key, etag, answer),
                cacheable ? etag : null,
                gzip);
          } else {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            send(request, response, callback, head, once(answer), null, gzip);
          }
        };
    // The same request already running: wait for its answer instead of running it again (a
    // portal's page asking many users' browsers for one query at once costs one query). Only a run
    // that may take at least as long as this request may is shared: one stopped by a shorter time
    // limit than this client's would give it a time-out it would not get alone.
    Flight mine = new Flight(timeout);
    Flight running = flights.putIfAbsent(key, mine);
    if (running == null) {
      schedule(x, asked, reply, mine, key);
    } else if (timeout.compareTo(running.timeout) > 0) {
      // This one may run longer: it runs on its own, and those who come next follow it.
      schedule(x, asked, reply, flights.replace(key, running, mine) ? mine : null, key);
    } else {
      Follower follower = new Follower(reply, () -> schedule(x, asked, reply, null, null), timeout);
      if (running.follow(follower)) {
        // Its own time limit still holds: the shared run may go on longer than this client wants.
        x.request
            .getComponents()
            .getScheduler()
            .schedule(
                follower::timedOut,
                Math.max(0, asked.deadline() - System.nanoTime()),
                TimeUnit.NANOSECONDS);
      } else {
        follower.retry.run(); // it ended as we came: run it ourselves
      }
    }
  }

  /**
   * The key of an answer: every input that changes it, as the query engine reads it. Each part is
   * written with its length, and each list with its count, so that two requests that differ in
   * anything (an empty {@code default-graph-uri=} and none, two parameters and one holding both)
   * never share a key.
   */
  static String key(QueryRunner.Request query, String representation, long cap) {
    StringBuilder key = new StringBuilder(query.text().length() + 64);
    part(key, query.text());
    list(key, query.defaultGraphs());
    list(key, query.namedGraphs());
    part(key, representation);
    part(key, Long.toString(cap));
    return key.toString();
  }

  private static void list(StringBuilder key, List<String> values) {
    key.append(values.size()).append('[');
    for (String v : values) {
      part(key, v);
    }
  }

  private static void part(StringBuilder key, String value) {
    key.append(value.length()).append(':').append(value);
  }

  /** One request being answered: where its answer goes, and how a failure is shown. */
  private final class Exchange {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final boolean head;
    private final boolean html;
    private final String text;

    Exchange(
        Request request,
        Response response,
        Callback callback,
        boolean head,
        boolean html,
        String text) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.head = head;
      this.html = html;
      this.text = text;
    }

    void fail(int status, String message, int retryAfterSeconds) {
      failed(response, callback, head, html, text, status, message, retryAfterSeconds);
    }
  }

  /**
   * What a request asks to run: the query, on which publication, in which formats, how long (its
   * time limit, and the {@link System#nanoTime()} it ends at: a request that waited for another's
   * run and then runs the query itself has what is left of its time, not its time again).
   */
  private record Asked(
      Site site,
      QueryRunner.Request query,
      QueryRunner.Formats formats,
      Duration timeout,
      long deadline) {}

  /** An answer as it is kept, kept. */
  private Kept kept(String key, String etag, Answer answer) {
    Kept kept =
        new Kept(answer.contentType(), answer.body(), answer.capped(), etag, 2L * key.length());
    answers.put(key, kept);
    return kept;
  }

  /** An answer that is sent once and not kept (no ETag: another run may give another). */
  private static Kept once(Answer answer) {
    return new Kept(answer.contentType(), answer.body(), answer.capped(), "", 0);
  }

  /** A request waiting for another's run of the same query. */
  private static final class Follower {
    private final Consumer<Answer> reply;
    private final Runnable retry;
    private final Duration timeout;
    private final AtomicBoolean done = new AtomicBoolean();

    Follower(Consumer<Answer> reply, Runnable retry, Duration timeout) {
      this.reply = reply;
      this.retry = retry;
      this.timeout = timeout;
    }

    /** The run's outcome; a time-out is said with this client's own limit, as alone. */
    void landed(Answer answer, boolean timedOut) {
      if (timedOut) {
        timedOut();
      } else if (done.compareAndSet(false, true)) {
        reply.accept(answer);
      }
    }

    /** This client's own time limit is up (before the shared run ended, or with it). */
    void timedOut() {
      if (done.compareAndSet(false, true)) {
        QueryStop stop = QueryStop.timeout(timeout.toMillis());
        reply.accept(Answer.failed(stop.status(), stop.message(), 0, timeout.toMillis()));
      }
    }

    void turnedBack() {
      if (done.compareAndSet(false, true)) {
        retry.run();
      }
    }
  }

  /**
   * Requests waiting for the same query, whose time limits are no longer than the run's: they get
   * its answer, or (when the scheduler refused the one that ran it, for its own client's share, or
   * its client went away) go and ask on their own.
   */
  private static final class Flight {
    final Duration timeout;
    private final List<Follower> followers = new ArrayList<>();
    private boolean ended;

    Flight(Duration timeout) {
      this.timeout = timeout;
    }

    /** Waits for this flight's outcome; false when it has ended already. */
    synchronized boolean follow(Follower follower) {
      if (ended) {
        return false;
      }
      followers.add(follower);
      return true;
    }

    /** The query ran: every follower gets its outcome. */
    void landed(Answer answer, boolean timedOut) {
      for (Follower f : end()) {
        f.landed(answer, timedOut);
      }
    }

    /** The query was refused for its own client: every follower asks on its own. */
    void turnedBack() {
      for (Follower f : end()) {
        f.turnedBack();
      }
    }

    synchronized int following() {
      return ended ? 0 : followers.size();
    }

    private synchronized List<Follower> end() {
      ended = true;
      return new ArrayList<>(followers);
    }
  }

  private final java.util.concurrent.ConcurrentHashMap<String, Flight> flights =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Runs a query through the scheduler and replies; {@code flight} (with its {@code key}), when
   * given, is told the outcome for the requests that wait for the same query.
   */
  private void schedule(
      Exchange x, Asked asked, Consumer<Answer> reply, Flight flight, String key) {
    long deadline = asked.deadline();
    QueryBudget budget = new QueryBudget(limits.withTimeout(asked.timeout()), deadline);
    // A client that goes away stops its query.
    x.request.addFailureListener(
        failure -> budget.stop(new QueryStop(QueryStop.Kind.CANCELLED, "the client went away")));
    QueryRunner runner = runner(asked.site());
    // The outcome is delivered once: by the query, or, when it overran its stop, in its stead.
    AtomicBoolean delivered = new AtomicBoolean();
    Consumer<Answer> outcome =
        answer -> {
          if (!delivered.compareAndSet(false, true)) {
            return;
          }
          if (flight != null) {
            flights.remove(key, flight);
            QueryStop stop = budget.stopped();
            if (!answer.ok() && stop != null && forItsClient(stop)) {
              flight.turnedBack(); // the others ask for themselves, each as the client it is
            } else {
              flight.landed(answer, !answer.ok() && (budget.expired() || isTimeout(stop)));
            }
          }
          reply.accept(answer);
        };
    // Whether the scheduler is deciding now, on this thread: a refusal then is immediate.
    AtomicBoolean submitting = new AtomicBoolean(true);
    scheduler.submit(
        clients.of(x.request),
        deadline,
        new QueryScheduler.Job() {
          @Override
          public Runnable run() {
            Answer answer = runner.run(asked.query(), asked.formats(), budget);
            return () -> outcome.accept(answer);
          }

          @Override
          public void rejected(int status, String message, int retryAfterSeconds) {
            if (flight != null) {
              flights.remove(key, flight);
              flight.turnedBack();
            }
            if (submitting.get()) {
              // A client refused at once is told so after a pause, without a thread: one that
              // asks again as soon as it is refused, on many connections, then costs the server
              // little.
              x.request
                  .getComponents()
                  .getScheduler()
                  .schedule(
                      () -> x.fail(status, message, retryAfterSeconds),
                      TOO_MANY_PAUSE.toMillis(),
                      TimeUnit.MILLISECONDS);
            } else {
              x.fail(status, message, retryAfterSeconds);
            }
          }

          @Override
          public void stop(QueryStop why) {
            budget.stop(why);
          }

          @Override
          public void overdue() {
            QueryStop why = budget.stopped();
            if (why == null || why.kind() == QueryStop.Kind.CANCELLED) {
              why = QueryStop.timeout(asked.timeout().toMillis());
            }
            outcome.accept(
                Answer.failed(
                    why.status(), why.message(), why.retryAfterSeconds(), budget.elapsedMillis()));
          }
        });
    submitting.set(false);
  }

  /**
   * Whether a run was stopped for its own client, not for the query: its client went away, or had
   * used the endpoint most while others waited (stopped to make room). Those waiting for the same
   * run would not have been stopped so alone; they run it for themselves, and the scheduler judges
   * each by its own client's use.
   */
  private static boolean forItsClient(QueryStop stop) {
    return stop.kind() == QueryStop.Kind.CANCELLED || stop.kind() == QueryStop.Kind.PREEMPTED;
  }

  private static boolean isTimeout(QueryStop stop) {
    return stop != null && stop.kind() == QueryStop.Kind.TIMEOUT;
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

  /**
   * Whether a person is asking: {@code format=html}, or (without a known format= of another kind)
   * an Accept that names text/html at least as high as anything else, as browsers send.
   */
  static boolean wantsHtml(String output, String accept) {
    if (output != null) {
      String o = output.strip().toLowerCase(Locale.ROOT);
      if (o.equals("html") || o.equals("text/html")) {
        return true;
      }
      if (StandardFormat.byName(o, true).isPresent()
          || StandardFormat.byName(o, false).isPresent()) {
        return false;
      }
    }
    return Conneg.prefers(accept, "text/html");
  }

  /** The formats a client asks for: by output=/format=/results= first, then by Accept. */
  private static QueryRunner.Formats formats(String output, String accept, AnswerFormat html) {
    return new QueryRunner.Formats() {
      @Override
      public AnswerFormat choose(boolean table) {
        if (html != null) {
          return html;
        }
        if (output != null) {
          Optional<StandardFormat> named = StandardFormat.byName(output, table);
          if (named.isPresent()) {
            return named.get();
          }
        }
        return Conneg.best(accept, offers(table)).orElse(null);
      }

      @Override
      public String notAcceptable(boolean table) {
        List<String> types = new ArrayList<>();
        for (Conneg.Offer<StandardFormat> o : offers(table)) {
          types.add(o.types().get(0));
        }
        return "the answer of "
            + (table ? "a SELECT or ASK" : "a CONSTRUCT or DESCRIBE")
            + " query is available as "
            + String.join(", ", types)
            + "; ask for one of them with Accept";
      }
    };
  }

  private static List<Conneg.Offer<StandardFormat>> offers(boolean table) {
    List<Conneg.Offer<StandardFormat>> offers = new ArrayList<>();
    for (StandardFormat f : table ? StandardFormat.tableFormats() : StandardFormat.graphFormats()) {
      offers.add(new Conneg.Offer<>(f, typesOf(f)));
    }
    return offers;
  }

  /** A format's media type, then the types clients send for it. */
  private static List<String> typesOf(StandardFormat f) {
    return switch (f) {
      case JSON -> List.of(f.mediaType(), "application/json");
      case XML -> List.of(f.mediaType(), "application/xml", "text/xml");
      case TURTLE -> List.of(f.mediaType(), "application/x-turtle", "text/n3", "text/rdf+n3");
      case NTRIPLES -> List.of(f.mediaType(), "text/plain");
      case JSONLD -> List.of(f.mediaType(), "application/json");
      case RDFXML -> List.of(f.mediaType(), "application/xml", "text/xml");
      default -> List.of(f.mediaType());
    };
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
        error(
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
    write(response, callback, head, 200, contentType, body);
  }

  // ---- Answers

  /** The response header that says the result cap was applied to a query. */
  static final String RESULT_LIMIT_HEADER = "X-Result-Limit";

  /**
   * An answer as it is kept and sent: its bytes, their type, whether the cap cut it, and its ETag.
   */
  record Kept(String contentType, byte[] body, boolean capped, String etag, long keyBytes) {
    long bytes() {
      return body.length + keyBytes + 2L * etag.length() + 128;
    }
  }

  /** The name of a representation, for the key of the answers kept. */
  private static String variant(AnswerFormat format) {
    return format == null ? "-" : format instanceof StandardFormat f ? f.name() : "html";
  }

  private void send(
      Request request,
      Response response,
      Callback callback,
      boolean head,
      Kept answer,
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
    write(response, callback, head, 200, answer.contentType(), body);
  }

  private void notModified(Response response, Callback callback, String etag) {
    response.setStatus(304);
    response.getHeaders().put(HttpHeader.ETAG, etag);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, HttpCaching.cacheControl(maxAge));
    response.getHeaders().put(HttpHeader.VARY, "Accept, Accept-Encoding");
    response.write(true, EMPTY, callback);
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
      error(response, callback, head, status, message, retryAfterSeconds);
      return;
    }
    if (retryAfterSeconds > 0) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(retryAfterSeconds));
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.VARY, "Accept");
    write(
        response,
        callback,
        head,
        status,
        Conneg.Format.HTML.contentType(),
        page.failed(query, status, message));
  }

  static void error(
      Response response,
      Callback callback,
      boolean head,
      int status,
      String message,
      int retryAfterSeconds) {
    if (retryAfterSeconds > 0) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(retryAfterSeconds));
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    write(
        response,
        callback,
        head,
        status,
        "text/plain; charset=utf-8",
        (status + " " + message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static void write(
      Response response,
      Callback callback,
      boolean head,
      int status,
      String contentType,
      byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, head ? EMPTY : ByteBuffer.wrap(body), callback);
  }

  // ---- Request bodies

  /** A reply to a body that cannot be read: status and message. */
  private interface Failure {
    void fail(int status, String message);
  }

  /**
   * Reads a request body without holding a thread: chunks are taken as they arrive (chunked
   * transfer counted byte by byte), refused past {@code max} bytes, and the whole body must arrive
   * before the deadline, or the request gets 408 (a client sending a byte now and then would
   * otherwise keep its connection for ever).
   */
  private static final class BodyReader implements Runnable {
    private final Request request;
    private final int max;
    private final java.util.function.Consumer<byte[]> done;
    private final Failure failure;
    private final AtomicBoolean finished = new AtomicBoolean();
    private byte[] bytes = new byte[1024];
    private int size;

    BodyReader(
        Request request, int max, java.util.function.Consumer<byte[]> done, Failure failure) {
      this.request = request;
      this.max = max;
      this.done = done;
      this.failure = failure;
    }

    void start(Duration timeout) {
      request
          .getComponents()
          .getScheduler()
          .schedule(
              () -> {
                if (finished.compareAndSet(false, true)) {
                  failure.fail(
                      408,
                      "the request body did not arrive within "
                          + Sizes.seconds(timeout.toMillis()));
                }
              },
              timeout.toMillis(),
              TimeUnit.MILLISECONDS);
      run();
    }

    @Override
    public void run() {
      while (!finished.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          if (finished.compareAndSet(false, true)) {
            failure.fail(400, "the request body could not be read");
          }
          return;
        }
        ByteBuffer buffer = chunk.getByteBuffer();
        int n = buffer.remaining();
        if (size + n > max) {
          chunk.release();
          if (finished.compareAndSet(false, true)) {
            failure.fail(413, "a query may be at most " + Sizes.bytes(max));
          }
          return;
        }
        if (size + n > bytes.length) {
          bytes = java.util.Arrays.copyOf(bytes, Math.max(size + n, 2 * bytes.length));
        }
        buffer.get(bytes, size, n);
        size += n;
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          if (finished.compareAndSet(false, true)) {
            done.accept(java.util.Arrays.copyOf(bytes, size));
          }
          return;
        }
      }
    }
  }
}
