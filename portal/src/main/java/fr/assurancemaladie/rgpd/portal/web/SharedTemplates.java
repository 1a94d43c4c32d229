package fr.assurancemaladie.rgpd.portal.web;

import fr.assurancemaladie.rgpd.portal.api.RightsApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Templates more than one part of the portal renders. */
@CheckedTemplate(basePath = "shared")
public class SharedTemplates {

    /** The acknowledgement of a request: receipt date, reference, due date, the DPO's contact. */
    public static native TemplateInstance receipt(Page page, RightsApi.Request request, RightsApi.Caisse caisse,
            String back);
}
