/// Why a credential was refused or could not be made. Messages name the
/// rule that failed, never the token, a claim value or a key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialError {
    /// Not a well-formed token of the expected shape.
    #[error("the credential is malformed")]
    Malformed,
    /// The token is of another kind than the one expected (for example a
    /// manager token presented as an invite).
    #[error("the credential is of the wrong kind")]
    WrongKind,
    /// The signature does not verify (altered, forged, or signed by another
    /// tenant's key).
    #[error("the credential's signature does not verify")]
    BadSignature,
    /// Past its expiry.
    #[error("the credential has expired")]
    Expired,
    /// Not valid yet (`nbf` or `iat` in the future beyond the allowed skew).
    #[error("the credential is not valid yet")]
    NotYetValid,
    /// The token names an algorithm other than RS256 or ES256 (including
    /// `none` and every HMAC algorithm).
    #[error("the token's signing algorithm is not accepted")]
    UnsupportedAlgorithm,
    /// No key of the identity provider's key set can verify the token.
    #[error("no key of the identity provider matches the token")]
    UnknownKey,
    /// The `iss` claim is not the tenant's identity provider.
    #[error("the token was issued by another identity provider")]
    WrongIssuer,
    /// The `aud` claim does not name this service.
    #[error("the token is meant for another audience")]
    WrongAudience,
    /// A required claim is absent or of the wrong type.
    #[error("the token lacks the required claim {0}")]
    MissingClaim(&'static str),
    /// The identity provider's settings or key set are unusable.
    #[error("invalid identity provider configuration: {0}")]
    InvalidProvider(&'static str),
    /// The issuing request is invalid (for example an expiry in the past).
    #[error("cannot issue the credential: {0}")]
    InvalidRequest(&'static str),
    /// Key derivation or the system random number generator failed.
    #[error("a cryptographic primitive failed")]
    Crypto,
}
