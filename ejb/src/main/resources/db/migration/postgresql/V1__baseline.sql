-- The schema as Hibernate's hbm2ddl built it from the entities at commit fd10943, the last
-- before the migrations (drafted by MigrationDraft on an empty database). A database hbm2ddl built
-- then, with no flyway_schema_history, is taken to be at this version (baselineOnMigrate).
create table audit_chain_head (
        id integer not null,
        anchor_hash varchar(64) not null,
        first_seq bigint not null,
        last_hash varchar(64) not null,
        last_seq bigint not null,
        primary key (id)
    );

create table audit_entry (
        seq bigint not null,
        at timestamp(6) with time zone not null,
        channel varchar(10) not null,
        claimed_org varchar(40),
        claimed_user varchar(40),
        hash varchar(64) not null,
        operation varchar(80) not null,
        outcome varchar(80) not null,
        prev_hash varchar(64) not null,
        principal varchar(300),
        request varchar(200),
        subject varchar(200),
        primary key (seq)
    );

create table cw_access_notice (
        notification_id varchar(60) not null,
        accessed_at timestamp(6) with time zone not null,
        birth_date date,
        care_setting varchar(20),
        family_name varchar(100),
        given_name varchar(100),
        job_role varchar(120),
        la_code varchar(10) not null,
        local_child_id varchar(40),
        nhs_number varchar(10) not null,
        org_name varchar(160),
        org_ods_code varchar(10),
        received_at timestamp(6) with time zone not null,
        viewer_name varchar(200),
        primary key (notification_id)
    );

create table cw_bulk_load (
        id bigint not null,
        applied integer not null,
        execution_id bigint,
        finished_at timestamp(6) with time zone,
        la_code varchar(10) not null,
        rejected integer not null,
        row_count integer not null,
        started_at timestamp(6) with time zone,
        status varchar(12) not null check (status in ('STARTED','COMPLETED','FAILED','STOPPED')),
        submitted_at timestamp(6) with time zone not null,
        submitted_by varchar(80) not null,
        unchanged integer not null,
        primary key (id)
    );

create table cw_bulk_load_file (
        loadId bigint not null,
        content text not null,
        primary key (loadId)
    );

create table cw_bulk_load_row (
        id bigint not null,
        line_number bigint not null,
        load_id bigint not null,
        nhs_number varchar(16),
        outcome varchar(10) not null check (outcome in ('APPLIED','UNCHANGED','REJECTED')),
        person_id varchar(40),
        reason varchar(200),
        primary key (id)
    );

create table cw_case_note (
        id bigint not null,
        contact_method varchar(12) not null check (contact_method in ('TELEPHONE','VISIT')),
        created_at timestamp(6) with time zone not null,
        decision varchar(20) not null check (decision in ('ACT','NO_FURTHER_ACTION')),
        la_code varchar(10) not null,
        reason varchar(2000) not null,
        note_type varchar(60) not null,
        author_id bigint not null,
        child_id bigint not null,
        primary key (id)
    );

create table cw_child (
        id bigint not null,
        birth_date date,
        cpis_detail varchar(600),
        cpis_since timestamp(6) with time zone,
        cpis_state varchar(12) check (cpis_state in ('NOT_SHARED','PENDING','SHARED','FAILED','REMOVED')),
        cpis_visible_until date,
        expected_delivery date,
        family_name varchar(100) not null,
        given_name varchar(100) not null,
        involvement varchar(20) not null check (involvement in ('OPEN_SOCIAL_CARE','OPEN_EARLY_HELP','CLOSED')),
        involvement_since date,
        la_code varchar(10) not null,
        la_person_id varchar(40) not null,
        nhs_number varchar(10),
        unborn boolean not null,
        allocatedWorker_id bigint,
        mother_id bigint,
        primary key (id)
    );

create table cw_clipboard (
        id bigint not null,
        body varchar(1000) not null,
        completed_at timestamp(6) with time zone,
        created_at timestamp(6) with time zone not null,
        la_code varchar(10) not null,
        source_step_id bigint not null,
        subject varchar(120) not null,
        caseNote_id bigint,
        child_id bigint not null,
        recipient_id bigint not null,
        visit_id bigint,
        primary key (id)
    );

create table cw_council (
        la_code varchar(10) not null,
        emergency_duty_phone varchar(40) not null,
        name varchar(120) not null,
        office_hours_phone varchar(40),
        pattern_accesses_30d integer,
        pattern_organisations_7d integer,
        primary key (la_code)
    );

create table cw_outbox (
        id varchar(30) not null,
        answered_at timestamp(6) with time zone,
        child_id bigint not null,
        file_code varchar(5),
        file_sequence integer not null,
        la_code varchar(10) not null,
        payload varchar(1000000) not null,
        sent_at timestamp(6) with time zone not null,
        primary key (id)
    );

create table cw_outbox_sequence (
        la_code varchar(10) not null,
        last_sequence integer not null,
        primary key (la_code)
    );

create table cw_plan (
        id bigint not null,
        end_date date,
        kind varchar(24) not null check (kind in ('CHILD_PROTECTION_PLAN','CARE_EPISODE')),
        legal_status varchar(20) check (legal_status in ('S31','S38','S20','PLACEMENT_ORDER','REMAND','POLICE_PROTECTION','SHORT_BREAKS')),
        pre_birth boolean not null,
        recorded_at timestamp(6) with time zone not null,
        removed_on date,
        start_date date not null,
        child_id bigint not null,
        primary key (id)
    );

create table cw_step (
        id bigint not null,
        completed_at timestamp(6) with time zone,
        created_at timestamp(6) with time zone not null,
        due_at timestamp(6) with time zone not null,
        la_code varchar(10) not null,
        accesses_30d integer,
        accesses_7d integer,
        accesses_90d integer,
        pattern_flagged boolean,
        organisations_30d integer,
        organisations_7d integer,
        organisations_90d integer,
        pattern_reason varchar(200),
        source_key varchar(90),
        status varchar(12) not null check (status in ('INCOMING','STARTED','COMPLETED')),
        summary varchar(2000),
        type varchar(24) not null check (type in ('CPIS_FOLLOW_UP','SCREENING_REQUIRED','CP_CIC_VISIT','CPIS_FAILURE')),
        version bigint not null,
        caseNote_id bigint,
        child_id bigint,
        inbox_id bigint not null,
        notice_notification_id varchar(60),
        primary key (id)
    );

create table cw_step_event (
        step_id bigint not null,
        actor varchar(120),
        at timestamp(6) with time zone not null,
        what varchar(300) not null,
        position integer not null,
        primary key (step_id, position)
    );

create table cw_step_next_action (
        step_id bigint not null,
        action varchar(120),
        position integer not null,
        primary key (step_id, position)
    );

create table cw_worker (
        id bigint not null,
        la_code varchar(10) not null,
        name varchar(120) not null,
        role varchar(40) not null check (role in ('CPIS_VIRTUAL_WORKER','SCREENING_VIRTUAL_WORKER','DATA_QUALITY_VIRTUAL_WORKER','SOCIAL_WORKER','EARLY_HELP_WORKER','ADMIN_OFFICER','PERFORMANCE_OFFICER')),
        team_name varchar(120),
        username varchar(80),
        primary key (id)
    );

create table dem_person (
        nhs_number varchar(10) not null,
        birth_date date not null,
        family_name varchar(100) not null,
        given_name varchar(100) not null,
        sensitive boolean not null,
        superseded_by varchar(10),
        primary key (nhs_number)
    );

create table hl7_attendance (
        id varchar(64) not null,
        access_event_id varchar(36),
        facility varchar(20) not null,
        first_seen_at timestamp(6) with time zone not null,
        messages integer not null,
        nhs_number varchar(10),
        status varchar(20) not null check (status in ('UNMATCHED','NOT_FOUND','ACCESS_RECORDED')),
        updated_at timestamp(6) with time zone not null,
        visit_number varchar(200) not null,
        primary key (id)
    );

create table hl7_received_message (
        id varchar(64) not null,
        ack_code varchar(2),
        answer varchar(200000),
        control_id varchar(200),
        content_digest varchar(64),
        message varchar(200000),
        message_type varchar(20),
        received_at timestamp(6) with time zone not null,
        sending_application varchar(200),
        sending_facility varchar(200),
        primary key (id)
    );

create table hub_access_event (
        id varchar(36) not null,
        accessed_at timestamp(6) with time zone not null,
        care_setting varchar(20),
        channel varchar(10) not null,
        la_codes varchar(400) not null,
        nhs_number varchar(10) not null,
        queried_at timestamp(6) with time zone,
        query_event_id varchar(80),
        viewer_family varchar(200),
        viewer_given1 varchar(100),
        viewer_given2 varchar(100),
        viewer_given3 varchar(100),
        viewer_given4 varchar(100),
        viewer_given5 varchar(100),
        job_role_code varchar(20),
        job_role_name varchar(120),
        viewer_name varchar(200),
        viewer_prefix varchar(40),
        viewer_suffix varchar(40),
        org_name varchar(160),
        org_ods_code varchar(10),
        sds_role_profile_id varchar(20),
        sds_user_id varchar(20),
        system_asid varchar(20),
        primary key (id)
    );

create table hub_local_authority (
        ods_code varchar(10) not null,
        emergency_duty_phone varchar(40),
        name varchar(120) not null,
        office_hours_phone varchar(40),
        primary key (ods_code)
    );

create table hub_shared_record (
        id bigint not null,
        birth_date date,
        delete_date date,
        emergency_duty_phone varchar(40),
        end_date date,
        family_name varchar(100),
        file_sequence integer,
        given_name varchar(100),
        la_code varchar(10) not null,
        local_child_id varchar(40) not null,
        nhs_number varchar(10) not null,
        office_hours_phone varchar(40),
        plan_type varchar(8) not null check (plan_type in ('CPP','LAC','UCPP')),
        start_date date not null,
        subject_kind varchar(8) not null check (subject_kind in ('CHILD','UNBORN')),
        updated_at timestamp(6) with time zone not null,
        version bigint not null,
        primary key (id)
    );

create table hub_upload_outcome (
        submission_id bigint not null,
        code varchar(5) not null check (code in ('CPR01','CPR02','CPR03','CPR04','CPR05','CPR06','CPR07')),
        detail varchar(400),
        field varchar(80),
        local_child_id varchar(40),
        seq integer not null
    );

create table hub_upload_stream (
        id varchar(60) not null,
        la_code varchar(10) not null,
        last_file_sequence integer,
        sender varchar(40) not null,
        primary key (id)
    );

create table hub_upload_submission (
        id bigint not null,
        content_digest varchar(64),
        declared_count integer,
        detail varchar(400),
        file_code varchar(5) not null check (file_code in ('CPF01','CPF02','CPF03','CPF04','CPF05')),
        file_sequence integer,
        la_code varchar(10),
        received_at timestamp(6) with time zone not null,
        received_count integer not null,
        sending_asid varchar(40),
        sender varchar(40),
        primary key (id)
    );

create table msg_outbox (
        seq bigint not null,
        body varchar(1000000) not null,
        created_at timestamp(6) with time zone not null,
        destination varchar(100) not null,
        properties varchar(4000) not null,
        primary key (seq)
    );

create table ntf_issued (
        id varchar(60) not null,
        created_at timestamp(6) with time zone not null,
        la_code varchar(10) not null,
        payload varchar(1000000) not null,
        type varchar(24) not null check (type in ('ACCESS_TO_SERVICE','INACTIVE_NHS_NUMBER','RECORD_FAILURE','ACKNOWLEDGEMENT')),
        primary key (id)
    );

create index audit_entry_subject
       on audit_entry (subject);

create index audit_entry_principal
       on audit_entry (principal);

create index audit_entry_at
       on audit_entry (at);

create index ix_cw_notice_child
       on cw_access_notice (la_code, nhs_number, accessed_at);

create index ix_cw_bulk_load_la
       on cw_bulk_load (la_code);

create index ix_cw_bulk_load_row
       on cw_bulk_load_row (load_id, line_number);

create index ix_cw_child_nhs
       on cw_child (la_code, nhs_number);

alter table if exists cw_child
       drop constraint if exists uk_cw_child_person;

alter table if exists cw_child
       add constraint uk_cw_child_person unique (la_code, la_person_id);

create index ix_cw_outbox_child
       on cw_outbox (child_id);

create index ix_cw_step_inbox
       on cw_step (inbox_id, status);

create index ix_cw_step_inbox_order
       on cw_step (inbox_id, pattern_flagged, due_at, id);

alter table if exists cw_step
       drop constraint if exists uk_cw_step_source;

alter table if exists cw_step
       add constraint uk_cw_step_source unique (source_key);

alter table if exists cw_worker
       drop constraint if exists uk_cw_worker_username;

alter table if exists cw_worker
       add constraint uk_cw_worker_username unique (username);

create index ix_dem_person_superseded_by
       on dem_person (superseded_by);

alter table if exists hl7_attendance
       drop constraint if exists uk_hl7_attendance_visit;

alter table if exists hl7_attendance
       add constraint uk_hl7_attendance_visit unique (facility, visit_number);

create index ix_hub_access_nhs_time
       on hub_access_event (nhs_number, accessed_at);

create index ix_hub_record_nhs
       on hub_shared_record (nhs_number);

alter table if exists hub_shared_record
       drop constraint if exists uk_hub_record_key;

alter table if exists hub_shared_record
       add constraint uk_hub_record_key unique (la_code, nhs_number, plan_type, local_child_id);

create index ix_hub_upload_la_seq
       on hub_upload_submission (la_code, file_sequence);

create index ix_ntf_la_time
       on ntf_issued (la_code, created_at);

create sequence cw_bulk_load_row_seq start with 1 increment by 500;

create sequence cw_bulk_load_SEQ start with 1 increment by 50;

create sequence cw_case_note_SEQ start with 1 increment by 50;

create sequence cw_child_SEQ start with 1 increment by 50;

create sequence cw_clipboard_SEQ start with 1 increment by 50;

create sequence cw_plan_SEQ start with 1 increment by 50;

create sequence cw_step_SEQ start with 1 increment by 50;

create sequence cw_worker_SEQ start with 1 increment by 50;

create sequence hub_shared_record_SEQ start with 1 increment by 50;

create sequence hub_upload_submission_SEQ start with 1 increment by 50;

create sequence msg_outbox_seq start with 1 increment by 50;

alter table if exists cw_case_note
       add constraint FKf97o14xcqbinb8rg5ilc4rq1n
       foreign key (author_id)
       references cw_worker;

alter table if exists cw_case_note
       add constraint FKivfe92pfdehniircmr60mg44p
       foreign key (child_id)
       references cw_child;

alter table if exists cw_child
       add constraint FKqjpw80os1u714xdatn27njtwu
       foreign key (allocatedWorker_id)
       references cw_worker;

alter table if exists cw_child
       add constraint FKfh0m0ijovnok3nn6oj8opmwrt
       foreign key (mother_id)
       references cw_child;

alter table if exists cw_clipboard
       add constraint FKevqa3gxmccjrrye0olgb8x31k
       foreign key (caseNote_id)
       references cw_case_note;

alter table if exists cw_clipboard
       add constraint FKg1xlwj3fkd44vyhn3ajxoed73
       foreign key (child_id)
       references cw_child;

alter table if exists cw_clipboard
       add constraint FKg8edjjd89ewxcresewln82yi3
       foreign key (recipient_id)
       references cw_worker;

alter table if exists cw_clipboard
       add constraint FK5bilbduaw2lx6ykwnxrbbwj3w
       foreign key (visit_id)
       references cw_step;

alter table if exists cw_plan
       add constraint FK9isj8346efpdv667591crae8l
       foreign key (child_id)
       references cw_child;

alter table if exists cw_step
       add constraint FKs4lv31bqxelh3coljfsxphyjv
       foreign key (caseNote_id)
       references cw_case_note;

alter table if exists cw_step
       add constraint FKsyradh4txp8i8efdoewo2wu5t
       foreign key (child_id)
       references cw_child;

alter table if exists cw_step
       add constraint FK4e6sqxo1iccfa9vonjcp2xsdy
       foreign key (inbox_id)
       references cw_worker;

alter table if exists cw_step
       add constraint FKc0swr0vlu1xbjfjfb2ii4a8fb
       foreign key (notice_notification_id)
       references cw_access_notice;

alter table if exists cw_step_event
       add constraint FKg86901erdbqp47o9gsxml4aud
       foreign key (step_id)
       references cw_step;

alter table if exists cw_step_next_action
       add constraint FK774qnt2gam47lyg9fwkqy48d0
       foreign key (step_id)
       references cw_step;

alter table if exists hub_upload_outcome
       add constraint FKjossksfr4jtvm82410nksknjn
       foreign key (submission_id)
       references hub_upload_submission;
