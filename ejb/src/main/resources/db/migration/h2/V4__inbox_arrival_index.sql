-- An inbox's steps sorted by arrival (GET /inboxes/{id}/steps?sort=arrived|oldest) read from an index.
create index ix_cw_step_inbox_arrival
       on cw_step (inbox_id, created_at, id);
