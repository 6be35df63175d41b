package mesoscreen.smart;

import java.util.List;

/**
 * The SMART app's pages: no inline script or style (the policy allows our files only), settings handed to the
 * scripts as data attributes, every text escaped.
 */
final class SmartPages {
    private SmartPages() {
    }

    /** The launch page: launch.js discovers the EHR's endpoints and sends the browser to its authorisation. */
    static String launch(String clientId, String scope, String redirect) {
        return page("Mesoscreen: connecting to the EHR",
                " data-client-id=\"" + escape(clientId) + "\" data-scope=\"" + escape(scope) + "\" data-redirect=\""
                        + escape(redirect) + "\"",
                List.of("fhir-client.js", "launch.js"),
                "<h1>Mesoscreen</h1><p id=\"status\" role=\"status\">Connecting to the EHR…</p>");
    }

    /** The app page (the redirect URL): app.js completes the authorisation and shows the form. */
    static String app() {
        return page("Mesoscreen: screening", "", List.of("fhir-client.js", "app.js"),
                "<header><h1>Mesoscreen screening</h1><p id=\"patient\"></p></header>"
                        + "<p id=\"status\" role=\"status\">Completing the sign-in with the EHR…</p>"
                        + "<div id=\"form\"></div><section id=\"record\" aria-live=\"polite\"></section>");
    }

    /** An error page: what went wrong and what to do; no script at all. */
    static String error(String title, String detail) {
        return page("Mesoscreen: " + title, "", List.of(),
                "<h1>" + escape(title) + "</h1><p class=\"error\" role=\"alert\">" + escape(detail) + "</p>");
    }

    private static String page(String title, String data, List<String> scripts, String main) {
        StringBuilder out = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\">"
                + "<title>").append(escape(title)).append("</title><link rel=\"stylesheet\" href=\"app.css\">");
        // The SMART client is a classic script (it defines FHIR); ours are modules, run after it in this order.
        for (String script : scripts) {
            out.append(script.equals("fhir-client.js") ? "<script src=\"" + script + "\" defer></script>"
                    : "<script type=\"module\" src=\"" + script + "\"></script>");
        }
        return out.append("</head><body").append(data).append("><main>").append(main).append("</main></body></html>\n")
                .toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
