"""German explanations for the errors learners run into most."""

from __future__ import annotations

from .. import errors


# Errors whose explanation depends on the class alone; the first class the exception is an
# instance of wins.
_BY_CLASS: tuple[tuple[type, str], ...] = (
    (errors.NotEnoughReplicasError,
     "Der Leader nimmt mit acks=all nichts an, weil weniger Replikate in der ISR sind als "
     "min.insync.replicas verlangt. Starten Sie ausgefallene Broker neu oder senken Sie min.insync.replicas."),
    (errors.NotEnoughReplicasAfterAppendError,
     "Die Datensätze stehen im Log des Leaders, aber die ISR ist währenddessen unter "
     "min.insync.replicas geschrumpft; der Producer bekommt deshalb keine Bestätigung."),
    (errors.TopicAlreadyExistsError,
     "Dieses Topic gibt es schon. Wählen Sie einen anderen Namen oder löschen Sie das alte Topic zuerst."),
    (errors.InvalidReplicationFactorError,
     "Der Replikationsfaktor ist größer als die Zahl der laufenden Broker (oder kleiner als 1). "
     "Jede Kopie einer Partition braucht einen eigenen Broker."),
    (errors.InvalidPartitionsError,
     "Ein Topic braucht mindestens eine Partition."),
    (errors.UnknownTopicOrPartitionError,
     "Dieses Topic (oder diese Partition) gibt es im Cluster nicht."),
    (errors.InvalidTopicError,
     "Topic-Namen dürfen nur aus Buchstaben, Ziffern, '.', '_' und '-' bestehen (höchstens 249 Zeichen)."),
    (errors.CommitFailedError,
     "Der Commit kam zu spät: die Consumer-Gruppe hat inzwischen neu verteilt, die Partition "
     "gehört jetzt einem anderen Mitglied."),
    (errors.NoOffsetForPartitionError,
     "Für diese Partition gibt es keinen committeten Offset, und auto_offset_reset='none' verbietet "
     "das Raten. Nehmen Sie 'earliest' (von vorn) oder 'latest' (nur Neues)."),
    (errors.RebalanceInProgressError,
     "Die Consumer-Gruppe verteilt gerade die Partitionen neu. Erst weiter pollen (poll()), dann "
     "den Commit wiederholen."),
    (errors.KafkaConfigurationError,
     "Die Konfiguration des Clients passt nicht zusammen (siehe Meldung)."),
)


# What kafka-python 3.0.12 does with a plain function as a serializer (KafkaProducer.__init__).
_PLAIN_CALLABLE = ("Eine einfache Funktion wie str.encode geht auch, doch kafka-python 3.0.12 verpackt sie in "
                   "einen SerializeWrapper und meldet dabei eine DeprecationWarning („… does not implement "
                   "kafka.serializer.Serializer“), und sie wird auch mit None aufgerufen.")


def explain(exc: BaseException) -> str:
    msg = str(exc.args[0]) if exc.args else ""
    name = type(exc).__name__
    if isinstance(exc, TypeError) and "Unsupported type for serialized" in msg:
        key = "serialized key" in msg
        which = "Schlüssel" if key else "Wert"
        param = "key_serializer" if key else "value_serializer"
        kind = msg.rsplit("'", 2)[-2] if "'" in msg else "?"
        return (f"Kafka speichert nur Bytes. Der {which} ist vom Typ {kind}, und der Producer hat keinen "
                f"{param}, der ihn in Bytes verwandelt. Lösung: KafkaProducer({param}=DefaultSerializer()) "
                f"für Text oder {param}=JsonSerializer() für Python-Werte (beide: from kafka import …), oder "
                f"Bytes senden (z. B. 'text'.encode('utf-8')). {_PLAIN_CALLABLE}")
    if isinstance(exc, (TypeError, AttributeError)) and "NoneType" in msg and "encode" in msg:
        return ("Ein Serializer wurde mit None aufgerufen: Eine einfache Funktion wie str.encode als "
                "key_serializer oder value_serializer verpackt kafka-python 3.0.12 in einen SerializeWrapper "
                "(und meldet dabei eine DeprecationWarning), und der ruft sie auch mit None auf – für Datensätze "
                "ohne Schlüssel und für Tombstones. str.encode kann das nicht. Nehmen Sie DefaultSerializer() "
                "(from kafka import DefaultSerializer): Er reicht None unverändert durch.")
    if "Unrecognized configs" in msg:
        return ("Der Client kennt mindestens eine der übergebenen Einstellungen nicht – ein Tippfehler? "
                "Die Namen schreibt kafka-python mit Unterstrichen, z. B. bootstrap_servers, value_serializer, "
                "group_id, auto_offset_reset.")
    if isinstance(exc, ValueError) and msg == "Need at least one: key or value":
        return "send() braucht einen Schlüssel (key) oder einen Wert (value) – hier sind beide None."
    if isinstance(exc, ImportError) and "NoBrokersAvailable" in msg:
        return ("NoBrokersAvailable gibt es in kafka-python 3 nicht mehr. Ist kein Broker erreichbar, "
                "werfen die Clients nach bootstrap_timeout_ms einen KafkaTimeoutError – fangen Sie den ab.")
    if isinstance(exc, errors.IllegalStateError) and "group_id" in msg:
        return ("Offsets committen kann nur ein Consumer mit Consumer-Gruppe: setzen Sie group_id=… beim "
                "KafkaConsumer.")
    if isinstance(exc, errors.IllegalStateError) and "closed" in msg:
        return "Der Client wurde schon mit close() geschlossen und kann nicht mehr benutzt werden."
    for cls, explanation in _BY_CLASS:
        if isinstance(exc, cls):
            return explanation
    if isinstance(exc, errors.KafkaTimeoutError) and "Unable to bootstrap" in msg:
        return ("Kein Broker erreichbar: der Client hat bootstrap_timeout_ms (30 s) lang vergeblich eine "
                "Verbindung gesucht. Im Simulator laufen gerade alle Broker nicht – starten Sie einen neu.")
    if isinstance(exc, errors.KafkaTimeoutError):
        return ("Zeitüberschreitung: der Cluster hat nicht rechtzeitig geantwortet (z. B. weil kein Leader "
                "erreichbar war).")
    if isinstance(exc, errors.KafkaError):
        return f"Kafka meldet einen Fehler ({name})."
    if isinstance(exc, EOFError):
        return ("input() kann im Simulator nichts lesen: hinter dem Skript steht keine Tastatur. Schreiben Sie "
                "den Wert direkt ins Skript, z. B. symbol = \"SAP\" statt symbol = input(…).")
    if isinstance(exc, SyntaxError):
        return f"Das Skript enthält einen Syntaxfehler in Zeile {exc.lineno}."
    if isinstance(exc, NameError):
        return "Ein Name ist nicht definiert – fehlt ein import oder ist er falsch geschrieben?"
    if isinstance(exc, ModuleNotFoundError):
        return f"Das Modul {exc.name!r} gibt es hier nicht; im Simulator stehen kafka und die Standardbibliothek bereit."
    return f"Das Skript ist mit einem Fehler abgebrochen ({name})."
