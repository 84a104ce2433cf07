//! Handlers: parse, authenticate (extractors), call one use case, render.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use kataloop_analysis::Turn;
use kataloop_service::feedback::{self, FeedbackError};
use kataloop_service::submission::{Pipeline, SubmitError, MAX_TURNS, MAX_TURN_CHARS};
use kataloop_tenancy::{TeamId, ThemeId};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;

use crate::auth::{limit, Employee, Manager};
use crate::error::ApiError;
use crate::AppState;

/// Seconds a client should wait when the hashing pool is saturated.
pub const BUSY_RETRY_AFTER: u64 = 2;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConversationBody {
    pub conversation: Vec<Turn>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseBody {
    pub text: String,
}

#[derive(Debug, Deserialize)]
pub struct ThemesQuery {
    pub team: Option<String>,
}

fn parse<T: DeserializeOwned>(body: Result<Bytes, BytesRejection>) -> Result<T, ApiError> {
    let bytes = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
                format!(
                    "the request body is larger than {} bytes",
                    crate::BODY_LIMIT
                ),
            )
        } else {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_body",
                "the request body could not be read",
            )
        }
    })?;
    // serde's messages can quote input: never return them.
    serde_json::from_slice(&bytes).map_err(|_| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            "the body is not the expected JSON document",
        )
    })
}

fn submit_error(e: SubmitError) -> ApiError {
    match e {
        SubmitError::TooManyTurns { max } => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "too_many_turns",
            format!("a ride has at most {max} turns"),
        ),
        SubmitError::TurnTooLong { max } => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "turn_too_long",
            format!("a turn has at most {max} characters"),
        ),
        SubmitError::Empty => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "empty_conversation",
            "the conversation has no feedback from the employee",
        ),
        SubmitError::InvalidHrId => ApiError::invalid_credential(),
        SubmitError::Busy => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "busy",
            "too many submissions right now, retry shortly",
        )
        .retry_after(BUSY_RETRY_AFTER),
        SubmitError::Service(other) => ApiError::internal(&other),
    }
}

fn feedback_error(e: FeedbackError) -> ApiError {
    match e {
        FeedbackError::NotFound => ApiError::not_found(),
        FeedbackError::Invalid(why) => {
            ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_request", why)
        }
        FeedbackError::Service(other) => ApiError::internal(&other),
    }
}

/// `GET /healthz`: the process answers.
pub async fn healthz() -> Json<serde_json::Value> {
    Json(json!({"status": "ok"}))
}

/// `GET /readyz`: the database answers.
pub async fn readyz(State(state): State<AppState>) -> Result<Json<serde_json::Value>, ApiError> {
    match state.app.ping().await {
        Ok(()) => Ok(Json(json!({"status": "ready"}))),
        Err(_) => Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "not_ready",
            "the database is not reachable",
        )
        .retry_after(5)),
    }
}

/// `GET /metrics`: Prometheus text, no tenant or personal data in labels.
pub async fn metrics(State(state): State<AppState>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(),
    )
        .into_response()
}

/// `GET /api/v1/openapi.json`.
pub async fn openapi() -> Json<serde_json::Value> {
    Json(crate::openapi::document())
}

/// `POST /api/v1/guide`: the next follow-up question; stores nothing.
pub async fn guide(
    _employee: Employee,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let body: ConversationBody = parse(body)?;
    match Pipeline::validate(&body.conversation) {
        Ok(()) | Err(SubmitError::Empty) => {}
        Err(e) => return Err(submit_error(e)),
    }
    Ok(Json(
        json!({"question": kataloop_analysis::next_question(&body.conversation)}),
    ))
}

/// `POST /api/v1/rides`: 201 only after COMMIT.
pub async fn submit_ride(
    State(state): State<AppState>,
    employee: Employee,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body: ConversationBody = parse(body)?;
    let (app, _) = state.stores_for(employee.tenant).await;
    let result = state
        .pipeline
        .submit(
            &app,
            employee.tenant,
            employee.hr_id.expose(),
            employee.team,
            &body.conversation,
        )
        .await;
    let done = match result {
        Ok(done) => done,
        Err(e) => {
            if matches!(e, SubmitError::Busy) {
                state.metrics.hashing_busy();
            }
            return Err(submit_error(e));
        }
    };
    state.metrics.ride_stored();
    Ok((
        StatusCode::CREATED,
        Json(json!({"alias": done.alias, "receipt": done.receipt})),
    )
        .into_response())
}

/// `GET /api/v1/themes[?team=<id>]`: the latest release, visible cells only.
pub async fn themes(
    State(state): State<AppState>,
    manager: Manager,
    query: Result<Query<ThemesQuery>, QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    // axum's own rejection is plain text and may quote the input.
    let Query(query) = query.map_err(|_| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "the query string is not valid",
        )
    })?;
    let requested = match query.team.as_deref() {
        None => None,
        // A malformed id is a team that does not exist.
        Some(raw) => Some(raw.parse::<TeamId>().map_err(|_| ApiError::not_found())?),
    };
    let (app, managers) = state.stores_for(manager.tenant).await;
    let view = feedback::scoped_view(
        &app,
        &managers,
        manager.tenant,
        manager.team,
        requested,
        &format!("manager-token:{}", manager.token_id),
    )
    .await
    .map_err(feedback_error)?;
    // k, so that an empty dashboard can say when themes appear.
    let k = app
        .tenant(manager.tenant)
        .transaction(|tx| Box::pin(async move { kataloop_store::tenants::get(tx).await }))
        .await
        .map_err(|e| ApiError::internal(&e))?
        .settings
        .k
        .get();
    Ok(Json(match view {
        None => json!({"k": k, "release": null, "themes": []}),
        Some(view) => json!({
            "k": k,
            "release": {"id": view.release_id.to_string(), "released_on": view.released_on.to_string()},
            "themes": view.themes.iter().map(|t| json!({
                "id": t.id.to_string(),
                "slug": t.slug,
                "name": t.name,
                "description": t.description,
                "contributor_count": t.contributor_count,
                "sentiment": t.sentiment,
                "confidence": t.confidence,
                "suggested_action": t.suggested_action,
                "summaries": t.summaries,
            })).collect::<Vec<_>>(),
        }),
    }))
}

/// `POST /api/v1/themes/{id}/responses`: a manager's visible answer.
pub async fn respond(
    State(state): State<AppState>,
    manager: Manager,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let theme: ThemeId = id.parse().map_err(|_| ApiError::not_found())?;
    let body: ResponseBody = parse(body)?;
    let (app, managers) = state.stores_for(manager.tenant).await;
    let stored = feedback::respond(
        &app,
        &managers,
        manager.tenant,
        manager.team,
        theme,
        &body.text,
    )
    .await
    .map_err(feedback_error)?;
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "id": stored.id.to_string(),
            "theme_id": stored.theme.to_string(),
            "text": stored.body,
            "answered_on": stored.created_on.to_string(),
        })),
    )
        .into_response())
}

/// `GET /api/v1/receipts/{receipt}`: the ride's alias and the answers to
/// its theme.
pub async fn receipt(
    State(state): State<AppState>,
    Path(receipt): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    limit(&state, &receipt)?;
    let app = match kataloop_service::submission::receipt_tenant(&receipt) {
        Some(tenant) => state.stores_for(tenant).await.0,
        None => state.app.clone(),
    };
    let view = feedback::read_receipt(&app, &receipt)
        .await
        .map_err(|e| ApiError::internal(&e))?
        .ok_or_else(ApiError::not_found)?;
    Ok(Json(json!({
        "alias": view.alias,
        "responses": view.responses.iter().map(|r| json!({
            "text": r.text,
            "answered_on": r.answered_on.to_string(),
        })).collect::<Vec<_>>(),
    })))
}

/// Any other path.
pub async fn not_found() -> ApiError {
    ApiError::not_found()
}

/// A known path with another method.
pub async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "method not allowed",
    )
}

/// The limits the API enforces, for the OpenAPI document.
pub const LIMITS: (usize, usize) = (MAX_TURNS, MAX_TURN_CHARS);

#[cfg(test)]
mod tests {
    use super::*;

    /// A saturated hashing pool answers 503 with `Retry-After`, never a
    /// queue without bound.
    #[test]
    fn a_busy_hashing_pool_answers_503_with_retry_after() {
        let e = submit_error(SubmitError::Busy);
        assert_eq!(e.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(e.code, "busy");
        let response = e.into_response();
        assert_eq!(
            response.headers()[header::RETRY_AFTER],
            BUSY_RETRY_AFTER.to_string().as_str()
        );
    }
}
