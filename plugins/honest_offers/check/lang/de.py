"""German word data for the text rules: the shapes of each tactic in German.

Patterns match normalised text: lower case, no accents ("platze", "fur", "zuruck"), "ß" as
"ss", ASCII quotes and dashes. German glues words together ("Restplätze", "Blitzangebot"):
a compound is listed where the tactic lives in it, by its head and the common first parts.
"""

from __future__ import annotations

from honest_offers.check import misdirection as md
from honest_offers.check import pricing as pr
from honest_offers.check import scarcity as sc
from honest_offers.check import social_proof as sp
from honest_offers.check import urgency as ur
from honest_offers.check.lang.base import Language
from honest_offers.check.phrases import (
    DIGITS,
    PERCENT,
    PRICE,
    START,
    PhraseRule,
    pattern,
    words,
)

NUM = words(
    DIGITS,
    "ein",
    "eine",
    "einen",
    "zwei",
    "drei",
    "vier",
    "funf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "elf",
    "zwolf",
    "wenige",
    "einige",
    "ein paar",
)
"""A count in digits or words ("3", "drei", "wenige")."""
_NUM_ANCHORS = (
    "ein eine einen zwei drei vier funf sechs sieben acht neun zehn elf zwolf wenige einige paar"
)

EURO = rf"(?:{PRICE}|\b\d[\d.]*,-(?: ?€| ?eur\b| ?euro\b)?)"
"""An amount of money, also written the German way ("129,- €")."""

_EURO_AMOUNT = (
    r"(?:(?:€|eur\b|euro\b|chf\b|fr\.) ?\d[\d.]*(?:,\d\d|,-)?"
    r"|\d[\d.]*(?:,\d\d|,-)? ?(?:€|eur\b|euro\b|chf\b|fr\.))"
)
"""An amount in euros or Swiss francs (``49,90 €``, ``EUR 49``, ``129,- €``), not dollars."""

UNITS = words(
    "platze",
    "platz",
    "restplatze",
    "sitzplatze",
    "stuck",
    "exemplare",
    "exemplar",
    "artikel",
    "tickets",
    "karten",
    "termine",
    "zimmer",
    "teile",
    "produkte",
    "einheiten",
    "pakete",
    "kurse",
    "paare",
)
_UNIT_ANCHORS = (
    "platze platz restplatze sitzplatze stuck exemplare exemplar artikel "
    "tickets karten termine zimmer teile produkte einheiten pakete kurse "
    "paare"
)
PEOPLE = words(
    "personen",
    "leute",
    "menschen",
    "besucher",
    "besucherinnen",
    "kunden",
    "kundinnen",
    "nutzer",
    "interessenten",
    "andere",
    "gaste",
    "kaufer",
)
_PEOPLE_ANCHORS = (
    "personen leute menschen besucher besucherinnen kunden kundinnen "
    "nutzer interessenten andere gaste kaufer"
)
MINUTES = words("minuten", "minute", "min", "stunden", "stunde", "std", "sekunden", "sek")
SOON = words(
    "bald",
    "heute",
    "morgen",
    "heute nacht",
    "um mitternacht",
    "in kurze",
    "demnachst",
    "in wenigen tagen",
    "in wenigen stunden",
    rf"in {NUM} {MINUTES}",
    rf"in {NUM} (?:tagen|tag)",
)
OFFER = words(
    "angebot",
    "aktion",
    "rabatt",
    "sale",
    "deal",
    "sonderangebot",
    "sonderpreis",
    "aktionspreis",
    "preis",
    "gutschein",
    "gutscheincode",
    "rabattcode",
    "anmeldung",
    "buchung",
    "fruhbucherrabatt",
    "fruhbucherpreis",
)
_OFFER_ANCHORS = (
    "angebot aktion rabatt sale deal sonderangebot sonderpreis aktionspreis "
    "preis gutschein gutscheincode rabattcode anmeldung buchung fruhbucherrabatt "
    "fruhbucherpreis"
)

_STANDING = (
    r"\b(?:fur|ab) (?:alle )?(?:studierende|studenten"
    r"|schuler|azubis|mitglieder|rentner|"
    r"senioren|gruppen|familien|vereine|neukunden"
    r"|stammkunden|jahreszahler)\b|\bbei jahrlicher\b"
    r"|\b(?:bei|im|in|mit|fur|auf) (?:den |dem |der |einem |einer |allen )?"
    r"(?:jahrlich(?:e|en|er|em) [a-z]+|jahres(?:abos?|abonnements?|tarif(?:e|en)?|plan|planen"
    r"|pakete?n?|vertrag|zahlung|abrechnung|lizenz(?:en)?))\b"
    r"|\bjahrlich(?:e|er)? (?:zahlung|abrechnung)\b"
    r"|\bjahrlich (?:be)?zahl|\b(?:be)?zahl\w* jahrlich\b"
    r"|^\W*(?:jahrlich|jahresabo|jahrestarif)\W+(?:spar|zahl)"
    r"|\bfur (?:das|den|die|jedes|jeden|jede) (?:zweite|dritte|vierte|weitere)[nrs]? "
    r"(?:kind|geschwisterkind|person|teilnehmer\w*|familienmitglied)\b"
    r"|\bbei (?:zahlung|vorauszahlung|buchung) (?:fur|von|uber) \S+ (?:monate?|jahre?) im voraus\b"
    r"|^(?:studierende|studenten|schuler|mitglieder"
    r"|rentner|senioren) (?:zahlen|erhalten|bekommen)\b"
)
"""A standing price rule, not a sale: "10 % Rabatt für Studierende"."""
_STANDING_SAVING = (
    rf"{_STANDING}|^(?!.*\b(?:heute|jetzt|nur noch|endet|bis zum)\b)"
    rf".*\b(?:spar\w*|ersparnis)\b[^.!?;]{{0,16}}?(?:{PERCENT}|{EURO}) ?(?:/ ?|pro |im |je "
    r"|jede[nrs]? )(?:monat|jahr|quartal|woche|nutzer\w*|person|lizenz|platz)\b"
)
"""A standing rule, or a saving counted per period or head ("Sparen Sie 4 €/Monat" against
another plan: :data:`honest_offers.check.lexicon.RATE_UNITS`), with no time limit."""

_DELIVERED = (
    r"(?!(?: [a-z]+){0,2} (?:in besitz|erhalten|geliefert|zugestellt|versandt|verschickt"
    r"|angekommen|eingetroffen)\b)"
)
"""Not a delivery: "das letzte Stück in Besitz genommen" in a shop's withdrawal terms is the
last part of an order received, not the last one in stock."""

PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        ur.COUNTDOWN,
        (
            pattern(
                "endet lauft noch verbleibend verbleibende restzeit nur",
                r"\b(?:endet in|endet|lauft ab in|lauft noch|nur noch|noch|verbleibend|"
                r"verbleibende zeit|restzeit):? \d{1,2}:\d{2}(?::\d{2})?\b(?! ?uhr)",
            ),
            pattern(
                "endet lauft noch restzeit verbleibend",
                r"\b(?:endet in|lauft ab in|lauft noch|noch|restzeit|verbleibend) ?:? ?\d{1,3} ?"
                r"(?:tage|tagen|tag|t|std|stunden|stunde|h)\.? \d{1,2} ?"
                r"(?:std|stunden|stunde|h|min|minuten)\b",
            ),
            pattern(
                "tage tagen tag t std stunden stunde h",
                r"\b\d{1,3} ?(?:tage|tagen|tag|t)\.? \d{1,2} ?(?:std|stunden|stunde|h)\.? \d{1,2} ?"
                r"(?:min|minuten)\b|\b\d{1,2} ?(?:std|stunden|stunde|h)\.? \d{1,2} ?(?:min|minuten)"
                r"\.? \d{1,2} ?(?:sek|sekunden|s)\b",
            ),
            pattern(
                "endet lauft",
                rf"\b(?:{OFFER} )?(?:endet|lauft ab|lauft aus) in (?:nur )?(?:noch )?{NUM} "
                rf"(?:{MINUTES}|tagen)\b",
            ),
            # "nur noch 3 Tage", "nur noch 5 Stunden!": only a little time is left
            pattern("noch", rf"\bnur noch {NUM} (?:{MINUTES}|tage)\b"),
        ),
    ),
    PhraseRule(
        ur.LIMITED_TIME,
        (
            pattern(
                "nur",
                r"\bnur (?:noch )?(?:bis )?(?:heute|morgen"
                r"|diese woche|dieses wochenende|an diesem wochenende"
                r"|heute nacht)\b",
            ),
            pattern(
                "heute", r"\bheute nur\b|\bnur heute\b|\bheute (?:ist )?(?:der )?letzte(?:r)? tag\b"
            ),
            pattern(
                "gilt gultig",
                r"\b(?:gilt|gultig) (?:nur )?(?:noch )?(?:bis )?(?:heute"
                rf"|morgen|{SOON})(?: abend| nacht| um mitternacht)?\b",
            ),
            pattern(
                "begrenzt begrenzte begrenzter begrenztes befristet befristetes befristete "
                "befristeter zeitlich limitiert limitierte limitierter limitiertes",
                r"\b(?:zeitlich )?(?:begrenzte[rs]?|befristete[rs]?"
                rf"|limitierte[rs]?) (?:zeit|{OFFER})\b"
                r"|\bzeitlich (?:begrenzt|befristet|limitiert)\b",
            ),
            pattern("kurze kurzer", r"\b(?:nur )?(?:fur )?(?:kurze|kurzer) zeit\b"),
            pattern(
                _OFFER_ANCHORS,
                rf"\b{OFFER} (?:endet|endet schon|lauft ab"
                r"|lauft aus|gilt nur|gilt nicht mehr lange"
                rf"|ist nur|verfallt) (?:noch )?{SOON}\b",
            ),
            pattern(
                _OFFER_ANCHORS + " endet lauft verfallt",
                rf"\b(?:{OFFER} )?(?:endet|lauft ab|lauft aus|verfallt) {SOON}\b",
            ),
            pattern("chance gelegenheit", r"\b(?:letzte|einmalige) (?:chance|gelegenheit)\b"),
            pattern("nie", r"\bjetzt oder nie\b"),
            pattern(
                "blitzangebot blitzangebote blitzaktion blitzverkauf blitzdeal blitzrabatt "
                "tagesangebot tagesdeal tagesangebote",
                r"\b(?:blitzangebote?|blitzaktion|blitzverkauf"
                r"|blitzdeal|blitzrabatt|tagesangebote?|tagesdeal)\b",
            ),
            pattern(
                "letzten",
                rf"\b(?:die |nur noch )?letzten (?:stunden|tage|{NUM} (?:stunden|tage))\b",
            ),
            pattern(
                "lange",
                r"\b(?:gilt|gibt es|bleibt) (?:es |das |dieses angebot )?nicht (?:mehr "
                r")?lange\b",
            ),
        ),
    ),
    PhraseRule(
        ur.HURRY,
        (
            pattern(
                "beeilen beeil beeilt beeilung beeile",
                r"\bbeeil(?:en|t|e|ung)?\b(?! (?:sie )?(?:sich )?(?:nicht|bitte nicht))",
            ),
            pattern(
                "zugreifen zuschlagen zu",
                r"\b(?:schnell|jetzt|sofort) (?:zugreifen"
                r"|zuschlagen)\b|\bgreifen sie (?:jetzt |schnell "
                r"|sofort )+zu\b|\bgreif (?:jetzt |schnell "
                r"|sofort )+zu\b|\bschlagen sie (?:jetzt "
                r"|schnell |sofort )+zu\b",
            ),
            pattern(
                "verpassen verpasse verpass verpasst",
                r"\b(?:nicht verpassen|verpass(?:en sie|e"
                r"|t)? (?:es |das |dies |diese[ns]? |diese chance "
                r"|diese gelegenheit |ihre chance |deine chance )?(?:bloss "
                r"|auf keinen fall )?nicht)\b",
            ),
            pattern("spat", r"\bbevor es zu spat ist\b|\bsonst ist es zu spat\b"),
            pattern(
                "warten zogern warte zogere zoger wartest",
                r"\b(?:warten|zogern) sie nicht\b|\b(?:warte"
                r"|zogere|zoger) nicht\b|\bworauf warten sie( noch)?\b"
                r"|\bworauf wartest du( noch)?\b|\bnicht (?:lange )?(?:zogern"
                r"|warten)\b",
            ),
            pattern("mahlt", r"\bwer zuerst kommt,? mahlt zuerst\b"),
            pattern("eilt eile", r"\bes eilt\b|\beile ist geboten\b"),
            pattern(
                "schnell",
                rf"{START}(?:jetzt )?schnell (?:sein|buchen"
                r"|bestellen|kaufen|sichern|anmelden)\b",
            ),
            pattern("weg", r"\bbevor (?:es|er|sie|alles|alle) weg (?:ist|sind)\b|\bweg ist weg\b"),
        ),
    ),
    PhraseRule(
        ur.PRICE_RISE,
        (
            pattern(
                "preis preise steigt steigen erhoht erhohen",
                r"\b(?:der |die |unsere )?(?:preis|preise) (?:steigt"
                r"|steigen|erhoht sich|erhohen sich|wird erhoht"
                r"|werden erhoht|geht hoch|gehen hoch|ziehen an"
                rf"|zieht an) (?:schon |bereits )?(?:{SOON}"
                r"|ab morgen|nach (?:dem|der|diesem)|danach"
                r"|bald wieder)\b",
            ),
            pattern(
                "teurer",
                r"\b(?:wird|werden) (?:es |das |der kurs "
                rf"|alles )?(?:{SOON} |ab morgen |danach |dann "
                r"|bald )?teurer\b|\bbald teurer\b",
            ),
            pattern(
                "preis",
                r"\b(?:zum|den|zu diesem|diesen) (?:alten"
                r"|aktuellen|jetzigen|heutigen) preis (?:sichern"
                r"|buchen|bestellen|kaufen|festhalten|einfrieren)\b"
                r"|\b(?:noch|jetzt noch) zum (?:alten|aktuellen"
                r"|jetzigen) preis\b",
            ),
            pattern(
                "sichern sichere sicherst sichert halten halte haltet haltst",
                r"\b(?:sicher(?:n|e|st|t)|halte[nt]?|haltst) (?:sie "
                r"|du |euch )?(?:sich |dir )?(?:jetzt |noch "
                r"|schnell )*(?:den|diesen|ihren|deinen) (?:alten"
                r"|aktuellen|jetzigen|heutigen) preis\b",
            ),
            pattern(
                "preiserhohung",
                r"\bpreiserhohung (?:steht bevor|kommt|ab morgen"
                rf"|{SOON})\b|\bvor der (?:nachsten )?preiserhohung\b",
            ),
            pattern(
                "zuruck wieder mehr",
                r"\b(?:dieser|dieses|so ein) (?:preis|angebot) (?:kommt )?(?:nie wieder"
                r"|nicht wieder|nie mehr)\b",
            ),
        ),
    ),
    PhraseRule(
        ur.CART_HOLD,
        (
            pattern(
                "reserviert gehalten vorgemerkt gesichert blockiert",
                r"\b(?:reserviert|gehalten|vorgemerkt|gesichert"
                rf"|blockiert) (?:fur |noch |nur |die nachsten )+{NUM} {MINUTES}\b",
            ),
            pattern(
                "minuten minute min stunden stunde std sekunden sek",
                rf"\b{NUM} {MINUTES}\.? (?:lang )?(?:fur (?:sie"
                r"|dich) )?(?:reserviert|gehalten|vorgemerkt"
                r"|gesichert|blockiert)\b",
            ),
            pattern(
                "reservieren halten",
                r"\bwir (?:reservieren|halten) (?:ihren|deinen"
                rf"|ihre|deine|ihnen|dir) \w+ (?:nur )?(?:noch )?(?:fur )?{NUM} {MINUTES}",
            ),
        ),
    ),
    PhraseRule(
        sc.LOW_STOCK,
        (
            pattern(
                "nur noch lediglich",
                rf"\b(?:nur noch|noch|lediglich|nur) {NUM} (?:{UNITS} )?(?:frei"
                r"|verfugbar|ubrig|vorratig|auf lager|zu haben"
                r"|da|lieferbar|vorhanden|zu vergeben)\b",
            ),
            pattern("nur", rf"\bnur noch {NUM} {UNITS}\b"),
            pattern(
                _UNIT_ANCHORS + " " + _NUM_ANCHORS,
                rf"\b{NUM} {UNITS} (?:ubrig|verbleibend)\b"
                rf"|\bnoch {NUM} (?:freie )?{UNITS}\b(?! (?:pro"
                r"|je)\b)",
            ),
            pattern(
                "ausverkauft ausgebucht vergriffen weg",
                r"\b(?:fast|beinahe|nahezu|so gut wie|bald"
                r"|gleich) (?:schon )?(?:ausverkauft|ausgebucht"
                r"|vergriffen|weg)\b",
            ),
            pattern(
                "letzte letzten letztes",
                rf"\b(?:die |nur noch )?letzte[ns]? (?:{NUM} )?(?:freie[ns]? )?{UNITS}\b"
                rf"{_DELIVERED}",
            ),
            pattern(
                "restplatze restplatz restbestand restposten",
                r"\b(?:wenige |nur noch |letzte )?(?:restplatze|restplatz|restbestand)\b",
            ),
            pattern(
                "bestand lagerbestand vorrat vorrate",
                r"\b(?:geringer|niedriger|knapper) (?:lager)?bestand\b"
                r"|\b(?:lagerbestand|bestand|vorrat|vorrate) (?:ist "
                r"|sind |wird |werden )?(?:sehr |fast |bald )?(?:knapp"
                r"|gering|niedrig|erschopft|aufgebraucht)\b",
            ),
        ),
    ),
    PhraseRule(
        sc.HIGH_DEMAND,
        (
            pattern(
                "gefragt nachgefragt begehrt",
                r"\b(?:sehr|stark|extrem|heiss|besonders|aktuell) (?:gefragt"
                r"|nachgefragt|begehrt)\b",
            ),
            pattern(
                "nachfrage",
                r"\b(?:hohe[rn]?|grosse[rn]?|enorme[rn]?|riesige[rn]?"
                r"|starke[rn]?|ansturm|wegen) (?:der )?nachfrage\b"
                r"|\bnachfrage ist (?:sehr |extrem )?(?:hoch"
                r"|gross|riesig)\b",
            ),
            pattern(
                "verkauft verkaufen",
                r"\b(?:verkauft|verkaufen) sich (?:gerade "
                r"|sehr |extrem )?(?:schnell|rasend|wie geschnitten brot"
                r"|blendend)\b",
            ),
            pattern("semmeln", r"\bwie warme semmeln\b"),
            pattern(
                "vergriffen ausgebucht ausverkauft weg",
                r"\b(?:schnell|sofort|im nu|rasch) (?:vergriffen|ausgebucht|ausverkauft|weg)\b",
            ),
            pattern("ansturm", r"\bansturm\b"),
        ),
    ),
    PhraseRule(
        sc.SUPPLY_LIMIT,
        (
            pattern("vorrat vorrate", r"\bsolange (?:der )?(?:vorrat|vorrate) reich(?:t|en)\b"),
            pattern(
                "begrenzt begrenzte begrenzter begrenzten limitiert limitierte limitierter "
                "limitierten",
                r"\b(?:begrenzte[rn]?|limitierte[rn]?|streng limitierte[rn]?) (?:stuckzahl"
                r"|anzahl|menge|kontingent|verfugbarkeit|platze"
                r"|platzzahl)\b"
                r"|\b(?:nur )?(?:begrenzt|limitiert) (?:verfugbar|erhaltlich|lieferbar)\b",
            ),
            pattern(
                "begrenzt limitiert",
                r"\b(?:teilnehmerzahl|platzzahl|platze|anzahl der platze"
                r"|stuckzahl|kontingent) (?:ist |sind )?(?:stark "
                r"|streng |sehr )?(?:begrenzt|limitiert)\b(?! (?:auf"
                rf"|:) ?{NUM})",
            ),
        ),
    ),
    PhraseRule(
        sp.VIEWERS,
        (
            pattern(
                _PEOPLE_ANCHORS,
                rf"\b{NUM} (?:weitere |andere )?{PEOPLE} (?:sehen"
                r"|schauen|betrachten|interessieren) (?:sich )?(?:gerade "
                r"|aktuell |im moment |jetzt |derzeit )?(?:dieses"
                r"|diesen|diese|das|den|die)?\b"
                rf"|\b{NUM} (?:weitere |andere )?{PEOPLE} (?:haben"
                r"|hat) (?:dies|das|diesen|dieses|diese|es) (?:\w+ )?(?:gerade "
                r"|aktuell |im moment |jetzt )?im warenkorb\b",
            ),
            pattern(
                "gerade aktuell moment jetzt derzeit",
                r"\b(?:gerade|aktuell|im moment|jetzt|derzeit) (?:sehen"
                rf"|schauen|betrachten) (?:sich )?{NUM} (?:weitere "
                rf"|andere )?{PEOPLE}\b",
            ),
            pattern(
                _PEOPLE_ANCHORS,
                rf"\b{NUM} {PEOPLE} (?:online|hier|auf dieser seite)(?: gerade| jetzt)?\b",
            ),
            pattern("warenkorb warenkorben", rf"\bin {NUM} (?:anderen )?warenkorb(?:en)?\b"),
        ),
    ),
    PhraseRule(
        sp.PURCHASES,
        (
            pattern(
                "aus",
                r"\baus [a-z-]+ (?:hat|haben) (?:gerade|soeben"
                r"|eben|heute|vor \w+ (?:minuten|stunden|sekunden))? ?(?:[\w-]+ )?(?:[\w-]+ "
                r")?(?:gekauft|gebucht|bestellt|erworben|gesichert"
                r"|reserviert)\b",
            ),
            pattern(
                "gerade soeben eben vor",
                r"\b(?:wurde|wurden|hat|haben) (?:gerade|soeben"
                r"|eben|vor \w+ (?:minuten|stunden|sekunden)) (?:\w+ )?(?:gekauft"
                r"|gebucht|bestellt|erworben)\b"
                r"|\b(?:gerade|soeben|eben|vor \w+ (?:minuten"
                r"|stunden|sekunden)) (?:gekauft|gebucht|bestellt)\b",
            ),
            pattern(
                "letzten heute seit",
                rf"\b(?:{NUM}(?: ?-?mal| mal)? )?(?:verkauft"
                rf"|gebucht|bestellt) (?:in den letzten|seit) {NUM} (?:minuten"
                r"|stunden|std)\b"
                rf"|\b(?:in den letzten {NUM} (?:minuten|stunden)"
                rf"|heute (?:schon|bereits)) {NUM}(?: ?-?mal"
                r"| mal)? (?:verkauft|gebucht|bestellt)\b",
            ),
            pattern("jemand", r"\bjemand (?:aus [a-z-]+ )?hat (?:gerade|soeben|eben) "),
            # "… und 380 anderen gefällt dieses Produkt", "1.200 Kunden lieben diesen Artikel"
            pattern(
                "gefallt gefallen lieben mogen",
                rf"(?<![\w.,]){NUM} (?:andere[mn]?|personen|leute|kunden|kundinnen|menschen) "
                r"(?:gefallt|gefallen|lieben|mogen) (?:das|dies|diese[nrs]?)\b",
            ),
        ),
    ),
    PhraseRule(
        md.CONFIRMSHAMING,
        (
            pattern(
                "lieber",
                r"\b(?:zahle|bezahle|zahl|bleibe|verschwende"
                r"|verliere|verzichte) (?:ich )?lieber (?:weiter(?:hin)? )?(?:den "
                r"vollen preis|mehr|zu viel|voll|auf|unwissend"
                r"|erfolglos|arm|langsam|ohne|kunden|geld"
                r"|ineffizient)\b"
                r"|\b(?:ich )?(?:mochte|will) lieber (?:weiter(?:hin)? )?(?:mehr"
                r"|zu viel|den vollen preis) (?:zahlen|bezahlen)\b",
            ),
            pattern(
                "nein nee",
                r"\b(?:nein|nee)(?:,? danke)?,? ich (?:mag"
                r"|will|mochte|brauche) (?:kein(?:e|en)?|nicht) (?:neuen "
                r"|weiteren |mehr )?(?:geld )?(?:sparen|rabatte?"
                r"|erfolg|kunden|schnappchen|vorteile?|gewinnen"
                r"|besser werden)\b"
                r"|\b(?:nein|nee)(?:,? danke)?,? ich (?:bin"
                r"|bleibe) (?:lieber )?(?:arm|erfolglos|dumm"
                r"|unwissend)\b",
            ),
            pattern(
                "verzichte",
                r"\bich verzichte (?:gerne |lieber )?auf (?:meinen "
                r"|den |meine |die |mein |das )?(?:rabatt"
                r"|vorteil|ersparnis|erfolg|gewinn|bonus|geschenk"
                r"|schnappchen)\b",
            ),
            pattern(
                "interessiert hasse mag",
                r"\bich bin nicht (?:an )?(?:geld ?sparen"
                r"|erfolg|gesundheit|sparen) interessiert\b"
                r"|\bich (?:hasse|mag keine?) (?:es )?(?:geld zu sparen"
                r"|sparen|schnappchen|rabatte)\b",
            ),
        ),
        negatable=False,
    ),
    PhraseRule(
        md.PRESSURE_CTA,
        (
            pattern(
                "bevor",
                r"\b(?:sicher|sichern|sichere|schnapp|schnappen"
                r"|hol|holen|reservier|reservieren|buche|buchen)\w* (?:[\w',]+ ){0,4}bevor "
                r"(?:er|sie|es|alle|alles|die platze) (?:weg"
                r"|vergeben|vergriffen|ausverkauft|ausgebucht) (?:ist"
                r"|sind)\b",
            ),
            pattern("zuschlagen zugreifen", rf"{START}(?:jetzt )?(?:zuschlagen|zugreifen)\b"),
            pattern(
                "gewinn gewinne gratis bonus geschenk",
                r"\b(?:jetzt |sofort )?(?:gratis|gewinne?"
                r"|bonus|geschenk) (?:sichern|abholen|einlosen)\b(?= ?(?:$"
                r"|[.!]))",
            ),
        ),
    ),
    PhraseRule(
        md.EXIT_INTENT,
        (
            pattern(
                "geh gehen verlass verlassen",
                r"\b(?:geh|gehen sie|verlass|verlassen sie)(?: uns"
                r"| die seite| diese seite)? (?:noch |bitte )?nicht\b",
            ),
            pattern(
                "bevor",
                r"\bbevor (?:sie|du) (?:gehen|gehst|die seite verlassen"
                r"|die seite verlasst|uns verlassen|uns verlasst)\b",
            ),
            pattern(
                "schon wirklich",
                r"\b(?:sie wollen|du willst|wollen sie|willst du) (?:uns )?(?:schon"
                r"|wirklich) (?:gehen|verlassen|los)\b",
            ),
            pattern(
                "halt moment warten warte", rf"{START}(?:halt|moment|warte|warten sie)(?: mal)? ?!"
            ),
        ),
        negatable=False,
    ),
    PhraseRule(
        md.GUILT,
        (
            pattern(
                "bereuen bedauern",
                r"\b(?:werden|wirst|wurden|wurdest) (?:es )?(?:sonst "
                r"|spater |garantiert |bestimmt |sicher )?(?:bereuen"
                r"|bedauern)\b",
            ),
            pattern("dumme narren idioten", r"\bnur (?:dumme|narren|idioten)\b"),
            pattern(
                "verschwenden verlieren fenster",
                r"\b(?:wollen sie|willst du) (?:wirklich|ernsthaft) (?:weiter(?:hin)? "
                r")?(?:geld|zeit|kunden) (?:verschwenden|verlieren"
                r"|zum fenster hinauswerfen)\b",
            ),
            pattern(
                "stich",
                r"\b(?:lassen sie|lass) (?:ihre|deine) (?:familie"
                r"|kinder|kunden|mitarbeiter) (?:nicht )?im stich\b",
            ),
            pattern(
                "derjenige diejenige einzige",
                r"\b(?:sei|seien sie) nicht (?:derjenige|diejenige|der einzige|die einzige)\b",
            ),
        ),
        negatable=False,
    ),
    PhraseRule(
        md.TRICK_WORDING,
        (
            pattern(
                "wenn falls",
                r"\b(?:entfernen|deaktivieren|nehmen|klicken"
                r"|kreuzen|setzen)\w*(?: sie)? (?:[\w']+ ){0,5}(?:hakchen"
                r"|haken|kastchen|feld|option)\b[^.!?]{0,40}\b(?:wenn"
                r"|falls) (?:sie|du) (?:keine|kein|nicht)\b",
            ),
            pattern(
                "nicht",
                r"\b(?:kreuzen|klicken) sie (?:[\w']+ ){0,3}nicht an,? (?:wenn"
                r"|falls) sie (?:keine|kein|nicht)\b",
            ),
        ),
        negatable=False,
    ),
    PhraseRule(
        pr.REFERENCE_PRICE,
        (
            pattern("statt anstatt anstelle", rf"\b(?:statt|anstatt|anstelle von) {EURO}"),
            pattern(
                "vorher fruher bisher ehemals ursprunglich normalpreis uvp streichpreis alter "
                "regularer",
                r"\b(?:vorher|fruher|bisher|ehemals|ursprunglich|regularer preis|normalpreis"
                rf"|uvp|streichpreis|alter preis):? {EURO}",
            ),
            # "regulär", "normal" and "alt" are English words too ("the regular $10 of credit"):
            # before an amount in euros or francs only
            pattern("regular normal alt", rf"\b(?:regular|normal|alt):? {_EURO_AMOUNT}"),
            pattern("unverbindliche", rf"\bunverbindliche preisempfehlung:? (?:von )?{EURO}"),
            pattern("nur", rf"{EURO} (?:jetzt |heute )?(?:nur|nur noch) {EURO}"),
        ),
        unless_in_sentence=_STANDING,
    ),
    PhraseRule(
        pr.DISCOUNT,
        (
            pattern(
                "%",
                rf"{PERCENT} (?:rabatt|nachlass|ermassigung"
                r"|reduziert|gunstiger|billiger|sparen|preisnachlass"
                rf"|auf alles)\b|\bminus {PERCENT}|-{PERCENT}(?: "
                r"|$)",
            ),
            pattern("sparen", rf"{EURO} (?:jetzt |heute |extra )?sparen\b"),
            pattern(
                "spare sparen spar sparst",
                r"\b(?:spare|sparen sie|sparen|spar|sparst du"
                r"|sie sparen|du sparst) (?:jetzt |heute "
                rf"|bis zu |satte )*(?:{PERCENT}|{EURO})",
            ),
            pattern(
                "rabatt ersparnis nachlass preisnachlass",
                r"\b(?:rabatt|ersparnis|nachlass|preisnachlass) (?:von )?(?:bis zu "
                rf")?(?:{PERCENT}|{EURO})",
            ),
            pattern(
                "reduziert",
                r"\b(?:stark |drastisch )?reduziert (?:um"
                rf"|auf) (?:{PERCENT}|{EURO})|{START}(?:stark "
                r"|jetzt )?reduziert ?!",
            ),
            pattern(
                "sonderpreis aktionspreis knallerpreis tiefstpreis schnappchenpreis",
                r"\b(?:sonderpreis|aktionspreis|knallerpreis|tiefstpreis|schnappchenpreis)\b",
            ),
        ),
        unless_in_sentence=_STANDING_SAVING,
    ),
    PhraseRule(
        pr.PRIZE,
        (
            pattern(
                "gewonnen",
                r"\b(?:sie haben|du hast|ihr habt) (?:soeben "
                r"|gerade |heute )?(?:[\w-]+ ){0,3}gewonnen\b",
            ),
            pattern(
                "gluckwunsch gluckwunsche",
                r"\b(?:herzlichen )?gluckwunsch(?:e)?\b[^.]{0,20}\b(?:gewonnen"
                r"|gewinner|ausgewahlt|rabatt|gutschein)\b",
            ),
            pattern(
                "glucksrad rad",
                r"\bglucksrad\b|\b(?:drehen|dreh) (?:sie )?(?:jetzt )?(?:am"
                r"|das) (?:glucks)?rad\b",
            ),
            pattern(
                "gewinner",
                r"\b(?:sie sind|du bist) (?:unser )?(?:heutiger |glucklicher )?gewinner\b",
            ),
        ),
    ),
)

NEGATION = (
    "kein",
    "keine",
    "keinen",
    "keiner",
    "keinem",
    "nicht",
    "nie",
    "niemals",
    "ohne",
    "statt",
    "anstatt",
    "verzichten auf",
    "verzichtet auf",
    "verzichten wir auf",
)

LANGUAGE = Language(
    code="de",
    name="German",
    phrases=PHRASES,
    negation=NEGATION,
    examples={
        "HO101": ("Angebot endet in 02:14:09", "Das Angebot gilt bis zum 31.03.2027."),
        "HO102": ("Nur heute: 20 % auf alle Kurse!", "Das Angebot gilt dauerhaft."),
        "HO103": (
            "Beeilen Sie sich, bevor es zu spät ist!",
            "Keine Eile: Sie können jederzeit buchen.",
        ),
        "HO104": (
            "Die Preise steigen um Mitternacht.",
            "Ab dem 1. März 2027 kostet der Kurs 420 €.",
        ),
        "HO105": ("Ihr Warenkorb ist 10 Minuten reserviert.", "Ihr Warenkorb bleibt gespeichert."),
        "HO201": ("Nur noch 2 Plätze frei!", "Jeder Kurs hat 12 Plätze."),
        "HO202": ("Sehr gefragt: verkauft sich schnell!", "Der Kurs findet jeden Monat statt."),
        "HO203": ("Nur solange der Vorrat reicht!", "Wir fertigen jedes Stück auf Bestellung."),
        "HO301": ("14 Personen sehen sich dieses Angebot gerade an.", "12 Personen pro Kurs."),
        "HO302": ("Anna aus Köln hat gerade gebucht.", "Seit 2015 haben wir 300 Kurse gegeben."),
        "HO401": ("Nein danke, ich zahle lieber den vollen Preis.", "Nein danke"),
        "HO402": ("Sichern Sie sich Ihren Platz, bevor er weg ist!", "Platz buchen"),
        "HO403": ("Gehen Sie noch nicht!", "Fragen? Schreiben Sie uns."),
        "HO404": ("Sie werden es bereuen.", "Sie können jederzeit kündigen."),
        "HO405": (
            "Entfernen Sie das Häkchen, wenn Sie keine Angebote nicht erhalten möchten.",
            "Newsletter abonnieren (freiwillig)",
        ),
        "HO501": ("Statt 129 € jetzt nur 79 €", "Preis: 79 €"),
        "HO502": ("Sparen Sie 40 %!", "Preis: 540 € inklusive MwSt."),
        "HO503": ("Glückwunsch, Sie haben einen Rabatt gewonnen!", "Preis: 79 €"),
    },
)
