"""Producer ids and transactions: InitProducerId (22), AddPartitionsToTxn (24), AddOffsetsToTxn (25),
EndTxn (26), TxnOffsetCommit (28).

InitProducerId is what an idempotent producer asks first (a transactional one at its transaction
coordinator). AddPartitionsToTxn's `topics` are structs with `name` and `partitions` (indexes), its
`results` [(topic, [(partition, error code)])]; TxnOffsetCommit's `topics` are OffsetCommitTopic
structs (protocol/offsets.py), its response's `topics` [(topic, [(partition, error code)])], as
kafka-python reads them.
"""

from .api import request, response, struct

InitProducerIdRequest = request(22, "InitProducerId",
                                "transactional_id transaction_timeout_ms producer_id producer_epoch",
                                transaction_timeout_ms=60000, producer_id=-1, producer_epoch=-1)
InitProducerIdResponse = response(InitProducerIdRequest, "throttle_time_ms error_code producer_id producer_epoch",
                                  throttle_time_ms=0, error_code=0, producer_id=-1, producer_epoch=-1)

AddPartitionsToTxnRequest = request(24, "AddPartitionsToTxn", "transactional_id producer_id producer_epoch topics")
AddPartitionsToTxnTopic = struct("AddPartitionsToTxnTopic", "name partitions")
AddPartitionsToTxnResponse = response(AddPartitionsToTxnRequest, "throttle_time_ms error_code results",
                                      throttle_time_ms=0, error_code=0, results=())

AddOffsetsToTxnRequest = request(25, "AddOffsetsToTxn", "transactional_id producer_id producer_epoch group_id")
AddOffsetsToTxnResponse = response(AddOffsetsToTxnRequest, "throttle_time_ms error_code", throttle_time_ms=0,
                                   error_code=0)

EndTxnRequest = request(26, "EndTxn", "transactional_id producer_id producer_epoch committed")
EndTxnResponse = response(EndTxnRequest, "throttle_time_ms error_code", throttle_time_ms=0, error_code=0)

TxnOffsetCommitRequest = request(28, "TxnOffsetCommit",
                                 "transactional_id group_id producer_id producer_epoch generation_id member_id "
                                 "group_instance_id topics")
TxnOffsetCommitResponse = response(TxnOffsetCommitRequest, "throttle_time_ms topics", throttle_time_ms=0, topics=())
