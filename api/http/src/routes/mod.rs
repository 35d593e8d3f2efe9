//! The API's routes, one handler per file, grouped by resource. `configure` is the single
//! registry: the server and the OpenAPI document are both built from it, so an endpoint
//! cannot exist without being documented.

pub mod accounts;
pub mod api_clients;
pub mod applications;
pub mod attachments;
pub mod audit;
pub mod calendar;
pub mod categories;
pub mod client;
pub mod dialogue;
pub mod divisions;
pub mod enterprises;
pub mod health;
pub mod invitations;
pub mod me;
pub mod members;
pub mod oauth;
pub mod orders;
pub mod organisations;
pub mod sessions;
pub mod workflow;

use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

/// Registers every API route under `/api`.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(
        scope::scope("/health")
            .service(health::live::live)
            .service(health::ready::ready),
    )
    .service(
        scope::scope("/v1")
            .service(divisions::list::list)
            .service(divisions::lookup::lookup)
            .service(divisions::get::get)
            .service(enterprises::odr::get)
            .service(categories::list::list)
            .service(categories::create::create)
            .service(categories::update::update)
            .service(sessions::create::create)
            .service(accounts::verification_codes::create)
            .service(accounts::register::register)
            .service(accounts::password_resets::create)
            .service(me::get::get)
            .service(me::profile::update)
            .service(me::profile::change_password)
            .service(me::second_factor::start)
            .service(me::second_factor::confirm)
            .service(me::second_factor::verify)
            .service(me::sessions::list)
            .service(me::sessions::sign_out)
            .service(me::sessions::sign_out_everywhere)
            .service(me::sessions::revoke)
            .service(organisations::get::get)
            .service(organisations::children::children)
            .service(audit::search::search)
            .service(members::list::list)
            .service(members::change::disable)
            .service(members::change::enable)
            .service(members::change::roles)
            .service(invitations::create::create)
            .service(invitations::list::list)
            .service(invitations::inspect::inspect)
            .service(invitations::accept::accept)
            .service(invitations::resend::resend)
            .service(invitations::revoke::revoke)
            .service(organisations::stations::create)
            .service(api_clients::list::list)
            .service(api_clients::create::create)
            .service(api_clients::change::rotate)
            .service(api_clients::change::revoke)
            .service(oauth::token::token)
            .service(client::get::get)
            .service(applications::submit::submit)
            .service(applications::status::track)
            .service(applications::list::list)
            .service(applications::get::get)
            .service(applications::decide::approve)
            .service(applications::decide::reject)
            .service(attachments::upload::upload)
            .service(orders::submit::submit)
            .service(orders::bulk::bulk)
            .service(orders::mine::mine)
            .service(orders::get::get)
            .service(orders::inbox::inbox)
            .service(orders::counts::counts)
            .service(orders::supervision::supervision)
            .service(orders::act::act)
            .service(orders::attachment::download)
            .service(dialogue::list::list)
            .service(dialogue::post::post)
            .service(dialogue::read::read)
            .service(dialogue::attachment::download)
            .service(dialogue::stream::stream)
            .service(dialogue::unread::unread)
            .service(calendar::list::list)
            .service(calendar::get::get)
            .service(calendar::enter::enter)
            .service(workflow::reasons::reasons),
    );
}
