"""kafka.consumer.subscription_state"""

from ...clients.consumer.subscription_state import (  # noqa: F401
    AsyncConsumerRebalanceListener, ConsumerRebalanceListener, SubscriptionState, TopicPartitionState)
