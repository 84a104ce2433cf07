DROP TABLE theme_responses;
DROP TABLE tenant_oidc_settings;
DROP TABLE manager_token_revocations;
