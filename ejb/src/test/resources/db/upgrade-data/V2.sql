-- Rows a live database had at version 2 (one statement per line; standard SQL both databases take).
insert into cw_council (la_code, name, office_hours_phone, emergency_duty_phone, pattern_accesses_30d, pattern_organisations_7d) values ('E09000033', 'Westminster', '020 7641 6000', '020 7641 6001', 4, null);
