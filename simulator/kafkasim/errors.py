"""Kafka error classes with kafka-python 3.0's names, hierarchy and error codes.

The model raises these and `kafkasim.kafka.errors` re-exports them, so a learner's
`except kafka.errors.NotEnoughReplicasError` catches what the simulated broker reports.
Only the errors a course can meet are defined; `for_code` maps any other code to UnknownError.
"""

from __future__ import annotations


class KafkaError(Exception):
    retriable = False
    invalid_metadata = False

    def __str__(self) -> str:
        if not self.args:
            return self.__class__.__name__
        return f"{self.__class__.__name__}: {super().__str__()}"

    def __eq__(self, other) -> bool:
        return self.__class__ == other.__class__ and self.args == other.args

    __hash__ = Exception.__hash__


class RetriableError(KafkaError):
    retriable = True


class InvalidMetadataError(RetriableError):
    invalid_metadata = True


class Cancelled(RetriableError):
    pass


class CommitFailedError(KafkaError):
    def __init__(self, *args) -> None:
        super().__init__(*(args or (
            "Commit cannot be completed since the group has already"
            " rebalanced and assigned the partitions to another member.",)))


class IllegalArgumentError(KafkaError):
    pass


class IllegalStateError(KafkaError):
    pass


class KafkaConfigurationError(KafkaError):
    pass


class KafkaConnectionError(InvalidMetadataError):
    pass


class KafkaProtocolError(KafkaError):
    pass


class KafkaTimeoutError(RetriableError):
    pass


class MetadataEmptyBrokerList(RetriableError):
    pass


class NoOffsetForPartitionError(KafkaError):
    pass


class NodeNotReadyError(RetriableError):
    pass


class StaleMetadata(InvalidMetadataError):
    pass


class TooManyInFlightRequests(RetriableError):
    pass


class UnrecognizedBrokerVersion(KafkaError):
    pass


class UnsupportedCodecError(KafkaError):
    pass


class BrokerResponseError(KafkaError):
    errno: int | None = None
    message: str | None = None
    description: str | None = None

    def __str__(self) -> str:
        return f"[Error {self.errno}] {super().__str__()}"


class AuthorizationError(BrokerResponseError):
    pass


def _broker_error(name: str, errno: int, message: str, description: str, *bases: type) -> type:
    cls = type(name, bases + (BrokerResponseError,),
               {"errno": errno, "message": message, "description": description,
                "__module__": "kafka.errors"})
    globals()[name] = cls
    return cls


# (class name, error code, protocol name, extra bases) as in Kafka's protocol and kafka-python.
_BROKER_ERRORS = [
    ("NoError", 0, "NO_ERROR", "No error.", ()),
    ("UnknownError", -1, "UNKNOWN", "An unexpected server error.", ()),
    ("OffsetOutOfRangeError", 1, "OFFSET_OUT_OF_RANGE", "The requested offset is outside the log.", ()),
    ("CorruptRecordError", 2, "CORRUPT_MESSAGE", "The record failed its CRC check or is invalid.", ()),
    ("UnknownTopicOrPartitionError", 3, "UNKNOWN_TOPIC_OR_PARTITION",
     "This server does not host this topic-partition.", (InvalidMetadataError,)),
    ("InvalidFetchRequestError", 4, "INVALID_FETCH_SIZE", "The fetch size is invalid.", ()),
    ("LeaderNotAvailableError", 5, "LEADER_NOT_AVAILABLE",
     "There is no leader for this topic-partition.", (InvalidMetadataError,)),
    ("NotLeaderForPartitionError", 6, "NOT_LEADER_FOR_PARTITION",
     "This server is not the leader for that topic-partition.", (InvalidMetadataError,)),
    ("RequestTimedOutError", 7, "REQUEST_TIMED_OUT", "The request timed out.", (RetriableError,)),
    ("BrokerNotAvailableError", 8, "BROKER_NOT_AVAILABLE", "The broker is not available.", ()),
    ("ReplicaNotAvailableError", 9, "REPLICA_NOT_AVAILABLE",
     "The replica is not available for the requested topic-partition.", (InvalidMetadataError,)),
    ("MessageSizeTooLargeError", 10, "MESSAGE_SIZE_TOO_LARGE",
     "The request included a message larger than the max message size.", ()),
    ("NetworkExceptionError", 13, "NETWORK_EXCEPTION",
     "The server disconnected before a response was received.", (InvalidMetadataError,)),
    ("CoordinatorLoadInProgressError", 14, "COORDINATOR_LOAD_IN_PROGRESS",
     "The coordinator is loading and hence can't process requests.", (RetriableError,)),
    ("CoordinatorNotAvailableError", 15, "COORDINATOR_NOT_AVAILABLE",
     "The coordinator is not available.", (RetriableError,)),
    ("NotCoordinatorError", 16, "NOT_COORDINATOR", "This is not the correct coordinator.", (RetriableError,)),
    ("InvalidTopicError", 17, "INVALID_TOPIC", "The request attempted to perform an operation on an invalid topic.", ()),
    ("RecordListTooLargeError", 18, "RECORD_LIST_TOO_LARGE", "The record batch is larger than the segment size.", ()),
    ("NotEnoughReplicasError", 19, "NOT_ENOUGH_REPLICAS",
     "Messages are rejected since there are fewer in-sync replicas than required.", (RetriableError,)),
    ("NotEnoughReplicasAfterAppendError", 20, "NOT_ENOUGH_REPLICAS_AFTER_APPEND",
     "Messages are written to the log, but to fewer in-sync replicas than required.", (RetriableError,)),
    ("InvalidRequiredAcksError", 21, "INVALID_REQUIRED_ACKS", "Produce request specified an invalid value for required acks.", ()),
    ("IllegalGenerationError", 22, "ILLEGAL_GENERATION", "Specified group generation id is not valid.", ()),
    ("InconsistentGroupProtocolError", 23, "INCONSISTENT_GROUP_PROTOCOL",
     "The group member's supported protocols are incompatible with those of existing members.", ()),
    ("InvalidGroupIdError", 24, "INVALID_GROUP_ID", "The configured groupId is invalid.", ()),
    ("UnknownMemberIdError", 25, "UNKNOWN_MEMBER_ID", "The coordinator is not aware of this member.", ()),
    ("InvalidSessionTimeoutError", 26, "INVALID_SESSION_TIMEOUT", "The session timeout is not within the allowed range.", ()),
    ("RebalanceInProgressError", 27, "REBALANCE_IN_PROGRESS", "The group is rebalancing.", ()),
    ("InvalidCommitOffsetSizeError", 28, "INVALID_COMMIT_OFFSET_SIZE", "The committing offset data size is not valid.", ()),
    ("TopicAuthorizationFailedError", 29, "TOPIC_AUTHORIZATION_FAILED", "Topic authorization failed.", (AuthorizationError,)),
    ("GroupAuthorizationFailedError", 30, "GROUP_AUTHORIZATION_FAILED", "Group authorization failed.", (AuthorizationError,)),
    ("InvalidTimestampError", 32, "INVALID_TIMESTAMP", "The timestamp of the message is out of acceptable range.", ()),
    ("UnsupportedVersionError", 35, "UNSUPPORTED_VERSION", "The version of API is not supported.", ()),
    ("TopicAlreadyExistsError", 36, "TOPIC_ALREADY_EXISTS", "Topic with this name already exists.", ()),
    ("InvalidPartitionsError", 37, "INVALID_PARTITIONS", "Number of partitions is invalid.", ()),
    ("InvalidReplicationFactorError", 38, "INVALID_REPLICATION_FACTOR", "Replication-factor is invalid.", ()),
    ("InvalidReplicationAssignmentError", 39, "INVALID_REPLICATION_ASSIGNMENT", "Replication assignment is invalid.", ()),
    ("InvalidConfigurationError", 40, "INVALID_CONFIG", "Configuration is invalid.", ()),
    ("NotControllerError", 41, "NOT_CONTROLLER", "This is not the correct controller for this cluster.", (RetriableError,)),
    ("InvalidRequestError", 42, "INVALID_REQUEST", "This most likely occurs because of a request being malformed.", ()),
    ("PolicyViolationError", 44, "POLICY_VIOLATION", "Request parameters do not satisfy the configured policy.", ()),
    ("OutOfOrderSequenceNumberError", 45, "OUT_OF_ORDER_SEQUENCE_NUMBER", "The broker received an out of order sequence number.", ()),
    ("DuplicateSequenceNumberError", 46, "DUPLICATE_SEQUENCE_NUMBER", "The broker received a duplicate sequence number.", ()),
    ("InvalidProducerEpochError", 47, "INVALID_PRODUCER_EPOCH", "Producer attempted to produce with an old epoch.", ()),
    ("KafkaStorageError", 56, "KAFKA_STORAGE_ERROR", "Disk error when trying to access log file on the disk.", (InvalidMetadataError,)),
    ("UnknownProducerIdError", 59, "UNKNOWN_PRODUCER_ID", "The broker could not locate the producer metadata.", ()),
    ("NonEmptyGroupError", 68, "NON_EMPTY_GROUP", "The group is not empty.", ()),
    ("GroupIdNotFoundError", 69, "GROUP_ID_NOT_FOUND", "The group id does not exist.", ()),
    ("FencedLeaderEpochError", 74, "FENCED_LEADER_EPOCH", "The leader epoch in the request is older than the epoch on the broker.", (InvalidMetadataError,)),
    ("UnknownLeaderEpochError", 75, "UNKNOWN_LEADER_EPOCH", "The leader epoch in the request is newer than the epoch on the broker.", (InvalidMetadataError,)),
    ("MemberIdRequiredError", 79, "MEMBER_ID_REQUIRED", "The group member needs to have a valid member id.", ()),
    ("InvalidRecordError", 87, "INVALID_RECORD", "This record has failed the validation on broker and hence will be rejected.", ()),
]

# The rest of kafka-python 3.0.12's broker errors (names, codes, protocol names and bases; a base
# in quotes is defined above), so a
# script can import and catch them; the simulated brokers answer with few of them.
_BROKER_ERRORS += [
    ("CorruptRecordException", 2, "CORRUPT_MESSAGE", None, ()),
    ("StaleControllerEpochError", 11, "STALE_CONTROLLER_EPOCH", None, ()),
    ("OffsetMetadataTooLargeError", 12, "OFFSET_METADATA_TOO_LARGE", None, ()),
    ("ClusterAuthorizationFailedError", 31, "CLUSTER_AUTHORIZATION_FAILED", None, ("AuthorizationError",)),
    ("UnsupportedSaslMechanismError", 33, "UNSUPPORTED_SASL_MECHANISM", None, ()),
    ("IllegalSaslStateError", 34, "ILLEGAL_SASL_STATE", None, ()),
    ("IncompatibleBrokerVersion", 35, "UNSUPPORTED_VERSION", None, ("UnsupportedVersionError",)),
    ("UnsupportedForMessageFormatError", 43, "UNSUPPORTED_FOR_MESSAGE_FORMAT", None, ()),
    ("InvalidTxnStateError", 48, "INVALID_TXN_STATE", None, ()),
    ("InvalidProducerIdMappingError", 49, "INVALID_PRODUCER_ID_MAPPING", None, ()),
    ("InvalidTransactionTimeoutError", 50, "INVALID_TRANSACTION_TIMEOUT", None, ()),
    ("ConcurrentTransactionsError", 51, "CONCURRENT_TRANSACTIONS", None, ("RetriableError",)),
    ("TransactionCoordinatorFencedError", 52, "TRANSACTION_COORDINATOR_FENCED", None, ()),
    ("TransactionalIdAuthorizationFailedError", 53, "TRANSACTIONAL_ID_AUTHORIZATION_FAILED", None, ("AuthorizationError",)),
    ("SecurityDisabledError", 54, "SECURITY_DISABLED", None, ()),
    ("OperationNotAttemptedError", 55, "OPERATION_NOT_ATTEMPTED", None, ()),
    ("LogDirNotFoundError", 57, "LOG_DIR_NOT_FOUND", None, ()),
    ("SaslAuthenticationFailedError", 58, "SASL_AUTHENTICATION_FAILED", None, ()),
    ("ReassignmentInProgressError", 60, "REASSIGNMENT_IN_PROGRESS", None, ()),
    ("DelegationTokenAuthDisabledError", 61, "DELEGATION_TOKEN_AUTH_DISABLED", None, ()),
    ("DelegationTokenNotFoundError", 62, "DELEGATION_TOKEN_NOT_FOUND", None, ()),
    ("DelegationTokenOwnerMismatchError", 63, "DELEGATION_TOKEN_OWNER_MISMATCH", None, ()),
    ("DelegationTokenRequestNotAllowedError", 64, "DELEGATION_TOKEN_REQUEST_NOT_ALLOWED", None, ()),
    ("DelegationTokenAuthorizationFailedError", 65, "DELEGATION_TOKEN_AUTHORIZATION_FAILED", None, ("AuthorizationError",)),
    ("DelegationTokenExpiredError", 66, "DELEGATION_TOKEN_EXPIRED", None, ()),
    ("InvalidPrincipalTypeError", 67, "INVALID_PRINCIPAL_TYPE", None, ()),
    ("FetchSessionIdNotFoundError", 70, "FETCH_SESSION_ID_NOT_FOUND", None, ("RetriableError",)),
    ("InvalidFetchSessionEpochError", 71, "INVALID_FETCH_SESSION_EPOCH", None, ("RetriableError",)),
    ("ListenerNotFoundError", 72, "LISTENER_NOT_FOUND", None, ("InvalidMetadataError",)),
    ("TopicDeletionDisabledError", 73, "TOPIC_DELETION_DISABLED", None, ()),
    ("UnsupportedCompressionTypeError", 76, "UNSUPPORTED_COMPRESSION_TYPE", None, ()),
    ("StaleBrokerEpochError", 77, "STALE_BROKER_EPOCH", None, ()),
    ("OffsetNotAvailableError", 78, "OFFSET_NOT_AVAILABLE", None, ("RetriableError",)),
    ("PreferredLeaderNotAvailableError", 80, "PREFERRED_LEADER_NOT_AVAILABLE", None, ("InvalidMetadataError",)),
    ("GroupMaxSizeReachedError", 81, "GROUP_MAX_SIZE_REACHED", None, ()),
    ("FencedInstanceIdError", 82, "FENCED_INSTANCE_ID", None, ()),
    ("EligibleLeadersNotAvailableError", 83, "ELIGIBLE_LEADERS_NOT_AVAILABLE", None, ("InvalidMetadataError",)),
    ("ElectionNotNeededError", 84, "ELECTION_NOT_NEEDED", None, ("InvalidMetadataError",)),
    ("NoReassignmentInProgressError", 85, "NO_REASSIGNMENT_IN_PROGRESS", None, ()),
    ("GroupSubscribedToTopicError", 86, "GROUP_SUBSCRIBED_TO_TOPIC", None, ()),
    ("UnstableOffsetCommitError", 88, "UNSTABLE_OFFSET_COMMIT", None, ("RetriableError",)),
    ("ThrottlingQuotaExceededError", 89, "THROTTLING_QUOTA_EXCEEDED", None, ("RetriableError",)),
    ("ProducerFencedError", 90, "PRODUCER_FENCED", None, ()),
    ("ResourceNotFoundError", 91, "RESOURCE_NOT_FOUND", None, ()),
    ("DuplicateResourceError", 92, "DUPLICATE_RESOURCE", None, ()),
    ("UnacceptableCredentialError", 93, "UNACCEPTABLE_CREDENTIAL", None, ()),
    ("InconsistentVoterSetError", 94, "INCONSISTENT_VOTER_SET", None, ()),
    ("InvalidUpdateVersionError", 95, "INVALID_UPDATE_VERSION", None, ()),
    ("FeatureUpdateFailedError", 96, "FEATURE_UPDATE_FAILED", None, ()),
    ("PrincipalDeserializationFailureError", 97, "PRINCIPAL_DESERIALIZATION_FAILURE", None, ()),
    ("SnapshotNotFoundError", 98, "SNAPSHOT_NOT_FOUND", None, ()),
    ("PositionOutOfRangeError", 99, "POSITION_OUT_OF_RANGE", None, ()),
    ("UnknownTopicIdError", 100, "UNKNOWN_TOPIC_ID", None, ("InvalidMetadataError",)),
    ("DuplicateBrokerRegistrationError", 101, "DUPLICATE_BROKER_REGISTRATION", None, ()),
    ("BrokerIdNotRegisteredError", 102, "BROKER_ID_NOT_REGISTERED", None, ()),
    ("InconsistentTopicIdError", 103, "INCONSISTENT_TOPIC_ID", None, ("InvalidMetadataError",)),
    ("InconsistentClusterIdError", 104, "INCONSISTENT_CLUSTER_ID", None, ()),
    ("TransactionalIdNotFoundError", 105, "TRANSACTIONAL_ID_NOT_FOUND", None, ()),
    ("FetchSessionTopicIdError", 106, "FETCH_SESSION_TOPIC_ID_ERROR", None, ("RetriableError",)),
    ("IneligibleReplicaError", 107, "INELIGIBLE_REPLICA", None, ()),
    ("NewLeaderElectedError", 108, "NEW_LEADER_ELECTED", None, ()),
    ("OffsetMovedToTieredStorageError", 109, "OFFSET_MOVED_TO_TIERED_STORAGE", None, ()),
    ("FencedMemberEpochError", 110, "FENCED_MEMBER_EPOCH", None, ()),
    ("UnreleasedInstanceIdError", 111, "UNRELEASED_INSTANCE_ID", None, ()),
    ("UnsupportedAssignorError", 112, "UNSUPPORTED_ASSIGNOR", None, ()),
    ("StaleMemberEpochError", 113, "STALE_MEMBER_EPOCH", None, ()),
    ("MismatchedEndpointTypeError", 114, "MISMATCHED_ENDPOINT_TYPE", None, ()),
    ("UnsupportedEndpointTypeError", 115, "UNSUPPORTED_ENDPOINT_TYPE", None, ()),
    ("UnknownControllerIdError", 116, "UNKNOWN_CONTROLLER_ID", None, ()),
    ("UnknownSubscriptionIdError", 117, "UNKNOWN_SUBSCRIPTION_ID", None, ()),
    ("TelemetryTooLargeError", 118, "TELEMETRY_TOO_LARGE", None, ()),
    ("InvalidRegistrationError", 119, "INVALID_REGISTRATION", None, ()),
    ("TransactionAbortableError", 120, "TRANSACTION_ABORTABLE", None, ()),
    ("InvalidRecordStateError", 121, "INVALID_RECORD_STATE", None, ()),
    ("ShareSessionNotFoundError", 122, "SHARE_SESSION_NOT_FOUND", None, ("RetriableError",)),
    ("InvalidShareSessionEpochError", 123, "INVALID_SHARE_SESSION_EPOCH", None, ("RetriableError",)),
    ("FencedStateEpochError", 124, "FENCED_STATE_EPOCH", None, ()),
    ("InvalidVoterKeyError", 125, "INVALID_VOTER_KEY", None, ()),
    ("DuplicateVoterError", 126, "DUPLICATE_VOTER", None, ()),
    ("VoterNotFoundError", 127, "VOTER_NOT_FOUND", None, ()),
]

for _name, _errno, _message, _description, _bases in _BROKER_ERRORS:
    # a base named as a string is a broker error defined earlier in the list
    _broker_error(_name, _errno, _message, _description,
                  *(globals()[base] if isinstance(base, str) else base for base in _bases))


class CorrelationIdError(RetriableError, KafkaProtocolError):
    pass


class InvalidReceiveError(KafkaProtocolError):
    pass


class LogTruncationError(KafkaError):
    pass


class UnknownBrokerIdError(KafkaError):
    pass


class QuotaViolationError(KafkaError):
    pass


class TransactionAbortedError(KafkaError):
    """Raised on undrained batches when a transaction is aborted with no underlying cause (KIP-654);
    the producer stays usable for the next transaction."""
    message = "Failing batch since transaction was aborted"


# Tracebacks in a learner's script name the classes as kafka-python does: kafka.errors.X.
for _cls in list(globals().values()):
    if isinstance(_cls, type) and issubclass(_cls, KafkaError):
        _cls.__module__ = "kafka.errors"

kafka_errors: dict[int, type] = {}
for _cls in list(globals().values()):     # the first class with a code keeps it (code 2: CorruptRecordError)
    if isinstance(_cls, type) and issubclass(_cls, BrokerResponseError) and _cls.errno is not None:
        kafka_errors.setdefault(_cls.errno, _cls)


def for_code(error_code: int) -> type:
    return kafka_errors.get(error_code, globals()["UnknownError"])
