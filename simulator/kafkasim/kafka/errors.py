"""kafka.errors: the error classes the simulated brokers' error codes map to."""

from ..clients.errors import *  # noqa: F401,F403
from ..clients.errors import BrokerResponseError, KafkaError, for_code, kafka_errors  # noqa: F401
from ..clients import errors as _errors

globals().update({name: value for name, value in vars(_errors).items()
                  if isinstance(value, type) and issubclass(value, Exception)})
