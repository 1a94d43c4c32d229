package fr.assurancemaladie.rgpd.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the projection's CDI events so tests can see what services will react to. */
@ApplicationScoped
public class RecordedProjections {

    private final List<FicheProjected> seen = new CopyOnWriteArrayList<>();

    void on(@Observes FicheProjected event) {
        seen.add(event);
    }

    /** A method, not the field: the test holds a client proxy, whose own fields are empty. */
    public List<FicheProjected> seen() {
        return List.copyOf(seen);
    }
}
