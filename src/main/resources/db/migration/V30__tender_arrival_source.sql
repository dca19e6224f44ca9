-- Where a tender's receipt time came from: REQUEST_ARRIVAL (the instant the request reached the server, before it
-- waited for a worker or a database connection) or SERVICE_CLOCK (work done outside a request). Null for drafts.
alter table tender add column received_at_source text;
