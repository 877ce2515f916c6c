import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;

/** Prints name, type, default and validator of every broker setting named on stdin, one per line,
 * as Kafka 4.3.1's KafkaConfig defines them ("MISSING" when Kafka has no such setting). */
public class BrokerConfigDump {
    public static void main(String[] args) throws Exception {
        ConfigDef def = (ConfigDef) Class.forName("kafka.server.KafkaConfig").getMethod("configDef").invoke(null);
        Map<String, ConfigDef.ConfigKey> keys = def.configKeys();
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        for (String name; (name = in.readLine()) != null; ) {
            ConfigDef.ConfigKey key = keys.get(name.trim());
            System.out.println(name.trim() + "\t" + (key == null ? "MISSING"
                : key.type + "\t" + key.defaultValue + "\t" + key.validator));
        }
    }
}
