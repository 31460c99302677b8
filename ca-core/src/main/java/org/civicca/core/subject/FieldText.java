package org.civicca.core.subject;

/** Helpers for quoting untrusted text in error details without echoing it whole or raw. */
public final class FieldText {

    private FieldText() {
    }

    /** At most {@code max} characters, with control, format and non-ASCII characters shown as escapes. */
    public static String printable(String text, int max) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(max).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u%04X", cp));
            }
        });
        return text.codePointCount(0, text.length()) > max ? out + "…" : out.toString();
    }
}
