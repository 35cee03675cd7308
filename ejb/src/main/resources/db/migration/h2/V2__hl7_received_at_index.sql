-- The HL7 message retention purge deletes the messages received before a cut-off
-- (Hl7Store.forgetMessagesBefore): without an index on received_at it reads the whole table, the
-- messages' text with it, every night.
create index ix_hl7_received_at on hl7_received_message (received_at);
