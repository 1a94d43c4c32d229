package fr.assurancemaladie.rgpd.portal.web;

import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Builds the frame data of the page being answered. */
@RequestScoped
public class Pages {

    @Inject
    Viewer viewer;

    @Inject
    RoutingContext routing;

    public Page page(String title, String section) {
        return new Page(title, who(), Csrf.token(routing), section);
    }

    private Page.Who who() {
        // a page answered on the event loop (a path no page serves): the identity is not resolved there
        if (Context.isOnEventLoopThread() || !viewer.signedIn()) {
            return Page.Who.ANONYMOUS;
        }
        return new Page.Who(true, viewer.name(), viewer.caisse(), viewer.citizen(), viewer.dpo(), viewer.editor(),
                viewer.admin(), viewer.nationalDpo(), viewer.mayPublish());
    }
}
