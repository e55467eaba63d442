package io.github.jetcdctl.snapshot.raft;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The subset of Go's {@code net/url} that etcd's URL flags go through: {@link #parse} follows
 * {@code url.Parse} (including its error texts) and {@link #toString} follows {@code URL.String()}.
 * Internally every string holds one byte per char (ISO-8859-1 view of the UTF-8 bytes), so all
 * indexes are byte indexes as in Go.
 */
public final class GoUrl {
    private static final int HOST = 0;
    private static final int PATH = 1;
    private static final int USER = 2;
    private static final int FRAGMENT = 3;

    private String scheme = "";
    private String opaque = "";
    private String username; // unescaped, null when no userinfo
    private String password; // unescaped, null when not set
    private String host = ""; // unescaped
    private String path = ""; // unescaped
    private String rawPath = "";
    private boolean omitHost;
    private boolean forceQuery;
    private String rawQuery = "";
    private String fragment = "";
    private String rawFragment = "";

    private GoUrl() {}

    /** Thrown with Go's error text, e.g. {@code parse "x": missing protocol scheme}. */
    public static final class ParseException extends Exception {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message);
        }
    }

    private static final class Err extends Exception {
        private static final long serialVersionUID = 1L;

        Err(String m) {
            super(m, null, false, false);
        }
    }

    /** Go {@code url.Parse}. */
    public static GoUrl parse(String rawUrl) throws ParseException {
        String raw = bytesOf(rawUrl);
        int h = raw.indexOf('#');
        String u = h >= 0 ? raw.substring(0, h) : raw;
        String frag = h >= 0 ? raw.substring(h + 1) : "";
        GoUrl url;
        try {
            url = parseNoFragment(u);
        } catch (Err e) {
            throw new ParseException("parse " + GoText.quote(text(u)) + ": " + e.getMessage());
        }
        if (!frag.isEmpty()) {
            try {
                url.fragment = unescape(frag, FRAGMENT);
                String esc = escape(url.fragment, FRAGMENT);
                url.rawFragment = frag.equals(esc) ? "" : frag;
            } catch (Err e) {
                throw new ParseException("parse " + GoText.quote(rawUrl) + ": " + e.getMessage());
            }
        }
        return url;
    }

    private static GoUrl parseNoFragment(String raw) throws Err {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new Err("net/url: invalid control character in URL");
            }
        }
        GoUrl url = new GoUrl();
        if (raw.equals("*")) {
            url.path = "*";
            return url;
        }
        String rest = raw;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new Err("missing protocol scheme");
                }
                url.scheme = raw.substring(0, i).toLowerCase(java.util.Locale.ROOT);
                rest = raw.substring(i + 1);
            }
            break;
        }
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            url.forceQuery = true;
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int q = rest.indexOf('?');
            if (q >= 0) {
                url.rawQuery = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
        }
        if (!rest.startsWith("/")) {
            if (!url.scheme.isEmpty()) {
                url.opaque = rest;
                return url;
            }
            int slash = rest.indexOf('/');
            String segment = slash >= 0 ? rest.substring(0, slash) : rest;
            if (segment.contains(":")) {
                throw new Err("first path segment in URL cannot contain colon");
            }
        }
        if ((!url.scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            rest = "";
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            url.parseAuthority(authority);
        } else if (!url.scheme.isEmpty() && rest.startsWith("/")) {
            url.omitHost = true;
        }
        url.path = unescape(rest, PATH);
        url.rawPath = rest.equals(escape(url.path, PATH)) ? "" : rest;
        return url;
    }

    private void parseAuthority(String authority) throws Err {
        int at = authority.lastIndexOf('@');
        host = parseHost(at < 0 ? authority : authority.substring(at + 1));
        if (at < 0) {
            return;
        }
        String userinfo = authority.substring(0, at);
        for (int i = 0; i < userinfo.length(); i++) {
            char c = userinfo.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0)) {
                throw new Err("net/url: invalid userinfo");
            }
        }
        int colon = userinfo.indexOf(':');
        if (colon < 0) {
            username = unescape(userinfo, USER);
        } else {
            username = unescape(userinfo.substring(0, colon), USER);
            password = unescape(userinfo.substring(colon + 1), USER);
        }
    }

    private static String parseHost(String host) throws Err {
        if (host.startsWith("[")) {
            int i = host.lastIndexOf(']');
            if (i < 0) {
                throw new Err("missing ']' in host");
            }
            String colonPort = host.substring(i + 1);
            if (!validOptionalPort(colonPort)) {
                throw new Err("invalid port " + GoText.quote(text(colonPort)) + " after host");
            }
        } else {
            int i = host.lastIndexOf(':');
            if (i >= 0) {
                String colonPort = host.substring(i);
                if (!validOptionalPort(colonPort)) {
                    throw new Err("invalid port " + GoText.quote(text(colonPort)) + " after host");
                }
            }
        }
        return unescape(host, HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            char c = port.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static String unescape(String s, int mode) throws Err {
        StringBuilder b = null;
        for (int i = 0; i < s.length();) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    String bad = s.substring(i, Math.min(i + 3, s.length()));
                    throw new Err("invalid URL escape " + GoText.quote(text(bad)));
                }
                if (mode == HOST && Character.digit(s.charAt(i + 1), 16) < 8 && !s.startsWith("%25", i)) {
                    throw new Err("invalid URL escape " + GoText.quote(text(s.substring(i, i + 3))));
                }
                if (b == null) {
                    b = new StringBuilder(s.substring(0, i));
                }
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
                continue;
            }
            if (mode == HOST && c < 0x80 && shouldEscape(c, HOST)) {
                throw new Err("invalid character " + GoText.quote(String.valueOf(c)) + " in host name");
            }
            if (b != null) {
                b.append(c);
            }
            i++;
        }
        return b == null ? s : b.toString();
    }

    private static boolean shouldEscape(char c, int mode) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        if (mode == HOST && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false;
        }
        switch (c) {
            case '-', '_', '.', '~':
                return false;
            case '$', '&', '+', ',', '/', ':', ';', '=', '?', '@':
                switch (mode) {
                    case USER:
                        return c == '@' || c == '/' || c == '?' || c == ':';
                    case PATH:
                        return c == '?';
                    case FRAGMENT:
                        return false;
                    default:
                        return true;
                }
            default:
                break;
        }
        if (mode == FRAGMENT && "!()*".indexOf(c) >= 0) {
            return false;
        }
        return true;
    }

    private static String escape(String s, int mode) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (shouldEscape(c, mode)) {
                b.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 15));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean validEncoded(String s, int mode) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("!$&'()*+,;=:@[]%".indexOf(c) >= 0) {
                continue;
            }
            if (shouldEscape(c, mode)) {
                return false;
            }
        }
        return true;
    }

    private String escapedPath() {
        if (!rawPath.isEmpty() && validEncoded(rawPath, PATH)) {
            try {
                if (unescape(rawPath, PATH).equals(path)) {
                    return rawPath;
                }
            } catch (Err e) {
                // fall through
            }
        }
        if (path.equals("*")) {
            return "*";
        }
        return escape(path, PATH);
    }

    private String escapedFragment() {
        if (!rawFragment.isEmpty() && validEncoded(rawFragment, FRAGMENT)) {
            try {
                if (unescape(rawFragment, FRAGMENT).equals(fragment)) {
                    return rawFragment;
                }
            } catch (Err e) {
                // fall through
            }
        }
        return escape(fragment, FRAGMENT);
    }

    /** Go {@code URL.String()}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (!scheme.isEmpty()) {
            b.append(scheme).append(':');
        }
        if (!opaque.isEmpty()) {
            b.append(opaque);
        } else {
            if (!scheme.isEmpty() || !host.isEmpty() || username != null) {
                if (!(omitHost && host.isEmpty() && username == null)) {
                    if (!host.isEmpty() || !path.isEmpty() || username != null) {
                        b.append("//");
                    }
                    if (username != null) {
                        b.append(escape(username, USER));
                        if (password != null) {
                            b.append(':').append(escape(password, USER));
                        }
                        b.append('@');
                    }
                    if (!host.isEmpty()) {
                        b.append(escape(host, HOST));
                    }
                }
            }
            String p = escapedPath();
            if (!p.isEmpty() && p.charAt(0) != '/' && !host.isEmpty()) {
                b.append('/');
            }
            if (b.length() == 0) {
                int slash = p.indexOf('/');
                if ((slash >= 0 ? p.substring(0, slash) : p).contains(":")) {
                    b.append("./");
                }
            }
            b.append(p);
        }
        if (forceQuery || !rawQuery.isEmpty()) {
            b.append('?').append(rawQuery);
        }
        if (!fragment.isEmpty()) {
            b.append('#').append(escapedFragment());
        }
        return text(b.toString());
    }

    /** Lower-cased scheme. */
    public String scheme() {
        return scheme;
    }

    /** Unescaped host, including the port ({@code URL.Host}). */
    public String host() {
        return text(host);
    }

    /** Unescaped path. */
    public String path() {
        return text(path);
    }

    /** This URL with another host (as {@code u.Host = h}). */
    GoUrl withHost(String newHost) {
        GoUrl c = copy();
        c.host = bytesOf(newHost);
        return c;
    }

    private GoUrl copy() {
        GoUrl c = new GoUrl();
        c.scheme = scheme;
        c.opaque = opaque;
        c.username = username;
        c.password = password;
        c.host = host;
        c.path = path;
        c.rawPath = rawPath;
        c.omitHost = omitHost;
        c.forceQuery = forceQuery;
        c.rawQuery = rawQuery;
        c.fragment = fragment;
        c.rawFragment = rawFragment;
        return c;
    }

    /** Field-by-field equality, like Go's {@code reflect.DeepEqual} on {@code url.URL}. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GoUrl u)) {
            return false;
        }
        return scheme.equals(u.scheme) && opaque.equals(u.opaque) && Objects.equals(username, u.username)
                && Objects.equals(password, u.password) && host.equals(u.host) && path.equals(u.path)
                && rawPath.equals(u.rawPath) && omitHost == u.omitHost && forceQuery == u.forceQuery
                && rawQuery.equals(u.rawQuery) && fragment.equals(u.fragment) && rawFragment.equals(u.rawFragment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, host, path, rawQuery, fragment);
    }

    /**
     * Go {@code net.SplitHostPort}.
     *
     * @return {host, port}, or {@code null} if the text is not of the form host:port
     */
    static String[] splitHostPort(String hostport) {
        int i = hostport.lastIndexOf(':');
        if (i < 0) {
            return null;
        }
        String h;
        int j = 0;
        int k = 0;
        if (hostport.startsWith("[")) {
            int end = hostport.indexOf(']');
            if (end < 0) {
                return null;
            }
            if (end + 1 == hostport.length()) {
                return null;
            } else if (end + 1 != i) {
                return null;
            }
            h = hostport.substring(1, end);
            j = 1;
            k = end + 1;
        } else {
            h = hostport.substring(0, i);
            if (h.indexOf(':') >= 0) {
                return null;
            }
        }
        if (hostport.indexOf('[', j) >= 0 || hostport.indexOf(']', k) >= 0) {
            return null;
        }
        return new String[] {h, hostport.substring(i + 1)};
    }

    private static String bytesOf(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String text(String byteString) {
        return new String(byteString.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
