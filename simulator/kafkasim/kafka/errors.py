"""kafka.errors: the simulated broker raises exactly these classes (see kafkasim.errors)."""

from ..errors import *  # noqa: F401,F403 - the facade re-exports the model's error classes
from ..errors import BrokerResponseError, KafkaError, for_code, kafka_errors  # noqa: F401
from .. import errors as _errors

globals().update({name: value for name, value in vars(_errors).items()
                  if isinstance(value, type) and issubclass(value, Exception)})
