-- SC-09: the evaluation can find that a tender does not meet a published mandatory item although
-- its bidder says it does. The commissioner records the finding with reasons; at award it fails the
-- tender like an item the bidder itself declared unmet. One finding per tender and item, kept.
create table mandatory_item_finding (
    tender_id   uuid not null references tender(id),
    item        text not null check (length(btrim(item)) > 0),
    reasons     text not null check (length(btrim(reasons)) > 0),
    recorded_by uuid not null references app_user(id),
    recorded_at timestamptz not null,
    primary key (tender_id, item)
);
