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

use crate::certainty::Certainty;
use crate::error::{Error, ErrorCode};
use crate::journal::{Cond, Decision, Fact, Id, Journal};
use crate::report::{CcpStatus, OtherRoute, Report, Session, SessionKind, Unknown};
use crate::rules::capitalisation::{self, Held};
use crate::rules::revision_closure::{self, Purpose, Standing, TitleStanding};
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
    let remaining =
        if ctx.path == Path::Ccs { None } else { remaining(ctx, &mut j, &standing.standing, &held) };
    let start = Start { standing, open, held, remaining };
    let outcome = match ctx.path {
        Path::Continuous => continuous::evaluate(ctx, &mut j, &start),
        Path::Vae => vae::evaluate(ctx, &mut j, &start),
        Path::Discontinuous => discontinuous::evaluate(ctx, &mut j, &start),
        Path::Ccs => ccs::evaluate(ctx, &mut j, &start),
    };
    (j, outcome)
}

/// States the title's make-up (R1, R2) and which of its CCPs are still to obtain. They cannot be
/// listed when the version's list is not in our data, when which version is in force is not known
/// (rules.md R6), or when what became of the title is not known.
fn remaining(ctx: &Ctx, j: &mut Journal, standing: &Standing, held: &[Held]) -> Option<Vec<String>> {
    let index = match standing {
        Standing::InForce { .. } | Standing::Grace { .. } => standing.target(ctx.title)?,
        _ => return None,
    };
    composition::apply(ctx, j, index);
    let version = &ctx.title.versions[index];
    let (remaining, text, certainty, unknown) = match standing {
        Standing::InForce { alternatives, .. } if !alternatives.is_empty() => {
            let others = Text::plain(
                alternatives
                    .iter()
                    .map(|&i| ctx.title.versions[i].id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            (
                None,
                tx!(ROUTE_OUR_DATA_DOES_SAY_WHICH),
                Certainty::Unknown,
                Some(tl!(ROUTE_WHICH_VERSION_TITLE_FORCE_DATE, Text::plain(&version.id), others)),
            )
        }
        _ if version.ccps_certainty == Certainty::Unknown => (
            None,
            tl!(ROUTE_LIST_CCPS_VERSION_OUR_DATA, Text::plain(&version.id)),
            Certainty::Unknown,
            Some(tl!(ROUTE_LIST_CCPS_TITLE_S_VERSION, Text::plain(&version.id))),
        ),
        _ => {
            let credited: Vec<&str> =
                held.iter().flat_map(|h| h.counts_as.iter().map(String::as_str)).collect();
            let left: Vec<String> = version
                .ccps
                .iter()
                .filter(|c| !credited.contains(&c.id.as_str()))
                .map(|c| c.id.clone())
                .collect();
            let names = || {
                Text::join(left.iter().map(|id| ctx.ccp_name(id)).collect(), crate::text::msg::TEXT_SEP_COMMA)
            };
            let text = if left.is_empty() {
                tx!(ROUTE_CCPS_COVER_EVERY_CCP_VERSION)
            } else if matches!(ctx.path, Path::Continuous | Path::Vae) {
                // A session titre assesses the whole title: nothing is "left" to a candidate who
                // has not started (rules.md R3).
                tl!(ROUTE_SESSION_TITRE_ASSESSES_WHOLE, names())
            } else {
                tl!(ROUTE_CCPS_STILL_HAVE_OBTAIN, names())
            };
            (Some(left), text, version.ccps_certainty, None)
        }
    };
    let mut d = Decision::info("R4", certainty, &[], text)
        .citing(version.start.source.clone())
        .with(Fact::Remaining(remaining.clone()));
    if let Some(what) = unknown {
        d = d.with(Fact::Unknown(Unknown { what, ask: ctx.ask().text() }));
    }
    j.push(d);
    remaining
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
