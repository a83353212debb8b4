package org.w3id.tonet.server.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Request;

/**
 * Who a request comes from, for fair use: the peer's IP address, or — when the peer is a reverse
 * proxy the operator trusts (--trusted-proxy) — the right-most address in X-Forwarded-For that is
 * not itself a trusted proxy. An IPv6 client is its /64 network: one machine usually holds a whole
 * /64 and could otherwise be a new client with every query.
 *
 * <pre>
 * ClientAddress clients = ClientAddress.trusting(List.of("127.0.0.1"));
 * clients.of(request); // "203.0.113.7", or "2001:db8:1:2::/64"
 * </pre>
 */
public final class ClientAddress {

  private final Set<InetAddress> trusted;

  private ClientAddress(Set<InetAddress> trusted) {
    this.trusted = trusted;
  }

  /**
   * Trusting X-Forwarded-For from these proxies only (addresses, not names).
   *
   * @throws IllegalArgumentException for something that is not an IP address
   */
  public static ClientAddress trusting(List<String> proxies) {
    return new ClientAddress(
        proxies.stream().map(ClientAddress::address).collect(Collectors.toUnmodifiableSet()));
  }

  private static InetAddress address(String literal) {
    String s = literal.strip();
    if (!isLiteral(s)) {
      throw new IllegalArgumentException(
          "--trusted-proxy takes the IP address of a reverse proxy, such as 127.0.0.1 (got \""
              + literal
              + "\")");
    }
    try {
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "--trusted-proxy takes an IP address (got \"" + literal + "\")");
    }
  }

  /** Whether an address is one of the trusted proxies. */
  boolean isTrusted(InetAddress address) {
    return trusted.contains(address);
  }

  /** The client a request comes from. */
  public String of(Request request) {
    InetAddress peer = peer(request.getConnectionMetaData().getRemoteSocketAddress());
    if (peer == null) {
      return "unknown";
    }
    if (isTrusted(peer)) {
      List<String> hops = request.getHeaders().getValuesList("X-Forwarded-For");
      String[] all = String.join(",", hops).split(",");
      for (int i = all.length - 1; i >= 0; i--) {
        InetAddress hop = parse(all[i].strip());
        if (hop == null) {
          break; // a hop that is not an address: trust nothing further to the left
        }
        if (!isTrusted(hop)) {
          return key(hop);
        }
      }
    }
    return key(peer);
  }

  /** The address behind a socket address, or null. */
  static InetAddress peer(SocketAddress address) {
    return address instanceof InetSocketAddress inet ? inet.getAddress() : null;
  }

  /** The client key of an address: IPv4 as it is, IPv6 by its /64 network. */
  static String key(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        s.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
      }
      return s.append(":/64").toString();
    }
    return address.getHostAddress();
  }

  /**
   * Whether a text is an IP address literal: a dotted IPv4 quad, or IPv6 (which has a colon), so
   * that parsing it never looks a name up.
   */
  private static boolean isLiteral(String s) {
    return s.matches("\\d{1,3}(\\.\\d{1,3}){3}")
        || (s.contains(":") && s.matches("[0-9A-Fa-f:.]+"));
  }

  /** An IP address literal, or null (never a name lookup). */
  private static InetAddress parse(String literal) {
    if (!isLiteral(literal)) {
      return null;
    }
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
