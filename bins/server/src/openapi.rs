//! The OpenAPI 3.1 document, written by hand beside the routes; a test
//! checks that it lists exactly [`crate::ROUTES`].

use kataloop_service::feedback::MAX_RESPONSE_CHARS;
use kataloop_service::submission::CONTENT_PATTERN;
use serde_json::{json, Value};

fn error_ref() -> Value {
    json!({"$ref": "#/components/responses/Error"})
}

/// A JSON success response with a schema, so that API fuzzers (and
/// clients) can check every answer, not only errors.
fn ok(description: &str, schema: Value) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": schema}}})
}

fn closed(required: &[&str], properties: Value) -> Value {
    json!({"type": "object", "required": required, "additionalProperties": false, "properties": properties})
}

/// The document served at `/api/v1/openapi.json`.
pub fn document() -> Value {
    let (max_turns, max_chars) = crate::api::LIMITS;
    let turn = json!({
        "type": "object", "required": ["role", "text"],
        "properties": {"role": {"enum": ["employee", "guide"]},
                       "text": {"type": "string", "maxLength": max_chars}}});
    // The guide answers any conversation within the limits; a ride needs
    // at least one employee turn with content.
    let conversation = json!({
        "type": "object", "required": ["conversation"], "additionalProperties": false,
        "properties": {"conversation": {"type": "array", "maxItems": max_turns, "items": turn}}
    });
    let ride = json!({
        "type": "object", "required": ["conversation"], "additionalProperties": false,
        "properties": {"conversation": {"type": "array", "maxItems": max_turns, "items": turn,
            "contains": {"type": "object", "required": ["role", "text"], "properties": {
                "role": {"const": "employee"},
                "text": {"type": "string", "pattern": CONTENT_PATTERN}}}}}
    });
    let uuid = json!({"type": "string", "format": "uuid"});
    let day = json!({"type": "string", "format": "date"});
    let theme = closed(
        &[
            "id",
            "slug",
            "name",
            "description",
            "contributor_count",
            "sentiment",
            "confidence",
            "suggested_action",
            "summaries",
        ],
        json!({
            "id": uuid, "slug": {"type": "string"}, "name": {"type": "string"},
            "description": {"type": "string"},
            "contributor_count": {"type": "integer", "minimum": 3},
            "sentiment": {"type": "number", "minimum": -1, "maximum": 1},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "suggested_action": {"type": "string"},
            "summaries": {"type": "array", "items": {"type": "string"}}
        }),
    );
    let themes = closed(
        &["k", "release", "themes"],
        json!({
            "k": {"type": "integer", "minimum": 3},
            "release": {"oneOf": [{"type": "null"}, closed(&["id", "released_on"], json!({"id": uuid, "released_on": day}))]},
            "themes": {"type": "array", "items": theme}
        }),
    );
    let answer = closed(
        &["id", "theme_id", "text", "answered_on"],
        json!({"id": uuid, "theme_id": uuid, "text": {"type": "string"}, "answered_on": day}),
    );
    let receipt = closed(
        &["alias", "responses"],
        json!({"alias": {"type": "string"}, "responses": {"type": "array", "items": closed(&["text", "answered_on"], json!({"text": {"type": "string"}, "answered_on": day}))}}),
    );
    let status = closed(&["status"], json!({"status": {"type": "string"}}));
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
                "Ride": ride,
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
            "/healthz": {"get": {"summary": "Liveness", "responses": {"200": ok("alive", status.clone())}}},
            "/readyz": {"get": {"summary": "Readiness (database reachable)", "responses": {"200": ok("ready", status), "503": error_ref()}}},
            "/metrics": {"get": {"summary": "Prometheus metrics", "responses": {"200": {"description": "text exposition", "content": {"text/plain": {}}}}}},
            "/api/v1/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.1"}}}},
            "/api/v1/guide": {"post": {"summary": "Next follow-up question; stores nothing", "security": [{"employee": []}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Conversation"}}}},
                "responses": {"200": ok("the next question, or null when the conversation is complete", closed(&["question"], json!({"question": {"type": ["string", "null"]}}))), "400": error_ref(), "401": error_ref(), "413": error_ref(), "422": error_ref(), "429": error_ref()}}},
            "/api/v1/rides": {"post": {"summary": "Submit a ride (201 after commit)", "security": [{"employee": []}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ride"}}}},
                "responses": {"201": ok("stored", closed(&["alias", "receipt"], json!({"alias": {"type": "string"}, "receipt": {"type": "string"}}))), "400": error_ref(), "401": error_ref(), "413": error_ref(), "422": error_ref(), "429": error_ref(), "503": error_ref()}}},
            "/api/v1/themes": {"get": {"summary": "The latest release's visible themes", "security": [{"manager": []}],
                "parameters": [{"name": "team", "in": "query", "required": false, "schema": {"type": "string", "format": "uuid"}}],
                "responses": {"200": ok("the visible cells of the latest release for the scope", themes), "400": error_ref(), "401": error_ref(), "404": error_ref(), "429": error_ref()}}},
            "/api/v1/themes/{id}/responses": {"post": {"summary": "Answer a visible theme", "security": [{"manager": []}],
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["text"], "additionalProperties": false, "properties": {"text": {"type": "string", "maxLength": MAX_RESPONSE_CHARS, "pattern": CONTENT_PATTERN}}}}}},
                "responses": {"201": ok("the stored answer", answer), "400": error_ref(), "401": error_ref(), "404": error_ref(), "422": error_ref(), "429": error_ref()}}},
            "/api/v1/receipts/{receipt}": {"get": {"summary": "A ride's alias and the answers to its theme",
                "parameters": [{"name": "receipt", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": ok("the ride's alias and the answers to its theme", receipt), "404": error_ref(), "429": error_ref()}}}
        }
    })
}
