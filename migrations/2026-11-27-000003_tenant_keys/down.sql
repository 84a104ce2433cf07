DROP POLICY operators_list_tenants ON tenants;
DROP TABLE tenant_keys;
