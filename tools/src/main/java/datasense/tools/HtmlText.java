package datasense.tools;

/**
 * Text made safe for HTML and XHTML pages (the profile page, reports): markup characters escaped, and the
 * characters XML 1.0 cannot hold dropped, so a page stays well-formed for the PDF renderer whatever a cell holds.
 */
public final class HtmlText {

    private HtmlText() {
    }

    /** {@code s} as character data or an attribute value; "" for null. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if ((ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') && ch != 0xFFFE && ch != 0xFFFF) {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
