//! How request parsing failures become problems: malformed JSON 400, wrong content type 415,
//! too large 413, wrong shape 422 naming the field; and turning `validator` results into
//! field errors with Chinese and English messages.
//!
//! Request bodies are read with [`Body`], not `web::Json`: it names the field a body failed on
//! by its path (`business.amount_fen`, `codes[0]`), and it takes a number written with a zero
//! fraction (`3.0`) where an integer is wanted, as JSON Schema's `integer` does.

use std::ops::Deref;

use actix_web::dev::Payload;
use actix_web::error::{JsonPayloadError, QueryPayloadError};
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use validator::{ValidationErrors, ValidationErrorsKind};

use crate::error::{ApiError, ErrorCode, FieldError};

/// JSON bodies: size limit, `application/json` required, errors as problems.
pub fn json_config(limit: usize) -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(limit)
        .content_type_required(true)
        .content_type(|mime| mime.subtype() == "json" || mime.suffix().is_some_and(|s| s == "json"))
        .error_handler(|err, _req: &HttpRequest| json_error(&err).into())
}

pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err, _req| query_error(&err).into())
}

pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|err, _req| {
        ApiError::malformed(format!("Bad path: {err}"), "请求路径格式错误。").into()
    })
}

fn json_error(err: &JsonPayloadError) -> ApiError {
    match err {
        JsonPayloadError::OverflowKnownLength { limit, .. }
        | JsonPayloadError::Overflow { limit } => ApiError::new(ErrorCode::PayloadTooLarge).detail(
            format!("The request body is larger than {limit} bytes."),
            format!("请求内容超过 {limit} 字节上限。"),
        ),
        JsonPayloadError::ContentType => ApiError::new(ErrorCode::UnsupportedMediaType),
        JsonPayloadError::Deserialize(e) if e.is_data() => {
            let field = backticked(&e.to_string()).unwrap_or_else(|| "body".to_owned());
            let (code, en, zh) = if e.to_string().starts_with("missing field") {
                (
                    "required",
                    "This field is required.".to_owned(),
                    "此项为必填项。".to_owned(),
                )
            } else if e.to_string().starts_with("unknown field") {
                (
                    "unknown_field",
                    "This field is not accepted.".to_owned(),
                    "不接受此字段。".to_owned(),
                )
            } else {
                (
                    "invalid_type",
                    format!("Wrong type or value: {e}"),
                    "类型或取值错误。".to_owned(),
                )
            };
            ApiError::validation(vec![FieldError::new(field, code, en, zh)])
        }
        JsonPayloadError::Deserialize(e) => ApiError::malformed(
            format!("The body is not valid JSON: {e}"),
            "请求内容不是有效的 JSON。",
        ),
        JsonPayloadError::Serialize(_) => ApiError::internal(),
        other => ApiError::malformed(
            format!("The body could not be read: {other}"),
            "无法读取请求内容。",
        ),
    }
}

fn query_error(err: &QueryPayloadError) -> ApiError {
    let text = err.to_string();
    let field = backticked(&text).unwrap_or_else(|| "query".to_owned());
    ApiError::validation(vec![FieldError::new(
        field,
        "invalid_query",
        format!("Invalid query parameter: {text}"),
        "查询参数有误。",
    )])
}

/// A JSON request body of type `T`. Size limit, content type and syntax are checked as for
/// `web::Json` (the app's [`json_config`]); a body of the wrong shape is 422 with the path of
/// the field that is wrong.
#[derive(Debug)]
pub struct Body<T>(pub T);

impl<T> Body<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Body<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Body<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        // Any JSON text is a `Value`: this step fails only on size, type or syntax, with the
        // problems of `json_config`.
        let json = web::Json::<serde_json::Value>::from_request(req, payload);
        Box::pin(async move {
            let web::Json(value) = json.await?;
            parse(value).map(Body).map_err(Into::into)
        })
    }
}

/// Reads `value` as a `T`, or the 422 naming the field that is wrong.
pub fn parse<T: DeserializeOwned>(mut value: serde_json::Value) -> Result<T, ApiError> {
    integral_floats_to_integers(&mut value);
    serde_path_to_error::deserialize(value).map_err(|e| data_error(&e))
}

/// `3.0` is the integer 3 in JSON (RFC 8259 says nothing of types; JSON Schema's `integer`
/// accepts it), but serde reads it only as a float: write every float with a zero fraction
/// as that integer, while the float is exact (|f| <= 2^53: beyond, `-9223372036854775809`
/// would round into i64 and be taken for another number). A float field still reads an
/// integer.
fn integral_floats_to_integers(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|_| n.is_f64())
                && f.fract() == 0.0
                && f.abs() <= 9_007_199_254_740_992.0
            {
                #[expect(clippy::cast_possible_truncation, reason = "integral and in range")]
                let i = f as i64;
                *n = i.into();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral_floats_to_integers),
        Value::Object(map) => map.values_mut().for_each(integral_floats_to_integers),
        Value::Null | Value::Bool(_) | Value::String(_) => {}
    }
}

/// The 422 of a body of the wrong shape, naming the field by its path.
fn data_error(e: &serde_path_to_error::Error<serde_json::Error>) -> ApiError {
    let at = e.path().to_string();
    let at = if at == "." { String::new() } else { at };
    let message = e.inner().to_string();
    let within = |name: Option<String>| match (name, at.is_empty()) {
        (Some(name), true) => name,
        (Some(name), false) => format!("{at}.{name}"),
        (None, true) => "body".to_owned(),
        (None, false) => at.clone(),
    };
    let (field, code, en, zh) = if message.starts_with("missing field") {
        (
            within(backticked(&message)),
            "required",
            "This field is required.".to_owned(),
            "此项为必填项。".to_owned(),
        )
    } else if message.starts_with("unknown field") {
        // The path already ends at the unknown key.
        (
            if at.is_empty() {
                within(backticked(&message))
            } else {
                at.clone()
            },
            "unknown_field",
            "This field is not accepted.".to_owned(),
            "不接受此字段。".to_owned(),
        )
    } else {
        (
            within(None),
            "invalid_type",
            format!("Wrong type or value: {message}"),
            "类型或取值错误。".to_owned(),
        )
    };
    ApiError::validation(vec![FieldError::new(field, code, en, zh)])
}

/// The first name quoted in backticks in a serde message (`missing field \`codes\``).
fn backticked(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_owned())
}

/// Turns `validator` errors into field errors with messages in both languages.
pub fn field_errors(errors: &ValidationErrors) -> Vec<FieldError> {
    let mut out = Vec::new();
    collect(errors, "", &mut out);
    out.sort_by(|a, b| a.field.cmp(&b.field));
    out
}

fn collect(errors: &ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    for (field, kind) in errors.errors() {
        let path = if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for e in list {
                    let (en, zh) = describe(e);
                    out.push(FieldError::new(path.clone(), e.code.to_string(), en, zh));
                }
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (i, inner) in items {
                    collect(inner, &format!("{path}[{i}]"), out);
                }
            }
        }
    }
}

fn describe(e: &validator::ValidationError) -> (String, String) {
    let param = |name: &str| e.params.get(name).map(ToString::to_string);
    match e.code.as_ref() {
        "length" => match (param("min"), param("max")) {
            (Some(min), Some(max)) => (
                format!("Must have between {min} and {max} items or characters."),
                format!("长度须在 {min} 到 {max} 之间。"),
            ),
            (None, Some(max)) => (format!("At most {max}."), format!("最多 {max}。")),
            (Some(min), None) => (format!("At least {min}."), format!("至少 {min}。")),
            _ => ("Wrong length.".into(), "长度不符合要求。".into()),
        },
        "range" => ("Out of range.".into(), "超出允许范围。".into()),
        "required" => ("This field is required.".into(), "此项为必填项。".into()),
        _ => (
            e.message
                .as_ref()
                .map_or_else(|| "Invalid value.".to_owned(), ToString::to_string),
            "取值无效。".into(),
        ),
    }
}

/// Validates `value`, returning a 422 problem naming every invalid field.
pub fn validate<T: validator::Validate>(value: &T) -> Result<(), ApiError> {
    value
        .validate()
        .map_err(|e| ApiError::validation(field_errors(&e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_field_in_serde_messages() {
        assert_eq!(
            backticked("missing field `codes` at line 1").as_deref(),
            Some("codes")
        );
        assert_eq!(backticked("no quotes"), None);
    }

    #[test]
    fn maps_json_errors_to_the_right_status() {
        let e = json_error(&JsonPayloadError::ContentType);
        assert_eq!(e.code(), ErrorCode::UnsupportedMediaType);
        let e = json_error(&JsonPayloadError::Overflow { limit: 10 });
        assert_eq!(e.code(), ErrorCode::PayloadTooLarge);
        let syntax = serde_json::from_str::<serde_json::Value>("{").unwrap_err();
        assert_eq!(
            json_error(&JsonPayloadError::Deserialize(syntax)).code(),
            ErrorCode::MalformedRequest
        );
        #[derive(serde::Deserialize, Debug)]
        #[expect(dead_code, reason = "only deserialisation is tested")]
        struct Body {
            codes: Vec<String>,
        }
        let data = serde_json::from_str::<Body>("{}").unwrap_err();
        let e = json_error(&JsonPayloadError::Deserialize(data));
        assert_eq!(e.code(), ErrorCode::ValidationFailed);
        assert_eq!(e.problem().errors[0].field, "codes");
        assert_eq!(e.problem().errors[0].code, "required");
    }

    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        amount_fen: i64,
        share: Option<f64>,
    }

    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        business: Inner,
        codes: Vec<u32>,
    }

    fn problem_of(json: &str) -> (String, String) {
        let e = parse::<Outer>(serde_json::from_str(json).unwrap()).unwrap_err();
        assert_eq!(e.code(), ErrorCode::ValidationFailed);
        let f = &e.problem().errors[0];
        (f.field.clone(), f.code.clone())
    }

    #[test]
    fn names_the_wrong_field_by_its_path() {
        let wrong = |field: &str, code: &str| (field.to_owned(), code.to_owned());
        assert_eq!(
            problem_of(r#"{"business":{"amount_fen":"x"},"codes":[]}"#),
            wrong("business.amount_fen", "invalid_type")
        );
        assert_eq!(
            problem_of(r#"{"business":{"amount_fen":1},"codes":[1,-2]}"#),
            wrong("codes[1]", "invalid_type")
        );
        assert_eq!(
            problem_of(r#"{"business":{},"codes":[]}"#),
            wrong("business.amount_fen", "required")
        );
        assert_eq!(problem_of(r#"{"codes":[]}"#), wrong("business", "required"));
        assert_eq!(
            problem_of(r#"{"business":{"amount_fen":1,"extra":2},"codes":[]}"#),
            wrong("business.extra", "unknown_field")
        );
        assert_eq!(
            problem_of(r#"{"business":{"amount_fen":1},"codes":[],"x":1}"#),
            wrong("x", "unknown_field")
        );
        assert_eq!(problem_of("[]"), wrong("body", "invalid_type"));
    }

    #[test]
    fn reads_integral_floats_as_integers() {
        let read = |json: &str| parse::<Outer>(serde_json::from_str(json).unwrap());
        assert_eq!(
            read(r#"{"business":{"amount_fen":-305.0,"share":2},"codes":[1.0,2]}"#).unwrap(),
            Outer {
                business: Inner {
                    amount_fen: -305,
                    share: Some(2.0)
                },
                codes: vec![1, 2]
            }
        );
        // A fraction, or a float outside i64, stays a float and is refused where an integer
        // is wanted; a float field keeps its fraction.
        assert!(read(r#"{"business":{"amount_fen":1.5},"codes":[]}"#).is_err());
        assert!(read(r#"{"business":{"amount_fen":1e300},"codes":[]}"#).is_err());
        // Integers outside i64 are read by serde_json as (rounded) floats: still refused,
        // never rounded into range.
        assert!(read(r#"{"business":{"amount_fen":-9223372036854775809},"codes":[]}"#).is_err());
        assert!(read(r#"{"business":{"amount_fen":9223372036854775808},"codes":[]}"#).is_err());
        assert_eq!(
            read(r#"{"business":{"amount_fen":9007199254740992.0},"codes":[]}"#)
                .unwrap()
                .business
                .amount_fen,
            9_007_199_254_740_992
        );
        assert_eq!(
            read(r#"{"business":{"amount_fen":1,"share":0.25},"codes":[]}"#)
                .unwrap()
                .business
                .share,
            Some(0.25)
        );
    }
}
