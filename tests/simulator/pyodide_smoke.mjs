// Loads Pyodide from node_modules, installs the kafkasim wheel given as argv[2] and runs a learner
// script through run_script; prints one JSON line with the result (used by test_pyodide.py).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { loadPyodide } from "pyodide";

const require = createRequire(import.meta.url);
const indexURL = dirname(require.resolve("pyodide/package.json"));
const pyodide = await loadPyodide({ indexURL });
pyodide.FS.writeFile("/tmp/kafkasim.whl", readFileSync(process.argv[2]));
const out = await pyodide.runPythonAsync(`
import json, sys, zipfile, site
zipfile.ZipFile("/tmp/kafkasim.whl").extractall(site.getsitepackages()[0])
from kafkasim import Cluster
cluster = Cluster(brokers=3, seed=0)
ok = cluster.run_script("""
from kafka import KafkaProducer, KafkaConsumer
from kafka.admin import KafkaAdminClient, NewTopic
KafkaAdminClient().create_topics([NewTopic('kurse', 3, 3)])
p = KafkaProducer(key_serializer=str.encode, value_serializer=str.encode)
for i in range(9):
    p.send('kurse', key=f'k{i}', value=f'v{i}')
p.flush()
c = KafkaConsumer('kurse', group_id='depot', auto_offset_reset='earliest', consumer_timeout_ms=5000,
                  value_deserializer=bytes.decode)
print(sorted(m.value for m in c))
""")
runaway = cluster.run_script("from kafka import KafkaConsumer\\nc = KafkaConsumer('kurse', group_id='x')\\n"
                             "while True:\\n    try:\\n        c.poll(1000)\\n    except:\\n        pass\\n",
                             time_budget_ms=20_000)
threads = cluster.run_script("import threading\\nthreading.Thread(target=print).start()\\n")
json.dumps({"version": sys.version_info[:2], "stdout": ok.stdout, "error": ok.error,
            "runaway_timed_out": runaway.timed_out, "snapshot_bytes": len(json.dumps(cluster.snapshot())),
            "threads_error": threads.error})
`);
console.log(out);
