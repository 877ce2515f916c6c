"""The German hints for serializer mistakes say what kafka-python 3.0.12 really does with a plain
function as key_serializer/value_serializer: it wraps it in a SerializeWrapper with a
DeprecationWarning, and the wrapper calls it with None, too; DefaultSerializer passes None through."""

from __future__ import annotations

import warnings

import kafka
from kafka.serializer import DefaultSerializer, SerializeWrapper
import pytest

from kafkasim import Cluster

WARNING = "value_serializer does not implement kafka.serializer.Serializer"


def test_kafka_python_wraps_a_plain_function_with_a_deprecation_warning():
    assert kafka.__version__ == "3.0.12"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        producer = kafka.KafkaProducer(bootstrap_servers="127.0.0.1:9", value_serializer=str.encode,
                                       api_version=(4, 0))
    try:
        assert [(w.category, str(w.message)) for w in caught] == [(DeprecationWarning, WARNING)]
        assert isinstance(producer.config["value_serializer"], SerializeWrapper)
    finally:
        producer.close(timeout=0)
    with pytest.raises(TypeError):  # the wrapper hands None to str.encode
        SerializeWrapper(str.encode).serialize("aktienkurse", [], None)
    assert DefaultSerializer().serialize("aktienkurse", [], None) is None


def explanation(script: str) -> str:
    result = Cluster(brokers=1, seed=0).run_script(script)
    assert result.error, result.stdout
    return result.error.split("\n\n")[0]


def test_a_plain_function_called_with_none_is_explained():
    text = explanation("from kafka import KafkaProducer\n"
                       "KafkaProducer(key_serializer=str.encode).send('aktienkurse', b'231.50')\n")
    for fact in ("SerializeWrapper", "DeprecationWarning", "auch mit None", "DefaultSerializer()", "None unverändert"):
        assert fact in text, text


def test_a_missing_serializer_recommends_a_serializer_not_a_deprecated_function():
    text = explanation("from kafka import KafkaProducer\nKafkaProducer().send('aktienkurse', '231.50')\n")
    assert "value_serializer=DefaultSerializer()" in text and "value_serializer=str.encode" not in text, text
    assert "SerializeWrapper" in text and "DeprecationWarning" in text, text
