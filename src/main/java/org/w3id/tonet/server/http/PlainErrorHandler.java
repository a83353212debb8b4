package org.w3id.tonet.server.http;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The error responses Jetty makes itself (a malformed request, headers too large, a method a
 * servlet does not take): one short line of plain text with the security headers, never an
 * exception's class or stack.
 *
 * <pre>
 * server.setErrorHandler(new PlainErrorHandler());
 * GET /%zz → 400 "400 Bad Request: the request is malformed"
 * </pre>
 */
final class PlainErrorHandler extends ErrorHandler {

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int code = response.getStatus();
    if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
      code = http.getCode();
      response.setStatus(code);
    }
    SecurityHeaders.apply(response.getHeaders());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (HttpStatus.hasNoBody(code) || "HEAD".equals(request.getMethod())) {
      callback.succeeded();
      return true;
    }
    byte[] body =
        (code + " " + HttpStatus.getMessage(code) + ": " + hint(code) + "\n")
            .getBytes(StandardCharsets.UTF_8);
    Replies.write(response, callback, false, code, "text/plain; charset=utf-8", body);
    return true;
  }

  /** What a client should know about an error status, in words of ours. */
  static String hint(int code) {
    return switch (code) {
      case 400 -> "the request is malformed";
      case 404 -> "nothing is published at this address";
      case 405 -> "this address takes GET, HEAD and POST only";
      case 408 -> "the request took too long to arrive";
      case 413 -> "the request is too large";
      case 414 -> "the address is too long; send long SPARQL queries by POST";
      case 415 -> "this content type is not accepted here";
      case 431 -> "the request headers are too large";
      case 500 -> "something went wrong on the server";
      case 503 -> "the server is busy or starting; try again in a moment";
      default -> "the request could not be answered";
    };
  }
}
