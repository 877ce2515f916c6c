"""NewTopic (kafka.admin.NewTopic)."""


class NewTopic:
    def __init__(self, name, num_partitions=-1, replication_factor=-1, replica_assignments=None,
                 topic_configs=None):
        self.name = name
        self.num_partitions = num_partitions
        self.replication_factor = replication_factor
        self.replica_assignments = replica_assignments or {}
        self.topic_configs = topic_configs or {}

    def __repr__(self):
        return (f"NewTopic(name={self.name!r}, num_partitions={self.num_partitions}, "
                f"replication_factor={self.replication_factor})")
