package io.github.jetcdctl.client;

/**
 * Whether a text is an IP address as Go's netip.ParseAddr accepts it: dotted IPv4 without leading zeros, or IPv6
 * (one {@code ::} at most, an IPv4 tail allowed) with an optional non-empty {@code %zone}. No name is looked up.
 */
final class IpLiterals {
    private static final int IPV6_GROUPS = 8;

    private IpLiterals() {
    }

    static boolean isIp(String text) {
        return text.indexOf(':') >= 0 ? isIpv6(text) : isIpv4(text);
    }

    static boolean isIpv4(String text) {
        String[] fields = text.split("\\.", -1);
        if (fields.length != 4) {
            return false;
        }
        for (String field : fields) {
            if (field.isEmpty() || field.length() > 3 || field.length() > 1 && field.charAt(0) == '0'
                    || !field.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(field) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String text) {
        int percent = text.indexOf('%');
        if (percent >= 0) {
            if (percent == text.length() - 1) {
                return false;
            }
            text = text.substring(0, percent);
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        int groups;
        if (gap < 0) {
            groups = countGroups(text, true);
            return groups == IPV6_GROUPS;
        }
        int head = text.substring(0, gap).isEmpty() ? 0 : countGroups(text.substring(0, gap), false);
        String tailText = text.substring(gap + 2);
        int tail = tailText.isEmpty() ? 0 : countGroups(tailText, true);
        return head >= 0 && tail >= 0 && head + tail < IPV6_GROUPS;
    }

    /** The 16-bit groups in colon-separated hex (an IPv4 tail counts two), or -1 when malformed. */
    private static int countGroups(String text, boolean ipv4TailAllowed) {
        String[] parts = text.split(":", -1);
        int groups = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (ipv4TailAllowed && i == parts.length - 1 && part.indexOf('.') >= 0) {
                if (!isIpv4(part)) {
                    return -1;
                }
                groups += 2;
            } else if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(IpLiterals::isHex)) {
                return -1;
            } else {
                groups++;
            }
        }
        return groups;
    }

    private static boolean isHex(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
