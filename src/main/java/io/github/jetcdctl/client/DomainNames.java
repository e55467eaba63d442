package io.github.jetcdctl.client;

/** Domain-name syntax as Go's resolver checks it before it sends a query or accepts an SRV target. */
final class DomainNames {
    private static final int MAX_LABEL = 63;
    private static final int MAX_NAME = 254;

    private DomainNames() {
    }

    /**
     * Letters, digits, hyphens and underscores in dot-separated labels of 1 to 63 characters, no label starting
     * or ending with a hyphen, at most 253 characters (254 with the root dot), and not all digits.
     */
    static boolean isDomainName(String s) {
        int length = s.length();
        if (length == 0 || length > MAX_NAME || length == MAX_NAME && s.charAt(length - 1) != '.') {
            return false;
        }
        char last = '.';
        boolean nonNumeric = false;
        int labelLength = 0;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
                nonNumeric = true;
                labelLength++;
            } else if (c >= '0' && c <= '9') {
                labelLength++;
            } else if (c == '-') {
                if (last == '.') {
                    return false;
                }
                nonNumeric = true;
                labelLength++;
            } else if (c == '.') {
                if (last == '.' || last == '-' || labelLength == 0 || labelLength > MAX_LABEL) {
                    return false;
                }
                labelLength = 0;
            } else {
                return false;
            }
            last = c;
        }
        return last != '-' && labelLength <= MAX_LABEL && nonNumeric;
    }
}
