package fr.assurancemaladie.rgpd.portal.web;

/**
 * What every page's frame needs: its title, who is looking, the form token, and which part of the portal it belongs
 * to (for the navigation's current item).
 */
public record Page(String title, Who viewer, String csrf, String section) {

    /** Who is looking, as the frame shows it. */
    public record Who(boolean signedIn, String name, String caisse, boolean citizen, boolean dpo, boolean editor,
            boolean admin, boolean nationalDpo, boolean mayPublish) {

        public static final Who ANONYMOUS = new Who(false, null, null, false, false, false, false, false, false);
    }
}
