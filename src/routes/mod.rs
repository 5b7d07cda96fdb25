//! The four routes to the title. Each composes the decisions of [`crate::rules`] into conditions
//! (a [`Cond`] tree) and a plan (sessions, what the jury looks at, documents, next steps):
//! [`continuous`] (training, then a session titre), [`vae`], [`discontinuous`] (capitalising
//! CCPs), [`ccs`] (a specialisation for holders of the title). [`evaluate`] runs the route asked
//! for, then every other route on the same situation for `otherRoutes`: the same rules, never a
//! second copy of them.

pub mod ccs;
pub mod continuous;
pub mod discontinuous;
pub mod report;
pub mod vae;

use crate::error::{Error, ErrorCode};
use crate::journal::{Cond, Id, Journal};
use crate::report::{CcpStatus, OtherRoute, Report, Session, SessionKind};
use crate::rules::capitalisation::{self, Held};
use crate::rules::revision_closure::{self, Purpose, TitleStanding};
use crate::rules::{composition, Ctx, Params};
use crate::situation::{Path, Situation};
use crate::title::Title;
use crate::{tl, tx, Text};

/// What every route starts from: the title's standing for its kind of session, the held CCPs,
/// and the CCPs still to obtain.
pub struct Start<'a> {
    pub standing: &'a TitleStanding,
    /// The standing as the route's condition.
    pub open: Id,
    pub held: Vec<Held>,
    /// The current-version CCPs not credited; `None` when they cannot be listed.
    pub remaining: Option<Vec<String>>,
}

impl Start<'_> {
    pub fn statuses(&self) -> Vec<CcpStatus> {
        self.held.iter().map(|h| h.status).collect()
    }

    /// The key deadline in words: "avant le 7 janvier 2028, fin de l'enregistrement du titre".
    pub fn until(&self) -> Option<Text> {
        self.standing.until()
    }
}

/// Finds the title named by `id` (any of its identifiers, see [`Title::is_named`]).
pub fn find<'a>(titles: &'a [Title], id: &str) -> Result<&'a Title, Error> {
    titles.iter().find(|t| t.is_named(id)).ok_or_else(|| {
        let known: Vec<&str> = titles.iter().take(8).map(|t| t.code.as_str()).collect();
        let more = if titles.len() > known.len() { "…" } else { "" };
        Error::new(
            ErrorCode::UnknownTitle,
            "title",
            tx!(ROUTE_TITLE_DATA_KNOWN_TITLES, crate::error::short(id), known.join(", "), more),
        )
    })
}

/// Evaluates a situation against the given titles (already validated), under the law of
/// rules.md: the full report of the route asked for, and the conclusion of every other route for
/// `otherRoutes`.
pub fn evaluate(situation: &Situation, titles: &[Title], data: &'static str) -> Result<Report, Error> {
    evaluate_under(situation, titles, data, &crate::rules::LAW)
}

/// The same under other dated parameters (the parameter test changes one value at a time).
pub fn evaluate_under(
    situation: &Situation,
    titles: &[Title],
    data: &'static str,
    params: &Params,
) -> Result<Report, Error> {
    let title = find(titles, situation.title_code())?;
    let (as_of, path) = situation.validate(title)?;
    let ctx = Ctx { title, situation, as_of, path, params };
    // The title's standing depends on the route only through whom to ask (its words): it is
    // established once for the routes that ask the same, not once per route.
    let standing = revision_closure::standing(&ctx);
    let (journal, outcome) = decide(&ctx, &standing);
    let mut report = report::build(&ctx, journal, outcome, data);
    let (ask, mut other_standing) = (ctx.ask(), None);
    report.other_routes = Path::ALL
        .iter()
        .filter(|&&p| p != path)
        .map(|&path| {
            let ctx = Ctx { path, ..ctx };
            let standing = if ctx.ask() == ask {
                &standing
            } else {
                other_standing.get_or_insert_with(|| revision_closure::standing(&ctx))
            };
            let (journal, outcome) = decide(&ctx, standing);
            let c = report::conclude(&ctx, &journal, &outcome.cond, &outcome.plan.yes);
            OtherRoute {
                path,
                status: c.status,
                certainty: c.certainty,
                summary: c.summary,
                missing: c.missing,
            }
        })
        .collect();
    Ok(report)
}

/// Applies the rules of one route, in order, to a fresh journal, from the title's standing.
fn decide(ctx: &Ctx, standing: &revision_closure::TitleStanding) -> (Journal, report::Outcome) {
    let mut j = Journal::default();
    let purpose = match ctx.path {
        Path::Continuous | Path::Vae => Purpose::SessionTitre,
        Path::Discontinuous => Purpose::SessionCcp,
        Path::Ccs => Purpose::SessionCcs,
    };
    let open = revision_closure::condition(&mut j, standing, purpose);
    let held = capitalisation::held(ctx, &mut j, &standing.standing);
    // A CCS is for holders of the title: what is left of the title is not its business (R8).
    let remaining = if ctx.path == Path::Ccs {
        None
    } else {
        composition::remaining(ctx, &mut j, &standing.standing, &held)
    };
    let start = Start { standing, open, held, remaining };
    let outcome = match ctx.path {
        Path::Continuous => continuous::evaluate(ctx, &mut j, &start),
        Path::Vae => vae::evaluate(ctx, &mut j, &start),
        Path::Discontinuous => discontinuous::evaluate(ctx, &mut j, &start),
        Path::Ccs => ccs::evaluate(ctx, &mut j, &start),
    };
    (j, outcome)
}

pub(crate) fn session(kind: SessionKind, ccp: Option<String>, label: Text) -> Session {
    Session { kind, ccp, label }
}

/// The route's conditions: the title's standing, and these.
pub(crate) fn all(start: &Start, rest: impl IntoIterator<Item = Cond>) -> Cond {
    Cond::All(std::iter::once(Cond::One(start.open)).chain(rest).collect())
}

/// "« Assistant import-export »".
pub(crate) fn quoted(title: &Title) -> Text {
    tl!(ROUTE_TEXT, title.name.clone())
}
