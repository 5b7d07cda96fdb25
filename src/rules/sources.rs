//! The legal texts cited by the rules (rules.md, "Legal texts and when they apply"). Explanation
//! steps cite them by id; their names in words are the catalogues' (`source.<id>` in messages/);
//! title data cites its own sources (see [`crate::title::DataSource`]).

use crate::text::{msg, Msg};

/// A legal source: its id, its name (a message), and an official address where we have one.
pub struct Legal {
    pub id: &'static str,
    pub name: Msg,
    pub url: Option<&'static str>,
}

macro_rules! legal {
    ($($id:literal => $msg:ident $(, $url:literal)?;)+) => {
        /// Every legal source, by id.
        pub const LEGAL: &[Legal] = &[$(Legal { id: $id, name: msg::$msg, url: legal!(@url $($url)?) }),+];
    };
    (@url $url:literal) => { Some($url) };
    (@url) => { None };
}

legal! {
    "R338-1" => SOURCE_R338_1;
    "R338-5-old" => SOURCE_R338_5_OLD, "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006526958";
    "R338-5" => SOURCE_R338_5, "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000032890259";
    "arrete-2002" => SOURCE_ARRETE_2002;
    "arrete-2006" => SOURCE_ARRETE_2006;
    "arrete-2015-art1-2" => SOURCE_ARRETE_2015_ART1_2;
    "arrete-2015-art3" => SOURCE_ARRETE_2015_ART3;
    "arrete-2015-art4" => SOURCE_ARRETE_2015_ART4;
    "arrete-2015-art4-2017" => SOURCE_ARRETE_2015_ART4_2017;
    "arrete-2015-art7" => SOURCE_ARRETE_2015_ART7;
    "arrete-2006-art4" => SOURCE_ARRETE_2006_ART4;
    "arrete-2015-art8" => SOURCE_ARRETE_2015_ART8;
    "arrete-2015-art10" => SOURCE_ARRETE_2015_ART10;
    "reglement-2016" => SOURCE_REGLEMENT_2016;
    "L335-5" => SOURCE_L335_5;
    "R335-7" => SOURCE_R335_7;
    "vae-reform" => SOURCE_VAE_REFORM;
    "L6412-2" => SOURCE_L6412_2;
    "france-vae-faq" => SOURCE_FRANCE_VAE_FAQ;
    "referentiel" => SOURCE_REFERENTIEL;
    "policy" => SOURCE_POLICY;
}

/// The legal source with this id.
pub fn legal(id: &str) -> Option<&'static Legal> {
    LEGAL.iter().find(|s| s.id == id)
}
