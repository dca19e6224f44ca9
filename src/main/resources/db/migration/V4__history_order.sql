-- Status changes made within the same instant keep the order they were made in.
alter table round_status_change add column seq bigserial;
