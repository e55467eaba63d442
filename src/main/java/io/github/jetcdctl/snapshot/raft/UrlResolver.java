package io.github.jetcdctl.snapshot.raft;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a URL host for the advertise-vs-cluster URL comparison, as etcd's
 * {@code netutil.resolveTCPAddr} does: the result is Go's {@code TCPAddr.String()}, e.g.
 * {@code 127.0.0.1:2380} or {@code [::1]:2380}. {@code localhost} is never resolved (the caller
 * skips it, as etcd does).
 */
@FunctionalInterface
public interface UrlResolver {
    /**
     * @param host the host without brackets
     * @param port the port text
     * @return {@code TCPAddr.String()} of the first address
     * @throws IOException when the host or port cannot be resolved (message used in the error text)
     */
    String resolve(String host, String port) throws IOException;

    /** Receives one event per resolved URL (etcd logs {@code resolved URL Host} for each). */
    @FunctionalInterface
    interface Listener {
        void resolved(String url, String host, String resolvedAddr);

        Listener NONE = (u, h, r) -> { };
    }

    /** IP literals are formatted as Go does; other names go through the system resolver. */
    static UrlResolver system() {
        return (host, port) -> {
            int p = lookupPort(port);
            InetAddress addr;
            if (isGoIpv4(host)) {
                addr = InetAddress.getByName(host);
            } else if (host.indexOf(':') >= 0) {
                try {
                    addr = InetAddress.getByName(host); // IPv6 literal: no DNS lookup
                } catch (UnknownHostException e) {
                    throw new IOException("lookup " + host + ": no such host");
                }
            } else {
                try {
                    addr = InetAddress.getAllByName(host)[0];
                } catch (UnknownHostException e) {
                    throw new IOException("lookup " + host + ": no such host");
                }
            }
            return tcpAddrString(addr, p);
        };
    }

    private static int lookupPort(String port) throws IOException {
        if (port.isEmpty()) {
            return 0;
        }
        if (port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long v = port.length() > 6 ? Long.MAX_VALUE : Long.parseLong(port);
            if (v > 0xFFFF) {
                throw new IOException("address " + port + ": invalid port");
            }
            return (int) v;
        }
        return switch (port) {
            case "http" -> 80;
            case "https" -> 443;
            default -> throw new IOException("lookup tcp/" + port + ": unknown port");
        };
    }

    private static boolean isGoIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (part.length() > 1 && part.charAt(0) == '0') || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Go {@code TCPAddr.String()}: {@code ip:port} or {@code [ipv6]:port}. */
    static String tcpAddrString(InetAddress addr, int port) {
        if (addr instanceof Inet4Address) {
            return addr.getHostAddress() + ":" + port;
        }
        return "[" + goIpv6String(((Inet6Address) addr).getAddress()) + "]:" + port;
    }

    /** Go {@code net.IP.String()} of a 16-byte address: the longest run of 2+ zero groups becomes {@code ::}. */
    static String goIpv6String(byte[] p) {
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= p[i] == 0;
        }
        if (mapped && (p[10] & 0xFF) == 0xFF && (p[11] & 0xFF) == 0xFF) {
            return (p[12] & 0xFF) + "." + (p[13] & 0xFF) + "." + (p[14] & 0xFF) + "." + (p[15] & 0xFF);
        }
        int e0 = -1;
        int e1 = -1;
        for (int i = 0; i < 16; i += 2) {
            int j = i;
            while (j < 16 && p[j] == 0 && p[j + 1] == 0) {
                j += 2;
            }
            if (j > i && j - i > e1 - e0) {
                e0 = i;
                e1 = j;
                i = j;
            }
        }
        if (e1 - e0 <= 2) {
            e0 = -1;
            e1 = -1;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            if (i == e0) {
                b.append("::");
                i = e1;
                if (i >= 16) {
                    break;
                }
            } else if (i > 0) {
                b.append(':');
            }
            b.append(Integer.toHexString(((p[i] & 0xFF) << 8) | (p[i + 1] & 0xFF)));
        }
        return b.toString();
    }
}
