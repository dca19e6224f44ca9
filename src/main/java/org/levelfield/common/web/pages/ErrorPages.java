package org.levelfield.common.web.pages;

import java.io.StringWriter;
import java.util.Map;

import io.micronaut.context.annotation.Context;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a problem as a GOV.UK page for a browser. Error responses do not pass through the views
 * filter, so the page is rendered here, with the same layout model as every other page.
 */
@Context
public class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    private static volatile ErrorPages current;

    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer;
    private final PageModel pageModel;

    public ErrorPages(ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer, PageModel pageModel) {
        this.renderer = renderer;
        this.pageModel = pageModel;
        current = this;
    }

    /** The page as HTML, or null when it cannot be rendered (the caller then answers as the API does). */
    public static String render(HttpRequest<?> request, String view, Map<String, Object> model) {
        ErrorPages pages = current;
        if (pages == null) {
            return null;
        }
        try {
            ModelAndView<Map<String, Object>> mav = new ModelAndView<>(view, model);
            pages.pageModel.process(request, mav);
            StringWriter out = new StringWriter();
            pages.renderer.render(view, model, request).writeTo(out);
            return out.toString();
        } catch (Exception failed) {
            LOG.error("Could not render the error page {}", view, failed);
            return null;
        }
    }
}
