-- The proposed project manager's registration certificate number (注册建造师注册证书编号), read from the bid file at
-- its decryption like the manager's name: the opening's rules check it against the trading-entity registry (O2).
alter table bid add column project_manager_certificate varchar(64);
