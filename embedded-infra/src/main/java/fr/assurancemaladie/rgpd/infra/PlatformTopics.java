package fr.assurancemaladie.rgpd.infra;

import fr.assurancemaladie.rgpd.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The platform's topics as the local stack creates them: {@code register.fiches} compacted (a projection is rebuilt
 * by replaying it); {@code lifecycle.events} timestamped by the broker (a record's time is when the broker took it,
 * so a producer cannot backdate a record to reuse an old publisher token); every topic with its dead-letter twin.
 * docker-compose and k8s declare the same set.
 */
public final class PlatformTopics {

    private PlatformTopics() {
    }

    public static List<NewTopic> all(int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : List.of(Topics.REGISTER_FICHES, Topics.LIFECYCLE_EVENTS, Topics.RIGHTS_EVENTS,
                Topics.DELETION_ORDERS, Topics.DELETION_CONFIRMATIONS)) {
            NewTopic topic = new NewTopic(name, partitions, (short) 1);
            if (name.equals(Topics.REGISTER_FICHES)) {
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            if (name.equals(Topics.LIFECYCLE_EVENTS)) {
                topic.configs(Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"));
            }
            topics.add(topic);
            topics.add(new NewTopic(Topics.dlq(name), 1, (short) 1));
        }
        return topics;
    }

    /** Creates the topics that do not exist yet. */
    public static void create(String bootstrapServers, int partitions) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = all(partitions).stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the platform topics", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer in time", e);
        }
    }
}
