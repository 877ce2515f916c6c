// Runs a group scenario (a .steps file) against a real Kafka 4.x broker and prints the facts it
// observes, one per line, in the same form as kafkasim's groups4 scenario runner. Compiled at test
// time against the jars of the Kafka distribution the suite resolved (tests/groups4/java.py).
//
// Share-group members speak the share protocol themselves (ShareGroupHeartbeat, ShareFetch,
// ShareAcknowledge over a socket, with the request classes of kafka-clients): one `poll` step is
// exactly one ShareFetch. KafkaShareConsumer fetches ahead in its background thread, so which of
// several members gets which records would depend on timing. Consumer-protocol members are
// KafkaConsumers with group.protocol=consumer; `settle` waits until they have reconciled.
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
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicIdPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.message.ShareAcknowledgeRequestData;
import org.apache.kafka.common.message.ShareAcknowledgeResponseData;
import org.apache.kafka.common.message.ShareFetchRequestData;
import org.apache.kafka.common.message.ShareFetchResponseData;
import org.apache.kafka.common.message.ShareGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ShareGroupHeartbeatResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.Records;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.ShareAcknowledgeRequest;
import org.apache.kafka.common.requests.ShareAcknowledgeResponse;
import org.apache.kafka.common.requests.ShareFetchRequest;
import org.apache.kafka.common.requests.ShareFetchResponse;
import org.apache.kafka.common.requests.ShareGroupHeartbeatRequest;
import org.apache.kafka.common.requests.ShareGroupHeartbeatResponse;
import org.apache.kafka.common.requests.ShareRequestMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    final Map<String, ShareMember> shareMembers = new LinkedHashMap<>();
    final Map<String, KafkaConsumer<String, String>> consumers = new LinkedHashMap<>();
    final Map<String, String> groupOf = new LinkedHashMap<>();
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

    // A share-group member as the driver plays it: its member id and epoch, the partitions its last
    // heartbeat assigned, its share session, and the records it holds but has not acknowledged.
    final class ShareMember {
        final String name, group, topic;
        final Uuid memberId = Uuid.randomUuid();
        final int maxRecords;
        final byte acquireMode;
        final Wire wire;
        int memberEpoch = 0;
        int sessionEpoch = ShareRequestMetadata.INITIAL_EPOCH;
        List<TopicIdPartition> assigned = new ArrayList<>();
        final Set<TopicIdPartition> inSession = new java.util.LinkedHashSet<>();
        final TreeMap<String, Long> held = new TreeMap<>();              // "p<partition>@<offset>" -> offset
        final Map<TopicIdPartition, List<ShareAcknowledgeRequestData.AcknowledgementBatch>> acks = new LinkedHashMap<>();

        ShareMember(String name, String group, String topic, Map<String, String> options) throws IOException {
            this.name = name;
            this.group = group;
            this.topic = topic;
            this.maxRecords = Integer.parseInt(options.getOrDefault("max.poll.records", "500"));
            this.acquireMode = options.getOrDefault("share.acquire.mode", "batch_optimized").equals("record_limit") ? (byte) 1 : (byte) 0;
            this.wire = new Wire(bootstrap, name);
        }

        void heartbeat() throws IOException {
            ShareGroupHeartbeatRequestData data = new ShareGroupHeartbeatRequestData()
                .setGroupId(real(group)).setMemberId(memberId.toString()).setMemberEpoch(memberEpoch);
            if (memberEpoch == 0) data.setSubscribedTopicNames(List.of(real(topic)));
            ShareGroupHeartbeatResponseData response = ((ShareGroupHeartbeatResponse) wire.send(
                new ShareGroupHeartbeatRequest.Builder(data).build(ApiKeys.SHARE_GROUP_HEARTBEAT.latestVersion()))).data();
            if (response.errorCode() != 0) throw new IllegalStateException(name + ": heartbeat " + Errors.forCode(response.errorCode()));
            memberEpoch = response.memberEpoch();
            if (response.assignment() != null) {
                List<TopicIdPartition> partitions = new ArrayList<>();
                for (var tp : response.assignment().topicPartitions())
                    for (int p : tp.partitions()) partitions.add(new TopicIdPartition(tp.topicId(), p, real(topic)));
                partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
                assigned = partitions;
            }
        }

        // Heart-beats until the member has partitions to fetch from (a new share group's partitions
        // become assignable once the share coordinator has initialized their state).
        void awaitAssignment() throws Exception {
            long deadline = System.currentTimeMillis() + POLL_BOUND_MS;
            heartbeat();
            while (assigned.isEmpty()) {
                if (System.currentTimeMillis() > deadline) throw new IllegalStateException(name + " got no partitions");
                Thread.sleep(100);
                heartbeat();
            }
        }

        List<String> fetch(int maxWaitMs) throws IOException {
            List<TopicIdPartition> add = new ArrayList<>();
            for (TopicIdPartition tp : assigned) if (!inSession.contains(tp)) add.add(tp);
            List<TopicIdPartition> forget = new ArrayList<>();
            for (TopicIdPartition tp : inSession) if (!assigned.contains(tp)) forget.add(tp);
            ShareFetchRequest request = ShareFetchRequest.Builder.forConsumer(real(group),
                new ShareRequestMetadata(memberId, sessionEpoch), maxWaitMs, 1, 1 << 20, maxRecords, maxRecords,
                acquireMode, false, add, forget, Map.of()).build(ApiKeys.SHARE_FETCH.latestVersion());
            ShareFetchResponseData response = ((ShareFetchResponse) wire.send(request)).data();
            if (response.errorCode() != 0) throw new IllegalStateException(name + ": share fetch " + Errors.forCode(response.errorCode()));
            sessionEpoch = ShareRequestMetadata.nextEpoch(sessionEpoch);
            inSession.addAll(add);
            forget.forEach(inSession::remove);
            TreeMap<Long, String> shown = new TreeMap<>();
            for (ShareFetchResponseData.ShareFetchableTopicResponse topicResponse : response.responses()) {
                for (ShareFetchResponseData.PartitionData pd : topicResponse.partitions()) {
                    if (pd.errorCode() != 0) throw new IllegalStateException(name + ": share fetch p" + pd.partitionIndex() + " " + Errors.forCode(pd.errorCode()));
                    Map<Long, String> values = new LinkedHashMap<>();
                    if (pd.records() instanceof Records records) {
                        for (Record r : records.records()) values.put(r.offset(), StandardCharsets.UTF_8.decode(r.value()).toString());
                    }
                    for (ShareFetchResponseData.AcquiredRecords acquired : pd.acquiredRecords()) {
                        for (long o = acquired.firstOffset(); o <= acquired.lastOffset(); o++) {
                            String where = "p" + pd.partitionIndex() + "@" + o;
                            held.put(where, o);
                            // Sorted by partition, then offset.
                            shown.put(pd.partitionIndex() * 1_000_000L + o, where + "#" + acquired.deliveryCount() + "=" + values.get(o));
                        }
                    }
                }
            }
            return new ArrayList<>(shown.values());
        }

        String commit(int epoch) throws IOException {
            ShareAcknowledgeRequest request = ShareAcknowledgeRequest.Builder.forConsumer(real(group),
                new ShareRequestMetadata(memberId, epoch), false, acks).build(ApiKeys.SHARE_ACKNOWLEDGE.latestVersion());
            ShareAcknowledgeResponseData response = ((ShareAcknowledgeResponse) wire.send(request)).data();
            if (response.errorCode() != 0) throw new IllegalStateException(name + ": share acknowledge " + Errors.forCode(response.errorCode()));
            sessionEpoch = ShareRequestMetadata.nextEpoch(sessionEpoch);
            TreeMap<Integer, String> shown = new TreeMap<>();
            for (var topicResponse : response.responses())
                for (ShareAcknowledgeResponseData.PartitionData pd : topicResponse.partitions())
                    shown.put(pd.partitionIndex(), pd.errorCode() == 0 ? "ok" : Errors.forCode(pd.errorCode()).name());
            acks.clear();
            List<String> parts = new ArrayList<>();
            shown.forEach((p, outcome) -> parts.add("p" + p + "=" + outcome));
            return parts.isEmpty() ? "-" : String.join(" ", parts);
        }

        void leave() throws IOException {
            if (!inSession.isEmpty()) commit(ShareRequestMetadata.FINAL_EPOCH);
            memberEpoch = -1;
            heartbeat();
            wire.close();
        }
    }

    // Kafka's framing on a plain socket: int32 size, request header, request body; the same back.
    static final class Wire implements AutoCloseable {
        final Socket socket;
        final DataInputStream in;
        final DataOutputStream out;
        final String clientId;
        int correlationId = 0;

        Wire(String bootstrap, String clientId) throws IOException {
            String[] hostPort = bootstrap.split(",")[0].split(":");
            socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
            socket.setSoTimeout(60_000);
            in = new DataInputStream(socket.getInputStream());
            out = new DataOutputStream(socket.getOutputStream());
            this.clientId = clientId;
        }

        AbstractResponse send(AbstractRequest request) throws IOException {
            RequestHeader header = new RequestHeader(request.apiKey(), request.version(), clientId, ++correlationId);
            ByteBuffer bytes = request.serializeWithHeader(header);
            out.writeInt(bytes.remaining());
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            out.flush();
            byte[] answer = new byte[in.readInt()];
            in.readFully(answer);
            return AbstractResponse.parseResponse(ByteBuffer.wrap(answer), header);
        }

        public void close() throws IOException {
            socket.close();
        }
    }

    void share(String[] w) throws Exception {
        String member = w[1], group = w[2], topic = w[3];
        ShareMember m = new ShareMember(member, group, topic, options(w, 4));
        m.heartbeat();
        shareMembers.put(member, m);
        groupOf.put(member, group);
        topicOf.put(member, topic);
    }

    ShareMember shareMember(String name) {
        ShareMember m = shareMembers.get(name);
        if (m == null) throw new IllegalArgumentException("no share member " + name);
        return m;
    }

    // One ShareFetch that waits up to 5 s for records; repeated (bounded) only while the
    // share-partition is still loading and returns nothing.
    void poll(String member) throws Exception {
        ShareMember m = shareMember(member);
        checkAcknowledged(m);
        m.awaitAssignment();
        long deadline = System.currentTimeMillis() + POLL_BOUND_MS;
        while (System.currentTimeMillis() < deadline) {
            List<String> records = m.fetch(5_000);
            if (!records.isEmpty()) {
                say("poll " + member + ": " + String.join(" ", records));
                return;
            }
            m.heartbeat();
        }
        say("poll " + member + ": timeout");
    }

    // As KafkaShareConsumer in explicit mode: every record of the last poll is acknowledged, and
    // the acknowledgements are committed, before the next poll.
    static void checkAcknowledged(ShareMember m) {
        if (!m.held.isEmpty()) throw new IllegalStateException(m.name + " polls with records not acknowledged");
        if (!m.acks.isEmpty()) throw new IllegalStateException(m.name + " polls with acknowledgements not committed");
    }

    void pollNothing(String member, long ms) throws Exception {
        ShareMember m = shareMember(member);
        checkAcknowledged(m);
        m.awaitAssignment();
        List<String> records = m.fetch((int) ms);
        say("poll " + member + ": " + (records.isEmpty() ? "-" : String.join(" ", records)));
    }

    // ack <member> p<partition>@<offset> accept|release|reject|renew
    void ack(String member, String where, String type) {
        ShareMember m = shareMember(member);
        Long offset = m.held.remove(where);
        if (offset == null) throw new IllegalStateException(member + " holds no record " + where);
        int partition = Integer.parseInt(where.substring(1, where.indexOf('@')));
        TopicIdPartition tp = null;
        for (TopicIdPartition candidate : m.inSession) if (candidate.partition() == partition) tp = candidate;
        byte ackType = switch (type) {
            case "accept" -> 1; case "release" -> 2; case "reject" -> 3; case "renew" -> 4;
            default -> throw new IllegalArgumentException(type);
        };
        m.acks.computeIfAbsent(tp, k -> new ArrayList<>()).add(new ShareAcknowledgeRequestData.AcknowledgementBatch()
            .setFirstOffset(offset).setLastOffset(offset).setAcknowledgeTypes(List.of(ackType)));
    }

    void ackAll(String member, String type) {
        for (String where : new ArrayList<>(shareMember(member).held.keySet())) ack(member, where, type);
    }

    void commit(String member) throws IOException {
        ShareMember m = shareMember(member);
        say("commit " + member + ": " + m.commit(m.sessionEpoch));
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
            // The driver's members heartbeat only when it lets them.
            for (ShareMember m : shareMembers.values()) if (m.group.equals(group)) m.heartbeat();
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
        if (shareMembers.containsKey(member)) {
            try {
                shareMembers.remove(member).leave();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (consumers.containsKey(member)) consumers.remove(member).close();
    }

    void closeAll() {
        for (String member : new ArrayList<>(shareMembers.keySet())) close(member);
        for (String member : new ArrayList<>(consumers.keySet())) close(member);
        admin.close();
    }
}
