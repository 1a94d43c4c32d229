package fr.assurancemaladie.rgpd.projection;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * {@code register.fiches} is compacted and small (one record per fiche): each time partitions are assigned (at start,
 * and after a rebalance) the projection reads them again from offset 0. Versions already projected change nothing, so
 * a projection damaged or emptied by hand is rebuilt by a restart. Channels use it with
 * {@code consumer-rebalance-listener.name=replay-from-start}.
 */
@ApplicationScoped
@Identifier("replay-from-start")
public class ReplayFromStart implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(ReplayFromStart.class);

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            consumer.seekToBeginning(partitions);
            LOG.debugf("Replaying %s from the beginning", partitions);
        }
    }
}
