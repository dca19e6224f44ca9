-- A notice can name the page where the bidder acts on it (explain a price, send a tender again,
-- read an assessment summary), so that a person never has to work out an address.
alter table bidder_notice add column link_path text, add column link_label text;
alter table bidder_notice add constraint bidder_notice_link_local check (link_path is null or (link_path like '/%' and link_path not like '//%'));
