// Runs a group scenario (a .steps file) against a real Kafka 4.x broker and prints the facts it
// observes, one per line, in the same form as kafkasim's groups4 scenario runner. Compiled at test
// time against the jars of the Kafka distribution the suite resolved (tests/groups4/java.py).
//
// Usage: java GroupScenario <bootstrap> <name-suffix> <scenario.steps>
// Topic and group names get <name-suffix> appended on the broker, but are printed without it, so
// the output does not depend on the run.

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.ShareMemberDescription;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicIdPartition;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

public class GroupScenario {
    static final long POLL_BOUND_MS = 20_000;
    static final long SETTLE_BOUND_MS = 60_000;

    final String bootstrap;
    final String suffix;
    final Admin admin;
    final Map<String, KafkaShareConsumer<String, String>> shareMembers = new LinkedHashMap<>();
    final Map<String, KafkaConsumer<String, String>> consumers = new LinkedHashMap<>();
    final Map<String, String> groupOf = new LinkedHashMap<>();
    final Map<String, List<ConsumerRecord<String, String>>> unacked = new LinkedHashMap<>();
    final Map<String, List<String>> callbacks = new LinkedHashMap<>();
    // Per member: how many callback entries belong to earlier steps and are never merged into.
    final Map<String, int[]> frozen = new LinkedHashMap<>();
    final Map<String, Integer> partitionsOf = new LinkedHashMap<>();
    final Map<String, String> topicOf = new LinkedHashMap<>();
    final Map<String, Integer> lockMs = new LinkedHashMap<>();

    GroupScenario(String bootstrap, String suffix) {
        this.bootstrap = bootstrap;
        this.suffix = suffix;
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        this.admin = Admin.create(props);
    }

    public static void main(String[] args) throws Exception {
        GroupScenario scenario = new GroupScenario(args[0], args[1]);
        try {
            for (String line : Files.readAllLines(Path.of(args[2]))) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                scenario.step(line.split("\\s+"));
            }
        } finally {
            scenario.closeAll();
        }
    }

    String real(String name) {
        return name + suffix;
    }

    void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    void step(String[] w) throws Exception {
        switch (w[0]) {
            case "broker": broker(w); break;
            case "topic":
                admin.createTopics(List.of(new NewTopic(real(w[1]), Integer.parseInt(w[2]), (short) 1))).all().get();
                partitionsOf.put(w[1], Integer.parseInt(w[2]));
                break;
            case "group-config": groupConfig(w); break;
            case "produce": produce(w); break;
            case "share": share(w); break;
            case "poll": poll(w[1]); break;
            case "poll-nothing": pollNothing(w[1], Long.parseLong(w[2])); break;
            case "ack": ack(w[1], w[2], w[3]); break;
            case "ack-all": ackAll(w[1], w[2]); break;
            case "commit": commit(w[1]); break;
            case "wait-lock": waitLock(w[1]); break;
            case "offsets": offsets(w[1]); break;
            case "members": shareGroupMembers(w[1], true); break;
            case "shape": shareGroupMembers(w[1], false); break;
            case "consumer": consumer(w); break;
            case "settle": settle(w[1]); break;
            case "assignment": assignment(w[1]); break;
            case "close": close(w[1]); break;
            default: throw new IllegalArgumentException("unknown step: " + String.join(" ", w));
        }
    }

    static Map<String, String> options(String[] w, int from) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = from; i < w.length; i++) {
            int eq = w[i].indexOf('=');
            options.put(w[i].substring(0, eq), w[i].substring(eq + 1));
        }
        return options;
    }

    // The scenario names the broker settings it relies on; a broker without them fails the run.
    void broker(String[] w) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, "1");
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        for (Map.Entry<String, String> wanted : options(w, 1).entrySet()) {
            ConfigEntry entry = config.get(wanted.getKey());
            String value = entry == null ? null : entry.value();
            if (!wanted.getValue().equals(value)) {
                throw new IllegalStateException("broker has " + wanted.getKey() + "=" + value + ", scenario needs " + wanted.getValue());
            }
        }
    }

    void groupConfig(String[] w) throws Exception {
        String group = w[1];
        List<AlterConfigOp> ops = new ArrayList<>();
        for (Map.Entry<String, String> option : options(w, 2).entrySet()) {
            ops.add(new AlterConfigOp(new ConfigEntry(option.getKey(), option.getValue()), AlterConfigOp.OpType.SET));
            if (option.getKey().equals("share.record.lock.duration.ms")) lockMs.put(group, Integer.parseInt(option.getValue()));
        }
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, real(group)), ops)).all().get();
    }

    // produce <topic> <partition> <value>... : the values go out as one batch.
    void produce(String[] w) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("linger.ms", "1000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 3; i < w.length; i++) {
                sent.add(producer.send(new ProducerRecord<>(real(w[1]), Integer.parseInt(w[2]), null, w[i])));
            }
            producer.flush();
            for (Future<?> future : sent) future.get();
        }
    }

    void share(String[] w) {
        String member = w[1], group = w[2], topic = w[3];
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", real(group));
        props.put("client.id", member);
        props.put("share.acknowledgement.mode", "explicit");
        props.putAll(options(w, 4));
        KafkaShareConsumer<String, String> consumer =
            new KafkaShareConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(real(topic)));
        shareMembers.put(member, consumer);
        groupOf.put(member, group);
        topicOf.put(member, topic);
        unacked.put(member, new ArrayList<>());
    }

    static String record(ConsumerRecord<String, String> r) {
        return "p" + r.partition() + "@" + r.offset() + "#" + r.deliveryCount().orElse((short) -1) + "=" + r.value();
    }

    void poll(String member) {
        KafkaShareConsumer<String, String> consumer = shareMembers.get(member);
        long deadline = System.currentTimeMillis() + POLL_BOUND_MS;
        while (System.currentTimeMillis() < deadline) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
            if (!records.isEmpty()) {
                List<String> shown = new ArrayList<>();
                for (ConsumerRecord<String, String> r : records) {
                    shown.add(record(r));
                    unacked.get(member).add(r);
                }
                say("poll " + member + ": " + String.join(" ", shown));
                return;
            }
        }
        say("poll " + member + ": timeout");
    }

    void pollNothing(String member, long ms) {
        KafkaShareConsumer<String, String> consumer = shareMembers.get(member);
        long deadline = System.currentTimeMillis() + ms;
        List<String> shown = new ArrayList<>();
        while (System.currentTimeMillis() < deadline && shown.isEmpty()) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                shown.add(record(r));
                unacked.get(member).add(r);
            }
        }
        say("poll " + member + ": " + (shown.isEmpty() ? "-" : String.join(" ", shown)));
    }

    void ack(String member, String where, String type) {
        String[] parts = where.substring(1).split("@");
        int partition = Integer.parseInt(parts[0]);
        long offset = Long.parseLong(parts[1]);
        for (ConsumerRecord<String, String> r : new ArrayList<>(unacked.get(member))) {
            if (r.partition() == partition && r.offset() == offset) {
                shareMembers.get(member).acknowledge(r, AcknowledgeType.valueOf(type.toUpperCase()));
                unacked.get(member).remove(r);
                return;
            }
        }
        throw new IllegalStateException(member + " holds no record " + where);
    }

    void ackAll(String member, String type) {
        for (ConsumerRecord<String, String> r : unacked.get(member)) {
            shareMembers.get(member).acknowledge(r, AcknowledgeType.valueOf(type.toUpperCase()));
        }
        unacked.get(member).clear();
    }

    void commit(String member) {
        Map<TopicIdPartition, Optional<KafkaException>> result = shareMembers.get(member).commitSync(Duration.ofSeconds(20));
        TreeMap<Integer, String> shown = new TreeMap<>();
        result.forEach((tp, error) -> shown.put(tp.partition(), error.map(e -> e.getClass().getSimpleName()).orElse("ok")));
        List<String> parts = new ArrayList<>();
        shown.forEach((p, outcome) -> parts.add("p" + p + "=" + outcome));
        say("commit " + member + ": " + (parts.isEmpty() ? "-" : String.join(" ", parts)));
    }

    void waitLock(String group) throws InterruptedException {
        // The broker's timer releases an expired lock within a few hundred milliseconds.
        Thread.sleep(lockMs.getOrDefault(group, 30_000) + 1_500L);
        say("lock expired: " + group);
    }

    void offsets(String group) throws Exception {
        Map<TopicPartition, SharePartitionOffsetInfo> info = admin
            .listShareGroupOffsets(Map.of(real(group), new ListShareGroupOffsetsSpec()))
            .partitionsToOffsetInfo(real(group)).get();
        TreeMap<Integer, String> shown = new TreeMap<>();
        info.forEach((tp, o) -> shown.put(tp.partition(), o == null ? "none"
            : "start=" + o.startOffset() + " lag=" + o.lag().map(String::valueOf).orElse("-")));
        List<String> parts = new ArrayList<>();
        shown.forEach((p, s) -> parts.add("p" + p + " " + s));
        say("offsets " + group + ": " + String.join(", ", parts));
    }

    // Waits until every member has heart-beaten its way to the group's target assignment epoch, then
    // prints the members' assignments by client id (members=true) or only their sorted shapes, for
    // assignments that depend on the random member ids (members=false).
    void shareGroupMembers(String group, boolean byName) throws Exception {
        long deadline = System.currentTimeMillis() + SETTLE_BOUND_MS;
        ShareGroupDescription description;
        long expected = groupOf.entrySet().stream()
            .filter(e -> e.getValue().equals(group) && shareMembers.containsKey(e.getKey())).count();
        while (true) {
            try {
                description = admin.describeShareGroups(List.of(real(group))).describedGroups().get(real(group)).get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) throw e;
                description = null;
            }
            boolean settled = description != null && description.members().size() == expected
                && description.groupEpoch() == description.targetAssignmentEpoch();
            Set<String> assigned = new TreeSet<>();
            for (ShareMemberDescription m : settled ? description.members() : List.<ShareMemberDescription>of()) {
                settled &= m.memberEpoch() == description.targetAssignmentEpoch();
                for (TopicPartition tp : m.assignment().topicPartitions()) assigned.add(tp.topic() + ":" + tp.partition());
            }
            // A share-partition is assignable only once the share coordinator has initialized its
            // state; until then the members are Stable with nothing assigned.
            Set<String> subscribed = new TreeSet<>();
            groupOf.forEach((member, g) -> {
                if (g.equals(group) && shareMembers.containsKey(member)) {
                    for (int p = 0; p < partitionsOf.get(topicOf.get(member)); p++) subscribed.add(real(topicOf.get(member)) + ":" + p);
                }
            });
            settled &= assigned.equals(subscribed);
            if (settled) break;
            if (System.currentTimeMillis() > deadline) {
                say("members " + group + ": timeout");
                return;
            }
            Thread.sleep(100);
        }
        List<String> parts = new ArrayList<>();
        TreeMap<String, String> named = new TreeMap<>();
        for (ShareMemberDescription m : description.members()) {
            TreeSet<Integer> partitions = new TreeSet<>();
            for (TopicPartition tp : m.assignment().topicPartitions()) partitions.add(tp.partition());
            String shown = partitions.toString().replace(" ", "");
            if (byName) named.put(m.clientId(), m.clientId() + "=" + shown); else parts.add(shown);
        }
        if (byName) parts.addAll(named.values()); else parts.sort(null);
        say((byName ? "members " : "shape ") + group + ": " + description.groupState() + " " + String.join(" ", parts));
    }

    void consumer(String[] w) {
        String member = w[1], group = w[2], topic = w[3];
        Map<String, String> options = options(w, 4);
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", real(group));
        props.put("client.id", member);
        props.put("group.protocol", "consumer");
        if (options.containsKey("assignor")) props.put("group.remote.assignor", options.get("assignor"));
        if (options.containsKey("instance")) props.put("group.instance.id", options.get("instance"));
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<String> log = new ArrayList<>();
        int[] mark = {0};
        callbacks.put(member, log);
        frozen.put(member, mark);
        consumer.subscribe(List.of(real(topic)), new ConsumerRebalanceListener() {
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                record(log, mark[0], "-", partitions);
            }
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                record(log, mark[0], "+", partitions);
            }
        });
        consumers.put(member, consumer);
        groupOf.put(member, group);
    }

    // One entry per callback; within one settle step, consecutive callbacks of the same kind are
    // merged, because a member that waits for partitions still owned by others gets them one by one,
    // in the order the others happen to release them.
    static void record(List<String> log, int frozen, String sign, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) return;
        TreeSet<Integer> numbers = new TreeSet<>();
        for (TopicPartition tp : partitions) numbers.add(tp.partition());
        int last = log.size() - 1;
        if (last >= frozen && log.get(last).startsWith(sign)) {
            for (String n : log.get(last).substring(2, log.get(last).length() - 1).split(",")) numbers.add(Integer.parseInt(n));
            log.remove(last);
        }
        log.add(sign + numbers.toString().replace(" ", ""));
    }

    static String sorted(Collection<TopicPartition> partitions) {
        TreeSet<Integer> numbers = new TreeSet<>();
        for (TopicPartition tp : partitions) numbers.add(tp.partition());
        return numbers.toString().replace(" ", "");
    }

    ConsumerGroupDescription describeConsumerGroup(String group) throws Exception {
        return admin.describeConsumerGroups(List.of(real(group))).describedGroups().get(real(group)).get();
    }

    // Polls every consumer of the group in turn until the group is Stable and every member owns
    // exactly its target assignment.
    void settle(String group) throws Exception {
        List<String> members = new ArrayList<>();
        groupOf.forEach((member, g) -> { if (g.equals(group) && consumers.containsKey(member)) members.add(member); });
        for (String member : members) frozen.get(member)[0] = callbacks.get(member).size();
        long deadline = System.currentTimeMillis() + SETTLE_BOUND_MS;
        while (System.currentTimeMillis() < deadline) {
            for (String member : members) consumers.get(member).poll(Duration.ofMillis(100));
            ConsumerGroupDescription d;
            try {
                d = describeConsumerGroup(group);
            } catch (ExecutionException e) {
                // The group exists only after its first member's first heartbeat.
                if (e.getCause() instanceof GroupIdNotFoundException) continue;
                throw e;
            }
            if (d.groupState() != GroupState.STABLE || d.members().size() != members.size()) continue;
            boolean settled = true;
            for (MemberDescription m : d.members()) {
                Set<TopicPartition> target = m.targetAssignment().map(t -> t.topicPartitions()).orElse(Set.of());
                Set<TopicPartition> owned = consumers.get(m.clientId()).assignment();
                settled &= m.assignment().topicPartitions().equals(target) && owned.equals(target);
            }
            if (settled) {
                // Rebalance callbacks run inside poll(): one more round lets every member run its own.
                for (String member : members) consumers.get(member).poll(Duration.ofMillis(100));
                return;
            }
        }
        say("settle " + group + ": timeout");
    }

    void assignment(String group) throws Exception {
        ConsumerGroupDescription d = describeConsumerGroup(group);
        say("group " + group + ": " + d.groupState() + " epoch=" + d.groupEpoch().map(String::valueOf).orElse("-")
            + " target=" + d.targetAssignmentEpoch().map(String::valueOf).orElse("-") + " assignor=" + d.partitionAssignor());
        TreeMap<String, MemberDescription> byName = new TreeMap<>();
        for (MemberDescription m : d.members()) byName.put(m.clientId(), m);
        for (MemberDescription m : byName.values()) {
            say("  " + m.clientId() + ": " + sorted(m.assignment().topicPartitions()) + " epoch="
                + m.memberEpoch().map(String::valueOf).orElse("-") + " log=" + String.join(" ", callbacks.get(m.clientId())));
        }
    }

    void close(String member) {
        if (shareMembers.containsKey(member)) shareMembers.remove(member).close();
        if (consumers.containsKey(member)) consumers.remove(member).close();
    }

    void closeAll() {
        for (String member : new ArrayList<>(shareMembers.keySet())) close(member);
        for (String member : new ArrayList<>(consumers.keySet())) close(member);
        admin.close();
    }
}
