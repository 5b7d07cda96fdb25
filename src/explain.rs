//! The evaluation context: the report is built while the rules are applied, so the explanation is
//! a by-product of evaluation, never rebuilt afterwards (the Publicodes way).

use crate::certainty::Certainty;
use crate::date::Date;
use crate::report::{Deadline, Report, SourceRef, Status, Step, Unknown};
use crate::rules::sources;
use crate::situation::{Path, Situation};
use crate::title::Title;
use crate::{tx, Text};

/// Three-valued logic: yes, no, cannot tell yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tri {
    Yes,
    No,
    Unknown,
}

impl Tri {
    /// Both conditions: a definite no wins over an unknown, an unknown over a yes.
    pub fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::No, _) | (_, Tri::No) => Tri::No,
            (Tri::Unknown, _) | (_, Tri::Unknown) => Tri::Unknown,
            _ => Tri::Yes,
        }
    }

    /// Either condition: a definite yes wins over an unknown, an unknown over a no.
    pub fn or(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::Yes, _) | (_, Tri::Yes) => Tri::Yes,
            (Tri::Unknown, _) | (_, Tri::Unknown) => Tri::Unknown,
            _ => Tri::No,
        }
    }

    pub fn from_bool(value: bool) -> Tri {
        if value { Tri::Yes } else { Tri::No }
    }
}

/// Whom to ask about a title file (rules.md, "Certainty").
pub fn ask_dreets() -> Text {
    tx!("l'unité départementale de la DREETS de votre département",
        "the DREETS unit of your département (regional labour administration)")
}

/// Whom to ask about a VAE path from 2024 on.
pub fn ask_france_vae() -> Text {
    tx!("le certificateur, via le portail France VAE", "the certifier, through the France VAE portal")
}

/// The state of one evaluation: inputs, title data, and the report being written.
pub struct Eval<'a> {
    pub title: &'a Title,
    pub situation: &'a Situation,
    pub as_of: Date,
    pub path: Path,
    pub report: Report,
    /// The explanation and certainty of the first condition that said no: the reason given in
    /// the summary, and the certainty of a "not eligible".
    pub blocker: Option<(Text, Certainty)>,
}

impl<'a> Eval<'a> {
    pub fn new(title: &'a Title, situation: &'a Situation, as_of: Date, path: Path, data: &'static str) -> Eval<'a> {
        let report = Report {
            rules_version: crate::rules::RULES_VERSION,
            data,
            title: title.code.clone(),
            title_name: title.name.clone(),
            as_of,
            path,
            status: Status::Undetermined,
            certainty: Certainty::Official,
            summary: Text::default(),
            missing: Vec::new(),
            unknowns: Vec::new(),
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
        };
        Eval { title, situation, as_of, path, report, blocker: None }
    }

    /// Records one rule applied: its id in rules.md, what it concluded, its sources and certainty.
    pub fn step(&mut self, rule: &'static str, certainty: Certainty, source_ids: &[&str], text: Text) {
        let sources = source_ids.iter().map(|id| self.source(id)).collect();
        self.report.explanation.push(Step { rule, fr: text.fr, en: text.en, sources, certainty });
    }

    fn source(&self, id: &str) -> SourceRef {
        if let Some(s) = sources::legal(id) {
            return SourceRef { id: id.to_string(), fr: s.fr.to_string(), en: s.en.to_string() };
        }
        match self.title.source(id) {
            Some(s) => SourceRef { id: id.to_string(), fr: s.fr.clone(), en: s.en.clone() },
            // Title data is validated, so every id it cites exists; rule ids are checked by tests.
            None => SourceRef { id: id.to_string(), fr: id.to_string(), en: id.to_string() },
        }
    }

    /// Passes a condition's result through, remembering the step that said no first.
    pub fn check(&mut self, result: Tri) -> Tri {
        if result == Tri::No && self.blocker.is_none() {
            self.blocker = self.report.explanation.last().map(|s| (Text::new(s.fr.clone(), s.en.clone()), s.certainty));
        }
        result
    }

    /// The outcome rests on a fact of this certainty.
    pub fn rely(&mut self, certainty: Certainty) {
        self.report.certainty = self.report.certainty.min(certainty);
    }

    /// An input the calculator needs to decide.
    pub fn missing(&mut self, field: &str) {
        if !self.report.missing.iter().any(|m| m == field) {
            self.report.missing.push(field.to_string());
        }
    }

    /// A fact absent from our data, and whom to ask.
    pub fn unknown(&mut self, what: Text, ask: Text) {
        let entry = Unknown { what, ask };
        if !self.report.unknowns.contains(&entry) {
            self.report.unknowns.push(entry);
        }
    }

    pub fn deadline(&mut self, kind: &'static str, date: Option<Date>, certainty: Certainty, label: Text, condition: Option<Text>) {
        if !self.report.deadlines.iter().any(|d| d.kind == kind && d.date == date) {
            self.report.deadlines.push(Deadline { kind, date, certainty, label, condition });
        }
    }

    pub fn note(&mut self, text: Text) {
        if !self.report.notes.contains(&text) {
            self.report.notes.push(text);
        }
    }

    pub fn next_step(&mut self, text: Text) {
        if !self.report.next_steps.contains(&text) {
            self.report.next_steps.push(text);
        }
    }

    /// A CCP's name in both languages, for texts: « name » (version v).
    pub fn ccp_name(&self, id: &str) -> Text {
        match self.title.ccp(id) {
            Some((v, c)) => {
                let v = &self.title.versions[v].id;
                Text::new(format!("« {} » (version {v})", c.name.fr), format!("\"{}\" ({v} version)", c.name.en))
            }
            None => Text::new(id, id),
        }
    }
}
