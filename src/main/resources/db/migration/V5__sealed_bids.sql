-- Sealed bids (EB20 26, 27, 30, 31): a bid's content arrives encrypted by the bidder and stays ciphertext until the
-- bidder decrypts it after the deadline. Until then the bid row holds only who bids and the bond; price, people and
-- the file's properties are filled in from the decrypted file.
alter table bid alter column price drop not null;

create table bid_file (
    bid_id       varchar(36)       not null primary key references bid (id) on delete cascade,
    -- JWE compact serialisation (RFC 7516), password-based key wrap (PBES2), AES-256-GCM content
    sealed       varchar(1000000)  not null,
    -- SHA-256 (hex) of the sealed file as received: the receipt states it, so a damaged copy shows
    sealed_hash  varchar(64)       not null,
    algorithm    varchar(40)       not null
);

alter table bid add column sealed_hash varchar(64);
alter table bid add column decrypted_at timestamp with time zone;
-- why the file could not be decrypted, when it could not: BIDDER (the bidder's file or key) or PLATFORM (anyone else)
alter table bid add column decryption_fault varchar(16);
alter table bid add column decryption_note varchar(2000);
-- from the decrypted file: the bidder it names, a hash of its documents, and the properties of the machine and
-- software that made it (RULES.md E7)
alter table bid add column file_bidder_id varchar(18);
alter table bid add column document_hash varchar(64);
alter table bid add column machine_code varchar(128);
alter table bid add column mac_address varchar(64);
alter table bid add column cpu_serial varchar(128);
alter table bid add column disk_serial varchar(128);
alter table bid add column creator_id varchar(128);


-- a bond the tenderer keeps instead of refunding it: a bid revoked after the deadline (TBR 35), a claim (TBR 74)
alter table bid add column bond_kept_at timestamp with time zone;
alter table bid add column bond_kept_reason varchar(2000);
alter table bid add column bond_kept_citation varchar(200);
