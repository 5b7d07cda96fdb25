//! The decision journal: every rule applied leaves one [`Decision`] (its verdict, certainty, rule,
//! sources, the facts it used or produced, and its explanation in both languages). Routes combine
//! decisions into a [`Cond`]ition tree; the report is built once, at the end, from the journal and
//! the tree (see `routes::report::build`). Rules never read the report back.
//!
//! Why: the reason given for a "no" must be the decision that said no, in its own words, and a
//! definite answer must never rest on an unknown. Both follow from the tree: [`Cond::basis`] names
//! the decisions an outcome rests on, and [`Cond::certainty`] applies the certainty algebra of
//! DESIGN.md (a "yes" is as sure as its least sure condition; a "no" as sure as its surest reason).

use crate::certainty::Certainty;
use crate::report::{Deadline, HeldStatus, Unknown, VersionInForce};
use crate::Text;

/// Three-valued logic: yes, no, cannot tell yet (Publicodes' "non applicable / manquant").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tri {
    Yes,
    No,
    Unknown,
}

impl Tri {
    pub fn as_str(self) -> &'static str {
        match self {
            Tri::Yes => "yes",
            Tri::No => "no",
            Tri::Unknown => "unknown",
        }
    }

    pub fn from_bool(value: bool) -> Tri {
        if value {
            Tri::Yes
        } else {
            Tri::No
        }
    }
}

crate::json_string!(Tri);

/// Something a decision used or produced, gathered into the report at the end.
#[derive(Clone, Debug, PartialEq)]
pub enum Fact {
    /// An input the calculator needs (its contract path, e.g. `experience.months`).
    Missing(&'static str),
    /// A fact absent from our data, and whom to ask.
    Unknown(Unknown),
    Deadline(Deadline),
    Note(Text),
    /// What became of one held CCP.
    Credit(HeldStatus),
    /// The title's version in force on the evaluation date.
    Version(VersionInForce),
    /// The current-version CCPs still to obtain (`None`: the list is not in our data).
    Remaining(Option<Vec<String>>),
}

/// A source's id: a legal source of the code (`rules::sources`), borrowed, or one of the title
/// data's own, copied (no string allocated for the many ids of the law that decisions cite).
pub type SourceId = std::borrow::Cow<'static, str>;

/// The ids of legal sources of the code, borrowed.
pub fn law(ids: &[&'static str]) -> Vec<SourceId> {
    ids.iter().map(|&id| SourceId::Borrowed(id)).collect()
}

/// One rule applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// The rule's id in rules.md ("R7").
    pub rule: &'static str,
    pub verdict: Tri,
    pub certainty: Certainty,
    /// Ids of legal sources (`rules::sources`, borrowed) or of the title data's own sources.
    pub sources: Vec<SourceId>,
    /// The explanation step, in the decision's own words; also the reason given for a "no".
    pub text: Text,
    pub facts: Vec<Fact>,
}

impl Decision {
    /// A decision. A "yes" or a "no" that rests on an unknown fact is no yes and no no: it is
    /// turned into "cannot tell yet" here, once for all rules (rules.md, "Certainty").
    pub fn new(
        rule: &'static str,
        verdict: Tri,
        certainty: Certainty,
        sources: &[&'static str],
        text: Text,
    ) -> Decision {
        let (verdict, certainty) = match (verdict, certainty) {
            (Tri::Unknown, _) | (_, Certainty::Unknown) => (Tri::Unknown, Certainty::Unknown),
            pair => pair,
        };
        Decision { rule, verdict, certainty, sources: law(sources), text, facts: Vec::new() }
    }

    /// An informative step (what the jury looks at, the documents): it holds, and no route uses it
    /// as a condition. One that states an unknown (a CCP list not in our data) says "unknown".
    pub fn info(rule: &'static str, certainty: Certainty, sources: &[&'static str], text: Text) -> Decision {
        Decision::new(rule, Tri::Yes, certainty, sources, text)
    }

    /// A condition on one of the person's yes/no answers (`field`, its contract path): its words
    /// when yes, when no, and when not answered ("cannot tell yet", the input listed as missing).
    pub fn on_answer(
        rule: &'static str,
        answer: Option<bool>,
        certainty: Certainty,
        sources: &[&'static str],
        field: &'static str,
        [yes, no, unanswered]: [Text; 3],
    ) -> Decision {
        match answer {
            Some(true) => Decision::new(rule, Tri::Yes, certainty, sources, yes),
            Some(false) => Decision::new(rule, Tri::No, certainty, sources, no),
            None => {
                Decision::new(rule, Tri::Unknown, certainty, sources, unanswered).with(Fact::Missing(field))
            }
        }
    }

    /// The decision also cites one of the title data's own sources (after the law's).
    pub fn citing(mut self, id: impl Into<SourceId>) -> Decision {
        self.sources.push(id.into());
        self
    }

    /// The same for a list built by the rule (kept as it is when the decision cites nothing else).
    pub fn citing_all(mut self, ids: Vec<SourceId>) -> Decision {
        if self.sources.is_empty() {
            self.sources = ids;
        } else {
            self.sources.extend(ids);
        }
        self
    }

    pub fn with(mut self, fact: Fact) -> Decision {
        self.facts.push(fact);
        self
    }

    pub fn with_all(mut self, facts: impl IntoIterator<Item = Fact>) -> Decision {
        self.facts.extend(facts);
        self
    }
}

/// A decision's place in the journal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Id(pub usize);

/// The decisions of one evaluation, in the order they were taken.
#[derive(Default, Debug)]
pub struct Journal {
    decisions: Vec<Decision>,
}

impl Journal {
    pub fn push(&mut self, decision: Decision) -> Id {
        self.decisions.push(decision);
        Id(self.decisions.len() - 1)
    }

    pub fn get(&self, id: Id) -> &Decision {
        &self.decisions[id.0]
    }

    pub fn verdict(&self, id: Id) -> Tri {
        self.get(id).verdict
    }

    pub fn decisions(&self) -> &[Decision] {
        &self.decisions
    }

    pub fn into_decisions(self) -> Vec<Decision> {
        self.decisions
    }
}

/// How a route combines decisions: its conditions.
#[derive(Clone, Debug, PartialEq)]
pub enum Cond {
    One(Id),
    /// Every condition must hold.
    All(Vec<Cond>),
    /// One condition is enough.
    Any(Vec<Cond>),
}

impl Cond {
    pub fn verdict(&self, j: &Journal) -> Tri {
        match self {
            Cond::One(id) => j.verdict(*id),
            Cond::All(items) => {
                // A "no" decides; else any "cannot tell yet" does.
                let (mut no, mut unknown) = (false, false);
                for v in items.iter().map(|c| c.verdict(j)) {
                    no |= v == Tri::No;
                    unknown |= v == Tri::Unknown;
                }
                if no {
                    Tri::No
                } else if unknown {
                    Tri::Unknown
                } else {
                    Tri::Yes
                }
            }
            Cond::Any(items) => {
                // A "yes" decides; else any "cannot tell yet" does (and nothing to choose from).
                let (mut yes, mut unknown) = (false, items.is_empty());
                for v in items.iter().map(|c| c.verdict(j)) {
                    yes |= v == Tri::Yes;
                    unknown |= v == Tri::Unknown;
                }
                if yes {
                    Tri::Yes
                } else if unknown {
                    Tri::Unknown
                } else {
                    Tri::No
                }
            }
        }
    }

    /// The certainty algebra (DESIGN.md): a "yes" of all conditions is as sure as the least sure;
    /// a "yes" of any is as sure as the surest "yes"; a "no" of all is as sure as the surest "no";
    /// a "no" of any is as sure as the least sure "no"; "cannot tell yet" is `unknown`.
    pub fn certainty(&self, j: &Journal) -> Certainty {
        let verdict = self.verdict(j);
        match (self, verdict) {
            (_, Tri::Unknown) => Certainty::Unknown,
            (Cond::One(id), _) => j.get(*id).certainty,
            (Cond::All(items), Tri::Yes) | (Cond::Any(items), Tri::No) => {
                items.iter().map(|c| c.certainty(j)).min().unwrap_or_default()
            }
            (Cond::All(items), Tri::No) | (Cond::Any(items), Tri::Yes) => items
                .iter()
                .filter(|c| c.verdict(j) == verdict)
                .map(|c| c.certainty(j))
                .max()
                .unwrap_or_default(),
        }
    }

    /// The decisions the verdict rests on: for a "no", the ones that said no; for "cannot tell
    /// yet", the ones that could not tell; for a "yes", every one it needed (for "any", the
    /// surest "yes").
    pub fn basis(&self, j: &Journal, out: &mut Vec<Id>) {
        let verdict = self.verdict(j);
        match self {
            Cond::One(id) => {
                if !out.contains(id) {
                    out.push(*id);
                }
            }
            Cond::All(items) => {
                for c in items.iter().filter(|c| verdict == Tri::Yes || c.verdict(j) == verdict) {
                    c.basis(j, out);
                }
            }
            Cond::Any(items) => match verdict {
                Tri::Yes => {
                    // The first of the surest (max_by_key keeps the last of equals, hence rev).
                    let surest = items
                        .iter()
                        .rev()
                        .filter(|c| c.verdict(j) == Tri::Yes)
                        .max_by_key(|c| c.certainty(j));
                    if let Some(c) = surest {
                        c.basis(j, out);
                    }
                }
                _ => {
                    for c in items.iter().filter(|c| c.verdict(j) == verdict) {
                        c.basis(j, out);
                    }
                }
            },
        }
    }
}
