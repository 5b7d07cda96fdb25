//! Command line: `tp-eligibility [--lang fr|en] [--json] [--titles titles.json] [situation.json]`.
//! Reads the situation from the file, or from standard input; prints the report as readable text
//! (French by default) or as JSON. Exit status: 0 on a report, 2 on invalid input (error on stderr).

use std::io::Read;
use std::process::ExitCode;
use tp_eligibility::{render, Lang, Situation};

const USAGE: &str = "usage: tp-eligibility [--lang fr|en] [--json] [--titles titles.json] [situation.json]";

fn main() -> ExitCode {
    match run() {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<String, String> {
    let (mut lang, mut json, mut file, mut titles_file) = (Lang::Fr, false, None, None);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--lang" => lang = match args.next().as_deref() {
                Some("fr") => Lang::Fr,
                Some("en") => Lang::En,
                _ => return Err(format!("--lang attend fr ou en / --lang expects fr or en\n{USAGE}")),
            },
            "--titles" => titles_file = Some(args.next().ok_or(USAGE)?),
            "-h" | "--help" => return Ok(format!("{USAGE}\n")),
            _ if file.is_none() && !arg.starts_with("--") => file = Some(arg),
            _ => return Err(format!("argument inconnu / unknown argument: {arg}\n{USAGE}")),
        }
    }
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path} : lecture impossible / cannot read: {e}"));
    let text = match &file {
        Some(path) => read(path)?,
        None => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).map_err(|e| format!("stdin: {e}"))?;
            text
        }
    };
    let fail = |e: tp_eligibility::Error| {
        let code = serde_json::to_value(e.code).map(|v| v.as_str().unwrap_or("").to_string()).unwrap_or_default();
        format!("erreur : {}\nerror: {}\n(field: {}, code: {code})", e.fr, e.en, e.field)
    };
    let situation = Situation::from_json(&text).map_err(fail)?;
    let titles = titles_file.as_deref().map(|path| read(path).and_then(|t| tp_eligibility::titles_from_json(&t).map_err(fail))).transpose()?;
    let report = match &titles {
        Some(titles) => tp_eligibility::evaluate_with(&situation, titles),
        None => tp_eligibility::evaluate(&situation),
    }
    .map_err(fail)?;
    if json {
        return serde_json::to_string_pretty(&report).map(|s| s + "\n").map_err(|e| e.to_string());
    }
    let all = titles.as_deref().unwrap_or(tp_eligibility::title::builtin());
    let title = all.iter().find(|t| t.code == report.title);
    Ok(render::text(&report, title, lang))
}
