// @generated automatically by Diesel CLI.

pub mod sql_types {
    #[derive(diesel::query_builder::QueryId, Clone, Debug, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "ride_status"))]
    pub struct RideStatus;

    #[derive(diesel::query_builder::QueryId, Clone, Debug, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "theme_status"))]
    pub struct ThemeStatus;
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::ids::sql::*;

    audit_events (tenant_id, seq) {
        tenant_id -> TenantIdSql,
        seq -> Int8,
        occurred_at -> Timestamptz,
        actor -> Text,
        action -> Text,
        details -> Jsonb,
        prev_hash -> Bytea,
        hash -> Bytea,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::ids::sql::*;

    audit_global_events (seq) {
        seq -> Int8,
        occurred_at -> Timestamptz,
        actor -> Text,
        action -> Text,
        details -> Jsonb,
        prev_hash -> Bytea,
        hash -> Bytea,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::ids::sql::*;

    manager_token_revocations (tenant_id, token_id) {
        tenant_id -> TenantIdSql,
        token_id -> TokenIdSql,
        expires_on -> Date,
        revoked_on -> Date,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::ids::sql::*;

    participants (tenant_id, participant_pid) {
        tenant_id -> TenantIdSql,
        participant_pid -> ParticipantIdSql,
        hashed_hr_id -> Text,
        team_id -> Nullable<TeamIdSql>,
        created_on -> Date,
        last_active_on -> Date,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::ids::sql::*;

    release_cells (tenant_id, release_id, theme_id) {
        tenant_id -> TenantIdSql,
        release_id -> ReleaseIdSql,
        theme_id -> ThemeIdSql,
        visible -> Bool,
        contributor_count -> Int4,
        sentiment -> Float4,
        confidence -> Float4,
        name -> Text,
        description -> Text,
        suggested_action -> Text,
        summaries -> Array<Nullable<Text>>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::ids::sql::*;

    releases (tenant_id, id) {
        tenant_id -> TenantIdSql,
        id -> ReleaseIdSql,
        seq -> Int8,
        released_on -> Date,
        k_anonymity -> Int2,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::RideStatus;
    use crate::ids::sql::*;

    rides (tenant_id, id) {
        tenant_id -> TenantIdSql,
        id -> RideIdSql,
        participant_pid -> ParticipantIdSql,
        session_alias -> Text,
        team_id -> Nullable<TeamIdSql>,
        conversation_ciphertext -> Bytea,
        key_version -> Int4,
        theme_id -> Nullable<ThemeIdSql>,
        sentiment -> Nullable<Float4>,
        confidence -> Nullable<Float4>,
        anonymized_summary -> Nullable<Text>,
        status -> RideStatus,
        created_on -> Date,
        receipt_hash -> Nullable<Bytea>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::ids::sql::*;

    teams (tenant_id, id) {
        tenant_id -> TenantIdSql,
        id -> TeamIdSql,
        name -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::ids::sql::*;

    tenant_keys (tenant_id, purpose, version) {
        tenant_id -> TenantIdSql,
        purpose -> Text,
        version -> Int4,
        wrapped -> Bytea,
        kek_id -> Text,
        seals_done -> Int8,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::ids::sql::*;

    tenant_oidc_settings (tenant_id) {
        tenant_id -> TenantIdSql,
        issuer -> Text,
        audience -> Text,
        hr_id_claim -> Text,
        leeway_secs -> Int4,
        jwks -> Text,
        updated_on -> Date,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::ids::sql::*;

    tenants (id) {
        id -> TenantIdSql,
        name -> Text,
        domain -> Text,
        k_anonymity -> Int2,
        data_region -> Text,
        created_at -> Timestamptz,
        release_hour_utc -> Int2,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::ids::sql::*;

    theme_contributions (tenant_id, theme_id, participant_pid) {
        tenant_id -> TenantIdSql,
        theme_id -> ThemeIdSql,
        participant_pid -> ParticipantIdSql,
        first_ride_id -> RideIdSql,
        released_seq -> Nullable<Int8>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::ids::sql::*;

    theme_responses (tenant_id, id) {
        tenant_id -> TenantIdSql,
        id -> ResponseIdSql,
        theme_id -> ThemeIdSql,
        body -> Text,
        created_on -> Date,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::ThemeStatus;
    use crate::ids::sql::*;

    themes (tenant_id, id) {
        tenant_id -> TenantIdSql,
        id -> ThemeIdSql,
        team_id -> Nullable<TeamIdSql>,
        slug -> Text,
        name -> Text,
        description -> Text,
        contributor_count -> Int4,
        confidence -> Float4,
        suggested_action -> Text,
        status -> ThemeStatus,
        dirty -> Bool,
        created_on -> Date,
        updated_on -> Date,
    }
}

diesel::joinable!(audit_events -> tenants (tenant_id));
diesel::joinable!(manager_token_revocations -> tenants (tenant_id));
diesel::joinable!(participants -> tenants (tenant_id));
diesel::joinable!(release_cells -> tenants (tenant_id));
diesel::joinable!(releases -> tenants (tenant_id));
diesel::joinable!(rides -> tenants (tenant_id));
diesel::joinable!(teams -> tenants (tenant_id));
diesel::joinable!(tenant_keys -> tenants (tenant_id));
diesel::joinable!(tenant_oidc_settings -> tenants (tenant_id));
diesel::joinable!(theme_contributions -> tenants (tenant_id));
diesel::joinable!(theme_responses -> tenants (tenant_id));
diesel::joinable!(themes -> tenants (tenant_id));

diesel::allow_tables_to_appear_in_same_query!(
    audit_events,
    audit_global_events,
    manager_token_revocations,
    participants,
    release_cells,
    releases,
    rides,
    teams,
    tenant_keys,
    tenant_oidc_settings,
    tenants,
    theme_contributions,
    theme_responses,
    themes,
);
