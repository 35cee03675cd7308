-- Rows a live database had at version 1, for SchemaMigrationsTest's upgrade (one statement per
-- line; standard SQL both databases take). A later Vn.sql is added after migrating to version n.
insert into hub_local_authority (ods_code, name, office_hours_phone, emergency_duty_phone) values ('E09000033', 'Westminster', '020 7641 6000', '020 7641 6001');
insert into dem_person (nhs_number, given_name, family_name, birth_date, sensitive, superseded_by) values ('9990000018', 'Ada', 'Lovelace', DATE '2019-12-10', false, null);
insert into cw_worker (id, la_code, name, role, team_name, username) values (1, 'E09000033', 'Sam Jones', 'SOCIAL_WORKER', 'Family Support', 'sjones');
insert into hl7_received_message (id, sending_application, sending_facility, control_id, content_digest, message_type, received_at, ack_code, message, answer) values ('old', 'EDIS', 'RRV', 'MSG-1', 'd1', 'ADT^A04', TIMESTAMP WITH TIME ZONE '2026-01-10 09:00:00+00:00', 'AA', 'MSH|^~\&|EDIS|RRV', 'MSA|AA|MSG-1');
insert into hl7_received_message (id, sending_application, sending_facility, control_id, content_digest, message_type, received_at, ack_code, message, answer) values ('recent', 'EDIS', 'RRV', 'MSG-2', 'd2', 'ADT^A04', TIMESTAMP WITH TIME ZONE '2026-11-30 09:00:00+00:00', 'AA', 'MSH|^~\&|EDIS|RRV', 'MSA|AA|MSG-2');
