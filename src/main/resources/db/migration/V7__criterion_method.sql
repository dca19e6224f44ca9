-- Each criterion's published assessment methodology and the score below which a tender fails
-- it (a disqualifying threshold, published as such: PA 2023 s23(3)(a)).
alter table criterion
    add column methodology text,
    add column min_score int check (min_score >= 0);
