//! Building the report, once, at the end, from the journal and the route's outcome (DESIGN.md):
//! the status, certainty and basis from the condition tree, the facts from the decisions, the
//! summary in words, and the route's plan only where it applies.

use crate::certainty::Certainty;
use crate::journal::{Cond, Fact, Id, Journal, SourceId, Tri};
use crate::report::{
    missing_label, Assessment, Documents, Report, Session, SourceRef, Status, Step, Unknown,
};
use crate::rules::{sources, Ctx};
use crate::text::Words;
use crate::{tl, tx, Text};

/// What a route concluded: its conditions, and what the candidate does if it is open.
pub struct Outcome {
    pub cond: Cond,
    pub plan: Plan,
}

/// The route's plan: shown for "yes" (and, but for the next steps, for "cannot tell yet").
#[derive(Default)]
pub struct Plan {
    /// The "yes" in a sentence: the outcome, what is left, the key deadline.
    pub yes: Text,
    pub sessions: Vec<Session>,
    pub assessment: Vec<Assessment>,
    pub document: Option<Documents>,
    pub next_steps: Vec<Text>,
}

/// What a route concludes, in words: all `otherRoutes` needs, and the head of the full report.
pub struct Conclusion {
    pub status: Status,
    pub certainty: Certainty,
    /// The decisions the outcome rests on (for a "no", those that said no).
    pub basis: Vec<Id>,
    pub missing: Vec<String>,
    pub unknowns: Vec<Unknown>,
    pub summary: Text,
    /// The summary without its "yes" or "no" (it starts lower-case after a "yes").
    pub answer: Text,
}

/// The status, certainty and basis from the condition tree, and the summary in words; `yes` is the
/// route's "yes" in a sentence.
pub fn conclude(ctx: &Ctx, journal: &Journal, cond: &Cond, yes: &Text) -> Conclusion {
    let status = match cond.verdict(journal) {
        Tri::Yes => Status::Eligible,
        Tri::No => Status::NotEligible,
        Tri::Unknown => Status::Undetermined,
    };
    let certainty = cond.certainty(journal);
    let mut basis: Vec<Id> = Vec::new();
    cond.basis(journal, &mut basis);
    let (mut missing, mut unknowns) = (Vec::new(), Vec::new());
    for (i, d) in journal.decisions().iter().enumerate() {
        for fact in &d.facts {
            match fact {
                Fact::Missing(path) if status == Status::Undetermined && basis.contains(&Id(i)) => {
                    push_new(&mut missing, path.to_string())
                }
                Fact::Unknown(u) => push_new(&mut unknowns, u.clone()),
                _ => {}
            }
        }
    }
    // The answer without its "yes" or "no": what the page shows beside the status it shows itself.
    let mut answer = match status {
        Status::Eligible => yes.clone(),
        Status::NotEligible => Text::join(
            basis.iter().map(|&id| journal.get(id).text.clone()).collect(),
            crate::text::msg::TEXT_SEP_SPACE,
        ),
        Status::Undetermined => {
            let needed: Vec<Text> = missing.iter().map(|m| missing_label(m)).collect();
            let mut parts = Vec::new();
            if !needed.is_empty() {
                parts.push(tl!(
                    REPORT_ANSWER_WE_NEED_KNOW,
                    Text::join(needed, crate::text::msg::TEXT_SEP_SEMICOLON)
                ));
            }
            if !unknowns.is_empty() {
                let what: Vec<Text> = unknowns.iter().map(|u: &Unknown| u.what.clone()).collect();
                parts.push(tl!(
                    REPORT_OUR_DATA_CANNOT_SETTLE_ASK,
                    Text::join(what, crate::text::msg::TEXT_SEP_SEMICOLON),
                    ctx.ask().to()
                ));
            }
            Text::join(parts, crate::text::msg::TEXT_SEP_SPACE)
        }
    };
    if status != Status::Undetermined && certainty < Certainty::Official {
        let why = match certainty {
            Certainty::Secondary => tx!(REPORT_SECONDARY_SOURCE_NATIONAL_REGISTER_COPY),
            _ => tx!(REPORT_ESTIMATED_DATE_RULE),
        };
        answer = tl!(REPORT_ANSWER_RESTS_HAVE_CONFIRMED, answer, why, ctx.ask().text());
    }
    let summary = match status {
        Status::Eligible => tl!(REPORT_YES, answer.clone()),
        Status::NotEligible => tl!(REPORT_ROUTE, answer.clone()),
        Status::Undetermined => answer.clone(),
    };
    Conclusion { status, certainty, basis, missing, unknowns, summary, answer }
}

/// Builds the report from the journal and the route's outcome: the conclusion, the facts the
/// decisions produced, the explanation, and the plan where it applies.
pub fn build(ctx: &Ctx, journal: Journal, outcome: Outcome, data: &'static str) -> Report {
    let Outcome { cond, plan } = outcome;
    let Conclusion { status, certainty, basis, missing, unknowns, summary, answer } =
        conclude(ctx, &journal, &cond, &plan.yes);
    let mut report = Report {
        rules_version: crate::rules::RULES_VERSION,
        data,
        snapshot: ctx.title.snapshot,
        title: ctx.title.code.clone(),
        title_name: Text::from(&ctx.title.name),
        as_of: ctx.as_of,
        path: ctx.path,
        status,
        certainty,
        summary,
        answer,
        contact: crate::report::Contact::of(ctx.ask()),
        rests_on: basis.iter().map(|id| id.0).collect(),
        missing,
        unknowns,
        version: None,
        held: Vec::new(),
        remaining: Vec::new(),
        remaining_known: false,
        sessions: Vec::new(),
        assessment: Vec::new(),
        document: None,
        deadlines: Vec::new(),
        next_steps: Vec::new(),
        notes: Vec::new(),
        explanation: Vec::new(),
        other_routes: Vec::new(),
    };
    for d in journal.into_decisions() {
        for fact in d.facts {
            match fact {
                Fact::Missing(_) | Fact::Unknown(_) => {}
                Fact::Deadline(deadline) => {
                    if !report.deadlines.iter().any(|x| {
                        x.kind == deadline.kind
                            && x.date == deadline.date
                            && x.condition == deadline.condition
                    }) {
                        report.deadlines.push(deadline);
                    }
                }
                Fact::Note(text) => push_new(&mut report.notes, text),
                Fact::Credit(held) => report.held.push(held),
                Fact::Version(version) => report.version = Some(version),
                Fact::Remaining(remaining) => {
                    report.remaining_known = remaining.is_some();
                    report.remaining = remaining.unwrap_or_default();
                }
            }
        }
        report.explanation.push(Step {
            rule: d.rule,
            verdict: d.verdict,
            text: d.text,
            sources: d.sources.iter().map(|id| source(ctx, id)).collect(),
            certainty: d.certainty,
        });
    }
    // Dated deadlines first, by date; the order of equal ones kept. A handful at most: an insertion
    // sort (the library's stable sort weighs kilobytes in the wasm).
    let key = |d: &crate::report::Deadline| (d.date.is_none(), d.date);
    for i in 1..report.deadlines.len() {
        let mut j = i;
        while j > 0 && key(&report.deadlines[j - 1]) > key(&report.deadlines[j]) {
            report.deadlines.swap(j - 1, j);
            j -= 1;
        }
    }
    if status != Status::NotEligible {
        report.sessions = plan.sessions;
        report.assessment = plan.assessment;
        report.document = plan.document;
    }
    if status == Status::Eligible {
        report.next_steps = plan.next_steps;
    }
    if status != Status::NotEligible && (!report.unknowns.is_empty() || certainty < Certainty::Official) {
        report.next_steps.push(tl!(REPORT_ANYTHING_UNCERTAIN_CONTACT, ctx.ask().to()));
    }
    report
}

fn push_new<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

fn source(ctx: &Ctx, id: &SourceId) -> SourceRef {
    if let Some(s) = sources::legal(id) {
        return SourceRef { id: s.id.into(), name: Text::Fixed(s.name), url: s.url };
    }
    match ctx.title.source(id) {
        Some(s) => SourceRef {
            id: id.clone(),
            name: Text::Words(Words { fr: s.fr.as_str().into(), en: s.en.as_str().into() }),
            url: None,
        },
        // Title data is validated, so every id it cites exists; rule ids are checked by tests.
        None => SourceRef { id: id.clone(), name: Text::Plain(id.to_string()), url: None },
    }
}
