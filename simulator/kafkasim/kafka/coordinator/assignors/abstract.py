"""kafka.coordinator.assignors.abstract"""

from ....clients.coordinator.assignors.abstract import (  # noqa: F401
    AbstractPartitionAssignor, ConsumerProtocolAssignment, ConsumerProtocolSubscription, RebalanceProtocol)
