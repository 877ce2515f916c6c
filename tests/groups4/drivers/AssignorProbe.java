// Runs Kafka 4.3.1's own server-side assignors (uniform, range, simple) on the cases read from
// stdin and prints their results, so that kafkasim's port can be compared with them on the same
// inputs (tests/groups4/test_assignors_vs_java.py). Also prints the hash codes the port relies on.
//
// Input, one case after another:
//   case <uniform|range|simple> <HOMOGENEOUS|HETEROGENEOUS>
//   topic <uuid> <partitions>
//   member <member id> <instance id|-> <topic uuid,topic uuid|-> <uuid=0,1;uuid=2|->
//   assignable <uuid=0,1;uuid=2>          (share groups: the initialized partitions; optional)
//   end
//   hash <uuid> <partition>                (prints Uuid.hashCode and TopicIdPartition.hashCode)
// Output per case: "case <n>", then "member <id> <uuid>=<p,p>;..." in the order the members were
// given (topics sorted by uuid, partitions sorted), or "error <exception class>".

import org.apache.kafka.common.Uuid;
import org.apache.kafka.coordinator.group.api.assignor.GroupAssignment;
import org.apache.kafka.coordinator.group.api.assignor.MemberAssignment;
import org.apache.kafka.coordinator.group.api.assignor.PartitionAssignor;
import org.apache.kafka.coordinator.group.api.assignor.SubscribedTopicDescriber;
import org.apache.kafka.coordinator.group.api.assignor.SubscriptionType;
import org.apache.kafka.coordinator.group.assignor.RangeAssignor;
import org.apache.kafka.coordinator.group.assignor.SimpleAssignor;
import org.apache.kafka.coordinator.group.assignor.UniformAssignor;
import org.apache.kafka.coordinator.group.modern.Assignment;
import org.apache.kafka.coordinator.group.modern.GroupSpecImpl;
import org.apache.kafka.coordinator.group.modern.MemberSubscriptionAndAssignmentImpl;
import org.apache.kafka.server.common.TopicIdPartition;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

public class AssignorProbe {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        int number = 0;
        String assignorName = null;
        SubscriptionType type = null;
        Map<Uuid, Integer> topics = new HashMap<>();
        List<String> order = new ArrayList<>();
        Map<String, MemberSubscriptionAndAssignmentImpl> members = new HashMap<>();
        Map<Uuid, Set<Integer>> assignable = null;
        String line;
        while ((line = in.readLine()) != null) {
            String[] w = line.trim().split("\\s+");
            switch (w[0]) {
                case "hash": {
                    Uuid id = Uuid.fromString(w[1]);
                    out.append("hash ").append(id.hashCode()).append(' ')
                        .append(new TopicIdPartition(id, Integer.parseInt(w[2])).hashCode()).append('\n');
                    break;
                }
                case "case":
                    assignorName = w[1];
                    type = SubscriptionType.valueOf(w[2]);
                    topics = new HashMap<>();
                    order = new ArrayList<>();
                    members = new HashMap<>();
                    assignable = null;
                    break;
                case "topic":
                    topics.put(Uuid.fromString(w[1]), Integer.parseInt(w[2]));
                    break;
                case "member": {
                    Set<Uuid> subscribed = new HashSet<>();
                    if (!w[3].equals("-")) for (String id : w[3].split(",")) subscribed.add(Uuid.fromString(id));
                    Optional<String> instance = w[2].equals("-") ? Optional.empty() : Optional.of(w[2]);
                    members.put(w[1], new MemberSubscriptionAndAssignmentImpl(Optional.empty(), instance, subscribed,
                        new Assignment(partitions(w[4]))));
                    order.add(w[1]);
                    break;
                }
                case "assignable":
                    assignable = partitions(w[1]);
                    break;
                case "end":
                    out.append("case ").append(++number).append('\n');
                    out.append(run(assignorName, type, topics, order, members, assignable));
                    break;
                default:
                    if (!w[0].isEmpty()) throw new IllegalArgumentException(line);
            }
        }
        System.out.print(out);
    }

    static Map<Uuid, Set<Integer>> partitions(String text) {
        Map<Uuid, Set<Integer>> result = new HashMap<>();
        if (text.equals("-")) return result;
        for (String topic : text.split(";")) {
            String[] parts = topic.split("=");
            List<Integer> numbers = new ArrayList<>();
            for (String p : parts[1].split(",")) numbers.add(Integer.parseInt(p));
            result.put(Uuid.fromString(parts[0]), new HashSet<>(numbers));
        }
        return result;
    }

    static String run(String name, SubscriptionType type, Map<Uuid, Integer> topics, List<String> order,
                      Map<String, MemberSubscriptionAndAssignmentImpl> members, Map<Uuid, Set<Integer>> assignable) {
        Map<Uuid, Map<Integer, String>> owners = new HashMap<>();
        members.forEach((memberId, member) -> member.partitions().forEach((topicId, partitions) -> {
            for (int p : partitions) owners.computeIfAbsent(topicId, k -> new HashMap<>()).put(p, memberId);
        }));
        PartitionAssignor assignor = name.equals("uniform") ? new UniformAssignor()
            : name.equals("range") ? new RangeAssignor() : new SimpleAssignor();
        SubscribedTopicDescriber describer = new SubscribedTopicDescriber() {
            public int numPartitions(Uuid topicId) {
                return topics.getOrDefault(topicId, -1);
            }
            public Set<String> racksForPartition(Uuid topicId, int partition) {
                return Set.of();
            }
        };
        try {
            GroupAssignment result = assignor.assign(
                new GroupSpecImpl(members, type, owners, Optional.ofNullable(assignable)), describer);
            StringBuilder out = new StringBuilder();
            for (String memberId : order) {
                MemberAssignment assignment = result.members().get(memberId);
                TreeMap<String, TreeSet<Integer>> sorted = new TreeMap<>();
                if (assignment != null) {
                    assignment.partitions().forEach((topicId, partitions) -> {
                        if (!partitions.isEmpty()) sorted.put(topicId.toString(), new TreeSet<>(partitions));
                    });
                }
                List<String> parts = new ArrayList<>();
                sorted.forEach((topicId, partitions) -> parts.add(topicId + "=" + partitions.toString().replace(" ", "").replace("[", "").replace("]", "")));
                out.append("member ").append(memberId).append(' ').append(parts.isEmpty() ? "-" : String.join(";", parts)).append('\n');
            }
            return out.toString();
        } catch (RuntimeException e) {
            return "error " + e.getClass().getSimpleName() + "\n";
        }
    }
}
