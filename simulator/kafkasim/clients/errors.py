"""kafka.errors for the clients: the same classes the brokers' error codes map to."""

from ..errors import *  # noqa: F401,F403
from ..errors import BrokerResponseError, KafkaError, for_code, kafka_errors  # noqa: F401
from .. import errors as _errors

globals().update({name: value for name, value in vars(_errors).items()
                  if isinstance(value, type) and issubclass(value, Exception)})
