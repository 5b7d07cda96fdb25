// The accessibility statement in French or English (?lang=en), with a switch.
import { bilingual } from "./bilingual.js";

bilingual("fr");
document.body.dataset.ready = "true";
