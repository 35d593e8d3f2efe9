//! How request parsing failures become problems: malformed JSON 400, wrong content type 415,
//! too large 413, wrong shape 422 naming the field; and turning `validator` results into
//! field errors with Chinese and English messages.

use actix_web::error::{JsonPayloadError, QueryPayloadError};
use actix_web::{HttpRequest, web};
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
}
