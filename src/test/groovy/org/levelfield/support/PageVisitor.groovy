package org.levelfield.support

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * A browser at the service without JavaScript: keeps cookies, never follows redirects, sends forms
 * with the page's form token as a browser sends them. For specs that test pages at the service; the
 * browser specs use Chromium.
 */
class PageVisitor {
    final String base
    final String password
    final Map<String, String> cookies = [:]
    final List<String> setCookies = []
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()

    PageVisitor(String base, String password) {
        this.base = base.replaceAll('/$', '')
        this.password = password
    }

    static String enc(String s) { URLEncoder.encode(s ?: "", "UTF-8") }

    Map send(String method, String path, String body = null, String type = "application/x-www-form-urlencoded", Map<String, String> headers = [:]) {
        def b = HttpRequest.newBuilder(URI.create(base + path))
        if (!headers.containsKey("Accept")) b.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
        if (!cookies.isEmpty()) b.header("Cookie", cookies.collect { k, v -> "$k=$v" }.join("; "))
        headers.each { k, v -> b.header(k, v) }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        if (body != null) b.header("Content-Type", type)
        def r = client.send(b.build(), HttpResponse.BodyHandlers.ofString())
        r.headers().allValues("set-cookie").each { c ->
            setCookies << c
            def (name, value) = c.split(";")[0].split("=", 2) as List
            if (value) cookies[name] = value else cookies.remove(name)
        }
        [status: r.statusCode(), body: r.body(), location: r.headers().firstValue("location").orElse(null)]
    }

    Map open(String path) { send("GET", path) }

    Map post(String path, Map<String, ?> form, boolean withToken = true) {
        def fields = withToken ? [formToken: cookies["levelfield-form"]] + form : form
        send("POST", path, fields.collectMany { k, v -> (v instanceof List ? v : [v]).collect { "${enc(k)}=${enc(it as String)}" } }.join("&"))
    }

    String token() { cookies["levelfield-form"] }

    void signIn(String username) {
        open("/sign-in")
        def r = post("/sign-in", [email: username, password: password, next: "/tenders"])
        assert r.status == 303 && r.location == "/tenders": "sign-in failed: ${r.status} ${r.body?.take(400)}"
    }
}
