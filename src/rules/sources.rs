//! The legal texts cited by the rules (rules.md, "Legal texts and when they apply"). Explanation
//! steps cite them by id; title data cites its own sources (see [`crate::title::DataSource`]).

/// A legal source: id, French label, English label, and an official address where we have one.
pub struct Legal {
    pub id: &'static str,
    pub fr: &'static str,
    pub en: &'static str,
    pub url: Option<&'static str>,
}

macro_rules! legal {
    ($($id:literal => $fr:literal, $en:literal $(, $url:literal)?;)+) => {
        /// Every legal source, by id.
        pub const LEGAL: &[Legal] = &[$(Legal { id: $id, fr: $fr, en: $en, url: legal!(@url $($url)?) }),+];
    };
    (@url $url:literal) => { Some($url) };
    (@url) => { None };
}

legal! {
    "R338-1" => "Code de l'éducation, art. R338-1 et suivants (décret 2002-1029, codifié en 2006)",
                "Code de l'éducation, art. R338-1 ff. (décret 2002-1029, codified in 2006)";
    "R338-5-old" => "Code de l'éducation, art. R338-5, ancienne rédaction (CCP acquis sur cinq ans au plus)",
                    "Code de l'éducation, art. R338-5, old wording (CCPs acquired over five years at most)";
    "R338-5" => "Code de l'éducation, art. R338-5, rédaction du décret 2016-954 du 11 juillet 2016",
                "Code de l'éducation, art. R338-5, as rewritten by décret 2016-954 of 11 July 2016";
    "arrete-2002" => "Arrêté du 25 novembre 2002 (conditions de délivrance, premier régime)",
                     "Arrêté of 25 November 2002 (conditions of delivery, first regime)";
    "arrete-2006" => "Arrêté du 9 mars 2006 (conditions de délivrance, second régime, jusqu'au 31 mai 2016)",
                     "Arrêté of 9 March 2006 (conditions of delivery, second regime, until 31 May 2016)";
    "arrete-2015-art1-2" => "Arrêté du 22 décembre 2015, art. 1 et 2",
                            "Arrêté of 22 December 2015, art. 1 and 2";
    "arrete-2015-art3" => "Arrêté du 22 décembre 2015, art. 3 (fin de validité : prorogation, révision, clôture)",
                          "Arrêté of 22 December 2015, art. 3 (end of validity: extension, revision, closure)";
    "arrete-2015-art4" => "Arrêté du 22 décembre 2015, art. 4 (accès aux sessions)",
                          "Arrêté of 22 December 2015, art. 4 (access to sessions)";
    "arrete-2015-art4-2017" => "Arrêté du 22 décembre 2015, art. 4, modifié à compter du 1er janvier 2017 (presse professionnelle)",
                               "Arrêté of 22 December 2015, art. 4, as amended from 1 January 2017 (professional press)";
    "arrete-2015-art7" => "Arrêté du 22 décembre 2015, art. 7 (recevabilité VAE, valable un an)",
                          "Arrêté of 22 December 2015, art. 7 (VAE admissibility, valid one year)";
    "arrete-2006-art4" => "Arrêté du 9 mars 2006, art. 4, tel que résumé par un organisme de formation (recevabilité valable un an ; silence vaut refus)",
                          "Arrêté of 9 March 2006, art. 4, as summarised by a training body (admissibility valid one year; silence means refusal)";
    "arrete-2015-art8" => "Arrêté du 22 décembre 2015, art. 8 (modalités d'évaluation)",
                          "Arrêté of 22 December 2015, art. 8 (how candidates are assessed)";
    "arrete-2015-art10" => "Arrêté du 22 décembre 2015, art. 10 (réussite partielle, nouvelle session ; copie secondaire)",
                           "Arrêté of 22 December 2015, art. 10 (partial success, new session; secondary copy)";
    "reglement-2016" => "Arrêté du 21 juillet 2016 portant règlement général des sessions (JO du 28 juillet 2016), modifié le 15 septembre 2016",
                        "Arrêté of 21 July 2016, general rules of exam sessions (JO 28 July 2016), amended 15 September 2016";
    "L335-5" => "Code de l'éducation, art. L335-5 et R335-5 et suivants (VAE jusqu'en 2023)",
                "Code de l'éducation, art. L335-5 and R335-5 ff. (VAE until 2023)";
    "R335-7" => "Code de l'éducation, art. R335-7 (une demande par année civile) ; code du travail, art. R6412-3",
                "Code de l'éducation, art. R335-7 (one application per calendar year); code du travail, art. R6412-3";
    "vae-reform" => "Loi 2022-1598 du 21 décembre 2022 ; décret 2023-1275 du 27 décembre 2023 ; code du travail, art. L6411-1, L6412-1 et suivants",
                    "Loi 2022-1598 of 21 December 2022; décret 2023-1275 of 27 December 2023; code du travail, art. L6411-1, L6412-1 ff.";
    "L6412-2" => "Code du travail, art. L6412-2 (recevabilité par le certificateur sous deux mois, silence vaut acceptation)",
                 "Code du travail, art. L6412-2 (admissibility decided by the certifier within two months, silence means yes)";
    "france-vae-faq" => "FAQ officielle France VAE et presse (parcours engagés à partir du 1er janvier 2024)",
                        "Official France VAE FAQ and press (paths started from 1 January 2024)";
    "referentiel" => "Référentiel du titre, modalités d'obtention (texte de base)",
                     "The title's référentiel, how the title is obtained (seed text)";
    "policy" => "Politique du calculateur (rules.md du projet), faute de texte",
                "Calculator policy (the project's rules.md), where no text was found";
}

/// The legal source with this id.
pub fn legal(id: &str) -> Option<&'static Legal> {
    LEGAL.iter().find(|s| s.id == id)
}
