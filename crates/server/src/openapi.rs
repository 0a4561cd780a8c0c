//! `GET /openapi.json`: the OpenAPI document of the API, generated from the
//! handlers' `#[utoipa::path]` annotations and the shared model's types, plus
//! what every operation shares — its faults and bearer sign-in — added here
//! once instead of on each handler.

use customer_model::wire::ApiFault;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, ResponseBuilder, Server};
use utoipa::{PartialSchema, ToSchema};

/// The faults any operation may answer with.
const FAULTS: [(u16, &str); 10] = [
    (
        400,
        "Bad input; broken validation rules are listed in `data` as {field, code, params}",
    ),
    (401, "Not signed in, or the token expired"),
    (403, "The signed-in role may not do this"),
    (404, "No such resource"),
    (
        409,
        "Conflict: the domain exists, the MS-RequestId was used for another request, or the resource is in another state",
    ),
    (413, "The body is larger than 64 KiB"),
    (415, "The body is not application/json"),
    (
        429,
        "Over a rate limit (password sign-ins per client address and per account; 500 requests a minute per signed-in user by default): wait the seconds in Retry-After",
    ),
    (500, "The server failed; retry with the same MS-RequestId"),
    (
        503,
        "The server took too long; retry with the same MS-RequestId",
    ),
];

pub fn finish(mut document: OpenApi) -> OpenApi {
    document.info.title = "customer-api".to_owned();
    document.info.description = Some(
        "The subset of Partner Center's REST dialect the add-customer wizard uses, plus staff sign-in. \
         Property names are read case-insensitively and written camelCase; MS-RequestId makes writes idempotent."
            .to_owned(),
    );
    document.servers = Some(vec![Server::new("/v1")]);
    let components = document.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        "bearer",
        SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
    );
    let mut schemas = vec![(ApiFault::name().into_owned(), ApiFault::schema())];
    ApiFault::schemas(&mut schemas);
    components.schemas.extend(schemas);
    document.security = Some(vec![SecurityRequirement::new(
        "bearer",
        Vec::<String>::new(),
    )]);

    for item in document.paths.paths.values_mut() {
        let operations = [
            (&mut item.get, true),
            (&mut item.post, true),
            (&mut item.delete, true),
            (&mut item.head, false),
        ];
        for (operation, has_body) in operations {
            let Some(operation) = operation.as_mut() else {
                continue;
            };
            for (status, description) in FAULTS {
                let mut response = ResponseBuilder::new().description(description);
                if status == 429 {
                    response = response.header(
                        "Retry-After",
                        utoipa::openapi::HeaderBuilder::new()
                            .schema(u64::schema())
                            .description(Some("Seconds to wait before trying again"))
                            .build(),
                    );
                }
                if has_body {
                    response = response.content(
                        "application/json",
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name(ApiFault::name())))
                            .build(),
                    );
                }
                operation
                    .responses
                    .responses
                    .entry(status.to_string())
                    .or_insert_with(|| RefOr::T(response.build()));
            }
        }
    }
    document
}
