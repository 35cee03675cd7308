-- The council-workflow files held for their predecessor (hub_held_council_file) and the Emergency
-- Duty Team escalation (cw_council, cw_council_edt_setting, cw_step). The check constraints of the
-- enum columns cw_worker.role and cw_step.type (new values EDT_VIRTUAL_WORKER, EDT_ESCALATION) are
-- kept in step with the enums at start-up by casework EnumColumnChecks.
alter table if exists cw_council
       add column edt_escalation boolean;

alter table if exists cw_council
       add column edt_flagged_patterns boolean;

create table cw_council_edt_setting (
        la_code varchar(10) not null,
        care_setting varchar(20) not null,
        plan_type varchar(8) not null check (plan_type in ('CPP','LAC','UCPP')),
        position integer not null,
        primary key (la_code, position)
    );

alter table if exists cw_step
       add column escalated_from_step_id bigint;

alter table if exists cw_step
       add column escalation_reason varchar(400);

create table hub_held_council_file (
        id varchar(40) not null,
        file_sequence integer not null,
        held_at timestamp(6) with time zone not null,
        la_code varchar(10) not null,
        payload varchar(1000000) not null,
        waited_for integer not null,
        primary key (id)
    );

alter table if exists cw_council_edt_setting
       add constraint FK3n0s9e5jtp1m6m703uv2yyqox
       foreign key (la_code)
       references cw_council;
