//! Command line: `tp-eligibility [--lang fr|en] [--json] [--titles titles.json] [situation.json]`.
//! Reads the situation from the file, or from standard input; prints the report as readable text
//! (French by default) or as JSON. Exit status: 0 on a report, 2 on invalid input (the error on
//! stderr). Any argument and any input gives one of the two: inputs are read up to
//! `limits::MAX_INPUT_BYTES`, must be UTF-8 (a byte order mark is accepted), and values echoed in
//! messages are cut short with control characters neutralised.

use std::io::{Read, Write};
use std::process::ExitCode;
use tp_eligibility::error::short;
use tp_eligibility::{limits, plain_text, Lang, Situation};

const USAGE: &str = "usage: tp-eligibility [--lang fr|en] [--json] [--titles titles.json] [situation.json]
       tp-eligibility import (--sources data/sources.json [--export export-fiches-rncp-v4-1-YYYY-MM-DD.zip [--export-url URL]]
                             | [--xml FILE [--xml-date YYYY-MM-DD]] [--csv DIR] [--kit FILE] [--curated title.json]...)
                             --out DIR [--force] [--quiet] [--stats]";

/// Runs, then writes the output (or the error), never panicking on a write: a reader that went
/// away (`| head -c 1`) ends the run quietly with its status; any other write error (a full disk)
/// is said on stderr, status 2. Every line written has its control characters and bidirectional
/// overrides neutralised ("�"): nothing read from an input or a title file reaches the terminal raw.
pub fn main() -> ExitCode {
    let (text, status, out) = match run() {
        Ok(output) => (output, ExitCode::SUCCESS, true),
        Err(message) => (format!("{message}\n"), ExitCode::from(2), false),
    };
    let text = neutralised(&text);
    let written = if out {
        write_all(std::io::stdout().lock(), &text)
    } else {
        write_all(std::io::stderr().lock(), &text)
    };
    match written {
        Ok(()) => status,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => status,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "écriture impossible / cannot write: {e}");
            ExitCode::from(2)
        }
    }
}

fn write_all(mut to: impl Write, text: &str) -> std::io::Result<()> {
    to.write_all(text.as_bytes())?;
    to.flush()
}

/// The text with every control character but the line break, and every bidirectional override,
/// shown as "�".
fn neutralised(text: &str) -> String {
    text.chars()
        .map(|c| if c != '\n' && tp_eligibility::title::forbidden(c) { '\u{fffd}' } else { c })
        .collect()
}

/// Reads at most the input limit from `source`, as UTF-8 text without a byte order mark.
fn read_text(mut source: impl Read, name: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    source
        .by_ref()
        .take(limits::MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{} : lecture impossible / cannot read: {e}", short(name)))?;
    if bytes.len() > limits::MAX_INPUT_BYTES {
        return Err(format!("{} : entrée trop grande (au plus {} octets) / input too large (at most {} bytes)\n(field: , code: tooMany)",
            short(name), limits::MAX_INPUT_BYTES, limits::MAX_INPUT_BYTES));
    }
    let text = String::from_utf8(bytes).map_err(|e| format!(
        "{} : ce n'est pas du texte UTF-8 (octet {}) / not UTF-8 text (byte {})\n(field: , code: invalidJson)",
        short(name), e.utf8_error().valid_up_to(), e.utf8_error().valid_up_to()))?;
    Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text))
}

/// `import`: reads the register's files and writes title data (see `import`).
fn import(mut args: impl Iterator<Item = Result<String, String>>) -> Result<String, String> {
    use tp_eligibility::import::{date_in_name, refresh, Input};
    let mut input =
        Input { progress: std::io::IsTerminal::is_terminal(&std::io::stderr()), ..Input::default() };
    let mut out = None;
    let mut xml_date = None;
    let dated = |path: String, date: Option<tp_eligibility::Date>| {
        let path = std::path::PathBuf::from(path);
        date.or_else(|| date_in_name(&path)).map(|d| (path.clone(), d)).ok_or_else(|| format!(
            "{} : date des données inconnue (--xml-date AAAA-MM-JJ) / date of the data unknown (--xml-date YYYY-MM-DD)", short(&path.display().to_string())))
    };
    let mut xml = Vec::new();
    let (mut stats, mut force) = (false, false);
    let (mut export, mut export_url, mut sources) = (None, None, None);
    while let Some(arg) = args.next() {
        let arg = arg?;
        let mut value = || {
            args.next()
                .transpose()?
                .ok_or_else(|| format!("{arg} : valeur manquante / missing value\n{USAGE}"))
        };
        match arg.as_str() {
            "--xml" => xml.push(value()?),
            "--xml-date" => {
                xml_date = Some(
                    tp_eligibility::Date::parse(&value()?).ok_or("--xml-date : AAAA-MM-JJ / YYYY-MM-DD")?,
                )
            }
            "--csv" => input.csv.push(dated(value()?, None)?),
            "--kit" => input.kit.push(dated(value()?, None)?),
            "--curated" => input.curated.push(value()?.into()),
            "--sources" => sources = Some(std::path::PathBuf::from(value()?)),
            "--export" => export = Some(std::path::PathBuf::from(value()?)),
            "--export-url" => export_url = Some(value()?),
            "--out" => out = Some(std::path::PathBuf::from(value()?)),
            "--quiet" => input.progress = false,
            "--stats" => stats = true,
            "--force" => force = true,
            "-h" | "--help" => return Ok(format!("{USAGE}\n")),
            _ => return Err(format!("argument inconnu / unknown argument: {}\n{USAGE}", short(&arg))),
        }
    }
    // A list of sources replaces the files named one by one; without a new export, the one the
    // last refresh recorded is read too (what `make data` reproduces).
    if let Some(path) = &sources {
        let loaded =
            if export.is_some() { Input::from_sources(path) } else { Input::from_sources_and_record(path) };
        input = Input { progress: input.progress, ..loaded.map_err(|p| format!("erreur / error: {p}"))? };
    }
    input.xml.extend(xml.into_iter().map(|p| dated(p, xml_date)).collect::<Result<Vec<_>, _>>()?);
    let out = out.ok_or_else(|| format!("--out DOSSIER manquant / --out DIR missing\n{USAGE}"))?;
    let error = |p: tp_eligibility::import::Problem| format!("erreur / error: {p}");
    // A refresh: the export given replaces the one recorded, and is checked before anything is written.
    let refresh = match export {
        Some(path) => {
            let sources = sources.ok_or_else(|| format!("--export demande --sources (le relevé s'écrit à côté) / --export needs --sources (the record is written beside it)\n{USAGE}"))?;
            input.export = Some(refresh::Export::new(path, export_url).map_err(error)?);
            Some(refresh::record(&sources))
        }
        None => None,
    };
    let output = tp_eligibility::import::import(&input).map_err(error)?;
    let mut report = String::new();
    if let (Some(record), Some(export)) = (&refresh, &input.export) {
        let previous = refresh::read_record(record)
            .map_err(error)?
            .and_then(|r| r["export"]["tpFiches"].as_u64())
            .map_or(output.xml_fiches, |n| n as usize);
        refresh::check(export, &output, previous, force).map_err(error)?;
        for line in refresh::diff(&out, &output, 40) {
            report.push_str(&line);
            report.push('\n');
        }
    }
    tp_eligibility::import::write(&out, &output, force).map_err(error)?;
    if let (Some(record), Some(export)) = (&refresh, &input.export) {
        refresh::write_record(record, export, &output).map_err(error)?;
        report.push_str(&format!(
            "relevé / record: {} ({}, {} fiches TP / TP fiches)\n",
            record.display(),
            export.date,
            output.export_fiches
        ));
    }
    report.push_str(&format!("{} fiches lues, {} fiches TP, {} titres écrits dans {} / {} fiches read, {} TP fiches, {} titles written to {}\n",
        output.read, output.fiches, output.titles, out.display(), output.read, output.fiches, output.titles, out.display()));
    for w in &output.warnings {
        report.push_str(&format!("attention / warning: {w}\n"));
    }
    if stats {
        // Peak resident memory of this process (Linux), for `make bench`.
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let peak = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).map_or("?", str::trim);
        report.push_str(&format!("{{\"peakMemory\": \"{peak}\"}}\n"));
    }
    Ok(report)
}

fn run() -> Result<String, String> {
    let (mut lang, mut json, mut file, mut titles_file) = (Lang::Fr, false, None, None);
    let mut args = std::env::args_os().skip(1).map(|a| {
        a.into_string().map_err(|a| {
            format!(
                "argument illisible (pas du texte) / unreadable argument (not text): {}\n{USAGE}",
                short(&a.to_string_lossy())
            )
        })
    });
    let mut first = true;
    while let Some(arg) = args.next() {
        let arg = arg?;
        if first && arg == "import" {
            return import(args);
        }
        first = false;
        match arg.as_str() {
            "--json" => json = true,
            "--lang" => {
                // Any language of messages/languages.json.
                lang = match args.next().transpose()?.as_deref().and_then(Lang::from_code) {
                    Some(lang) => lang,
                    None => return Err(format!("--lang attend fr ou en / --lang expects fr or en\n{USAGE}")),
                }
            }
            "--titles" => titles_file = Some(args.next().transpose()?.ok_or(USAGE)?),
            "-h" | "--help" => return Ok(format!("{USAGE}\n")),
            _ if file.is_none() && !arg.starts_with("--") => file = Some(arg),
            _ => return Err(format!("argument inconnu / unknown argument: {}\n{USAGE}", short(&arg))),
        }
    }
    let open = |path: &str| {
        std::fs::File::open(path)
            .map_err(|e| format!("{} : lecture impossible / cannot read: {e}", short(path)))
    };
    let text = match &file {
        Some(path) => read_text(open(path)?, path)?,
        None => read_text(std::io::stdin().lock(), "stdin")?,
    };
    let fail = |e: tp_eligibility::Error| {
        format!("erreur : {}\nerror: {}\n(field: {}, code: {})", e.fr(), e.en(), e.field, e.code.as_str())
    };
    let situation = Situation::from_json(&text).map_err(fail)?;
    let titles = match &titles_file {
        Some(path) => Some(tp_eligibility::titles_from_json(&read_text(open(path)?, path)?).map_err(fail)?),
        None => None,
    };
    let report = match &titles {
        Some(titles) => tp_eligibility::evaluate_with(&situation, titles),
        None => tp_eligibility::evaluate(&situation),
    }
    .map_err(fail)?;
    if json {
        return Ok(tp_eligibility::json::pretty(&report) + "\n");
    }
    let all = titles.as_deref().unwrap_or(tp_eligibility::title::registry());
    let title = all.iter().find(|t| t.code == report.title);
    Ok(plain_text::report(&report, title, lang))
}
