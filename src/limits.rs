//! The bounds on what the calculator reads, so that work and memory stay proportional to a
//! reasonable input whatever a caller sends (README, "Limits"). Past a bound the input is refused
//! with an error naming the field (`tooMany`, `tooLong`), never cut silently.

/// Bytes of JSON text read by the command line (a situation, or a file of title data).
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;
/// Values (objects, arrays, strings, numbers…) read in one situation (a situation with 64 held
/// CCPs has about 250): shared sub-objects count each time they are reached.
pub const MAX_SITUATION_NODES: usize = 2_000;
/// Values read in one call's title data.
pub const MAX_NODES: usize = 200_000;
/// Characters copied out of JavaScript in one call (strings and keys, each reference counted each
/// time it is read), checked before each copy: a situation, and title data (the page caps a title
/// file at 2 MB before it gets here).
pub const MAX_SITUATION_CHARS: usize = 200_000;
pub const MAX_TITLE_CHARS: usize = 4_000_000;
/// Bounds of experience inputs: a working life at most (the page's number fields say the same).
pub const MAX_MONTHS: f64 = 720.0;
pub const MAX_HOURS: f64 = 120_000.0;
/// Nesting depth of any input.
pub const MAX_DEPTH: usize = 64;
/// Characters of one string in any input (keys included).
pub const MAX_STRING_CHARS: usize = 100_000;
/// Characters of one text of title data (a name, a source, an assessment).
pub const MAX_TEXT_CHARS: usize = 20_000;
/// CCPs a situation may list as held (a title's whole history has far fewer).
pub const MAX_HELD: usize = 64;
/// Titles in one call's title data.
pub const MAX_TITLES: usize = 500;
/// Versions of one title; also `Code Diplôme` values.
pub const MAX_VERSIONS: usize = 64;
/// CCPs of one version, CCS of a title, competences of a CCP, ids on one side of a row.
pub const MAX_CCPS: usize = 200;
/// Rows of one correspondence table.
pub const MAX_ROWS: usize = 1_000;
/// Sources of one title.
pub const MAX_SOURCES: usize = 500;
/// Characters of an input value echoed in an error message.
pub const ECHO_CHARS: usize = 40;

// The register importer (native only), whatever the file it is given: memory stays bounded.

/// Bytes of one XML event (a tag with its attributes, one run of text): a longer one is refused
/// before it is buffered whole.
pub const MAX_XML_EVENT_BYTES: u64 = 1024 * 1024;
/// Characters of one field's text, entities included.
pub const MAX_XML_TEXT_CHARS: usize = 1024 * 1024;
/// Bytes of one fiche of the XML export (a real one is under 200 KB).
pub const MAX_FICHE_BYTES: u64 = 16 * 1024 * 1024;
/// Nesting depth of the XML export (the flux nests seven deep).
pub const MAX_XML_DEPTH: usize = 64;
/// Bytes of one CSV record.
pub const MAX_CSV_RECORD_BYTES: u64 = 1024 * 1024;
/// Of the TP fiches the previous export gave, the share a new export must give at least, and of
/// the titles written before, the share an import must write at least (unless `--force`).
pub const MIN_KEPT_PERCENT: usize = 90;
