"""kafka.errors classes carry errno, retriable and message as documented: a script can branch on
them without talking to a broker."""
from kafka import errors

for name in ("UnknownTopicOrPartitionError", "NotLeaderForPartitionError", "RequestTimedOutError",
             "TopicAlreadyExistsError", "InvalidPartitionsError", "InvalidReplicationFactorError",
             "NotEnoughReplicasError", "MessageSizeTooLargeError", "ProducerFencedError",
             "InvalidConfigurationError", "GroupIdNotFoundError", "NonEmptyGroupError",
             "RebalanceInProgressError", "OffsetOutOfRangeError"):
    cls = getattr(errors, name)
    print(name, cls.errno, cls.message, cls.retriable, cls.invalid_metadata,
          [c.__name__ for c in cls.__mro__[1:3]])
for name in ("KafkaTimeoutError", "KafkaConfigurationError", "IllegalStateError", "NoOffsetForPartitionError",
             "CommitFailedError", "KafkaConnectionError"):
    cls = getattr(errors, name)
    print(name, cls.retriable, [c.__name__ for c in cls.__mro__[1:3]])
print("for_code(3):", errors.for_code(3).__name__, "| for_code(-1):", errors.for_code(-1).__name__)
