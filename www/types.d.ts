/** A calendar day, "YYYY-MM-DD". */
export type IsoDate = string;
export type Certainty = "official" | "secondary" | "estimated" | "unknown";
export interface Bilingual { fr: string; en: string; }

/** What the candidate tells the calculator (all fields but asOf and path are optional). */
export interface Situation {
  asOf: IsoDate;
  /** The title's code (TP-00523), its Code Diplôme or the RNCP number of one of its fiches. */
  title?: string;
  path: "continuous" | "vae" | "discontinuous" | "ccs";
  training?: { coherent?: boolean | null; end?: IsoDate | null } | null;
  experience?: { months?: number | null; hours?: number | null; related?: boolean | null } | null;
  /** applied defaults to the admissibility date if given, else asOf */
  vae?: { applied?: IsoDate | null; admissible?: IsoDate | null } | null;
  held?: { ccp: string; obtained: IsoDate }[];
  titleObtained?: IsoDate | null;
  ccs?: string | null;
  /** newTraining: a coherent training course begun after that session (never inferred). */
  lastSession?: { date: IsoDate; outcome: "failed" | "absent"; newTraining?: boolean | null } | null;
}

export interface Deadline {
  kind: "titleValidityEnd" | "closureGraceEnd" | "admissibilityEnd" | "retakeWithoutTrainingEnd"
    | "oldFiveYearWindowEnd" | "admissibilityDecisionBy";
  date: IsoDate | null;
  certainty: Certainty;
  label: Bilingual;
  condition: Bilingual | null;
}

export interface Step {
  rule: string;
  verdict: "yes" | "no" | "unknown";
  fr: string;
  en: string;
  sources: { id: string; fr: string; en: string; url?: string }[];
  certainty: Certainty;
}

export interface Report {
  rulesVersion: string;
  data: "builtin" | "integrator";
  /** The day the title data was taken from the national register. */
  snapshot: IsoDate | null;
  title: string;
  titleName: Bilingual;
  asOf: IsoDate;
  path: Situation["path"];
  status: "eligible" | "notEligible" | "undetermined";
  certainty: Certainty;
  /** The answer in one sentence, starting with its yes/no ("Oui : …"). */
  summary: Bilingual;
  /** The same answer without its yes/no (the page shows the status apart). */
  answer: Bilingual;
  /** Whom to ask to confirm it: the DREETS of one's département, or the certifier via France VAE. */
  contact: { kind: "dreets" | "franceVae"; url: string };
  /** Indexes of the explanation steps the outcome rests on (for a "no", the decisions that said no). */
  restsOn: number[];
  missing: string[];
  unknowns: { what: Bilingual; ask: Bilingual }[];
  version: { id: string; name: Bilingual; rncp: string | null; certainty: Certainty; alternatives: string[] } | null;
  held: { ccp: string; version: string; obtained: IsoDate; status: "counts" | "notCredited" | "expired" | "uncertain";
          countsAs: string[]; reason: Bilingual; certainty: Certainty }[];
  remaining: string[];
  remainingKnown: boolean;
  sessions: { kind: "sessionTitre" | "sessionCcp" | "sessionCcs"; ccp: string | null; label: Bilingual }[];
  assessment: { id: "msp" | "complements" | "ecf" | "dp" | "entretienFinal"; label: Bilingual }[];
  document: { onSuccess: "parchemin"; onPartialSuccess: "livretDeCertification" | null; label: Bilingual } | null;
  deadlines: Deadline[];
  nextSteps: Bilingual[];
  notes: Bilingual[];
  explanation: Step[];
  /** The same situation by each other route. */
  otherRoutes: { path: Situation["path"]; status: Report["status"]; certainty: Certainty; summary: Bilingual; missing: string[] }[];
}

export interface DatedFact {
  date: IsoDate | null; certainty: Certainty; source: string;
  notBefore?: IsoDate; notAfter?: IsoDate; note?: Bilingual;
}
export interface Ccp { id: string; name: Bilingual; competences?: Bilingual[]; assessment?: Bilingual; placeholder?: boolean; }
/** Title data, the format of data/titles/*.json (see README, "Title data format"). */
export interface TitleData {
  format: 2;
  code: string;
  codeDiplome?: string[];
  name: Bilingual;
  level?: Bilingual | null;
  nsf?: string[];
  rome?: string[];
  snapshot?: IsoDate | null;
  sources: { id: string; certainty: Certainty; fr: string; en: string }[];
  versions: { id: string; name: Bilingual; rncp?: string | null; start: DatedFact; end?: DatedFact | null; lastAward?: DatedFact | null;
              act?: { title: string; jo: IsoDate | null } | null; ccpsCertainty: Certainty; ccps: Ccp[];
              correspondence?: { certainty: Certainty; source: string; note?: Bilingual | null;
                                 rows: { from: string[]; to: string[]; note?: Bilingual | null }[] | null } | null }[];
  /** What happens once the last version's registration ends: "closedByInference" when the register
   * says the title is inactive without saying it closed; "replaced" when successors take it over. */
  afterRegistrationEnd: "unknown" | "closed" | "closedByInference" | "replaced";
  /** The titles that replace this one (afterRegistrationEnd "replaced"). */
  replacedBy?: { code: string; name: Bilingual }[];
  ccs?: Ccp[];
  ccsSource: string;
  equivalences?: { certification: Bilingual; total: boolean; ccps?: string[]; certainty: Certainty; source: string }[];
  equivalencesSource: string;
}
export interface Catalog { rulesVersion: string; titles: TitleData[]; }

/** A text as the WebAssembly core writes it (www/messages.js renders it): `[n, ...args]` the message
 * at place n among the catalogue's sorted ids; `{d}` a date; `{n}` a number in hundredths; `{j, t}`
 * texts joined by message j; `{fr, en}` words of the title data; a string, plain text. */
export type TextData = string | [number, ...TextData[]] | { d: IsoDate } | { n: number } | { j: number; t: TextData[] } | Bilingual;

/** Thrown for invalid input: `field` names it ("held[0].obtained"), `code` says why, `m` is the
 * message as data and `fr`, `en` (the languages rendered) in words. */
export interface EligibilityError extends Error { field: string; code: string; m: TextData; fr: string; en: string; }
/** data/titles/index.json: the titles served, for the title search (one row per title file). */
export interface TitleIndex {
  format: 2;
  /** formerNames: what earlier versions were called (the picker finds a title by them too). */
  titles: { code: string; codeDiplome: string[]; name: Bilingual; formerNames?: Bilingual[]; level: Bilingual | null; rncp: string[];
            file: string; end: IsoDate | null; snapshot: IsoDate | null }[];
}
