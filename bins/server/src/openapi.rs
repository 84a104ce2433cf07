//! The OpenAPI 3.1 document, written by hand beside the routes; a test
//! checks that it lists exactly [`crate::ROUTES`].

use serde_json::{json, Value};

fn error_ref() -> Value {
    json!({"$ref": "#/components/responses/Error"})
}

/// The document served at `/api/v1/openapi.json`.
pub fn document() -> Value {
    let (max_turns, max_chars) = crate::api::LIMITS;
    let conversation = json!({
        "type": "object", "required": ["conversation"], "additionalProperties": false,
        "properties": {"conversation": {"type": "array", "maxItems": max_turns, "items": {
            "type": "object", "required": ["role", "text"],
            "properties": {"role": {"enum": ["employee", "guide"]},
                           "text": {"type": "string", "maxLength": max_chars}}}}}
    });
    json!({
        "openapi": "3.1.0",
        "info": {"title": "Kataloop", "version": env!("CARGO_PKG_VERSION"),
                 "description": "Anonymous employee feedback. Errors are {\"error\": {\"code\", \"message\"}} with stable codes."},
        "components": {
            "securitySchemes": {
                "employee": {"type": "http", "scheme": "bearer", "description": "A Kataloop invite (kl1.inv.…) or an OpenID Connect ID token with the Kataloop-Tenant header."},
                "manager": {"type": "http", "scheme": "bearer", "description": "A Kataloop manager token (kl1.mgr.…)."}
            },
            "schemas": {
                "Conversation": conversation,
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {
                    "type": "object", "required": ["code", "message"],
                    "properties": {"code": {"type": "string", "enum": [
                        "unauthenticated", "invalid_credential", "credential_expired", "credential_revoked",
                        "rate_limited", "body_too_large", "invalid_body", "invalid_json", "too_many_turns",
                        "turn_too_long", "empty_conversation", "invalid_request", "not_found",
                        "method_not_allowed", "busy", "not_ready", "timeout", "internal"]},
                        "message": {"type": "string"}}}}}
            },
            "responses": {"Error": {"description": "An error.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
        },
        "paths": {
            "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {"description": "alive"}}}},
            "/readyz": {"get": {"summary": "Readiness (database reachable)", "responses": {"200": {"description": "ready"}, "503": error_ref()}}},
            "/metrics": {"get": {"summary": "Prometheus metrics", "responses": {"200": {"description": "text exposition", "content": {"text/plain": {}}}}}},
            "/api/v1/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.1"}}}},
            "/api/v1/guide": {"post": {"summary": "Next follow-up question; stores nothing", "security": [{"employee": []}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Conversation"}}}},
                "responses": {"200": {"description": "{\"question\": string|null}"}, "400": error_ref(), "401": error_ref(), "413": error_ref(), "422": error_ref(), "429": error_ref()}}},
            "/api/v1/rides": {"post": {"summary": "Submit a ride (201 after commit)", "security": [{"employee": []}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Conversation"}}}},
                "responses": {"201": {"description": "{\"alias\", \"receipt\"}"}, "400": error_ref(), "401": error_ref(), "413": error_ref(), "422": error_ref(), "429": error_ref(), "503": error_ref()}}},
            "/api/v1/themes": {"get": {"summary": "The latest release's visible themes", "security": [{"manager": []}],
                "parameters": [{"name": "team", "in": "query", "required": false, "schema": {"type": "string", "format": "uuid"}}],
                "responses": {"200": {"description": "{\"k\": the tenant's threshold, \"release\": {\"id\", \"released_on\"}|null, \"themes\": [...]}"}, "401": error_ref(), "404": error_ref(), "429": error_ref()}}},
            "/api/v1/themes/{id}/responses": {"post": {"summary": "Answer a visible theme", "security": [{"manager": []}],
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string", "maxLength": 2000}}}}}},
                "responses": {"201": {"description": "the stored answer"}, "400": error_ref(), "401": error_ref(), "404": error_ref(), "422": error_ref(), "429": error_ref()}}},
            "/api/v1/receipts/{receipt}": {"get": {"summary": "A ride's alias and the answers to its theme",
                "parameters": [{"name": "receipt", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "{\"alias\", \"responses\": [{\"text\", \"answered_on\"}]}"}, "404": error_ref(), "429": error_ref()}}}
        }
    })
}
