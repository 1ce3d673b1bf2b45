"""French word data for the text rules: the shapes of each tactic in French.

Patterns match normalised text: lower case, no accents ("derniere", "depechez"), ASCII
apostrophes, one space. French puts a space before ``!?:;`` (often a narrow no-break one,
made a plain space), which the clause ends of :mod:`..phrases` allow; elided articles
("l'offre", "d'achat", "qu'il") are written with their apostrophe.
"""

from __future__ import annotations

from honest_offers.check import misdirection as md
from honest_offers.check import pricing as pr
from honest_offers.check import scarcity as sc
from honest_offers.check import social_proof as sp
from honest_offers.check import urgency as ur
from honest_offers.check.lang.base import Language
from honest_offers.check.phrases import DIGITS, PERCENT, PRICE, START, PhraseRule, pattern, words

NUM = words(
    DIGITS,
    "un",
    "une",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "douze",
    "quelques",
)
"""A count in digits or words ("3", "trois", "quelques")."""
UNITS = words(
    "places?",
    "articles?",
    "exemplaires?",
    "pieces?",
    "billets?",
    "unites?",
    "produits?",
    "chambres?",
    "creneaux",
    "creneau",
    "sieges?",
    "lots?",
    "paires?",
    "stocks?",
)
_UNIT_ANCHORS = (
    "place places article articles exemplaire exemplaires piece pieces "
    "billet billets unite "
    "unites produit produits chambre chambres creneaux creneau siege "
    "sieges lot lots paire "
    "paires stock stocks"
)
PEOPLE = words(
    "personnes",
    "visiteurs",
    "visiteuses",
    "clients",
    "clientes",
    "utilisateurs",
    "acheteurs",
    "internautes",
    "autres",
    "gens",
)
_PEOPLE_ANCHORS = (
    "personnes visiteurs visiteuses clients clientes utilisateurs acheteurs internautes autres gens"
)
TIME = words("minutes?", "min", "heures?", "h", "secondes?", "s")
SOON = words(
    "bientot",
    "ce soir",
    "aujourd'hui",
    "demain",
    "a minuit",
    "cette nuit",
    "sous peu",
    "tres vite",
    rf"dans {NUM} (?:minutes|heures|jours)",
    "dans quelques (?:heures|jours)",
)
OFFER = words(
    "offres?",
    "promos?",
    "promotions?",
    "ventes?",
    "soldes",
    "reductions?",
    "remises?",
    "prix",
    "tarifs?",
    "codes? promo",
    "operations?",
)
_OFFER_ANCHORS = (
    "offre offres promo promos promotion promotions vente ventes soldes reduction reductions "
    "remise remises prix tarif tarifs code codes operation operations"
)
_STANDING = (
    r"\bpour les (?:etudiants|etudiantes|membres"
    r"|adherents|seniors|groupes|familles|"
    r"associations|demandeurs d'emploi|abonnes)\b|\ben paiement annuel\b"
    r"|\b(?:avec|sur|en|pour) (?:l'|le |la |les |un |une )?(?:abonnements?|forfaits?|offres?"
    r"|plans?|formules?|facturation|paiement|engagements?) annuel(?:le)?s?\b"
    r"|^\W*(?:annuel(?:le)?|annuellement)\W+(?:economis|payez|beneficiez)"
    r"|^les (?:etudiants|membres|adherents|seniors) (?:paient|beneficient|ont)\b"
)
"""A standing price rule, not a sale: "10 % de remise pour les étudiants"."""
_STANDING_SAVING = (
    rf"{_STANDING}|^(?!.*\b(?:aujourd'hui|maintenant|seulement|jusqu'au|se termine)\b)"
    rf".*\b(?:economis\w*|economie)\b[^.!?;]{{0,16}}?(?:{PERCENT}|{PRICE}) ?(?:/ ?|par "
    r"|chaque )(?:mois|an|annee|trimestre|semaine|utilisateur|personne|licence|place)\b"
)
"""A standing rule, or a saving counted per period or head ("économisez 5 €/mois" against
another plan: :data:`honest_offers.check.lexicon.RATE_UNITS`), with no time limit."""

PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        ur.COUNTDOWN,
        (
            pattern(
                "termine encore plus reste restant fin",
                r"\b(?:se termine dans|termine dans|encore"
                r"|plus que|il reste|temps restant|fin dans):? \d{1,2}:\d{2}(?::\d{2})?\b",
            ),
            pattern(
                "termine encore plus reste restant fin expire",
                r"\b(?:se termine dans|termine dans|expire dans|encore|plus que|il reste|reste"
                r"|temps restant|fin dans) ?:? ?\d{1,3} ?(?:j|jours?|h|heures?)\.? \d{1,2} ?"
                r"(?:h|heures?|min|minutes?)\b",
            ),
            pattern(
                "j jours jour h heures heure",
                r"\b\d{1,3} ?(?:j|jours?)\.? \d{1,2} ?(?:h|heures?) \d{1,2} ?(?:min|minutes?)\b"
                r"|\b\d{1,2} ?(?:h|heures?) \d{1,2} ?(?:min|minutes?) \d{1,2} ?(?:s|secondes?)\b",
            ),
            pattern(
                "termine expire finit fin",
                rf"\b(?:{OFFER} )?(?:se termine|termine|expire"
                rf"|finit|prend fin) dans (?:seulement )?{NUM} (?:minutes?"
                r"|heures?|secondes?|jours)\b",
            ),
            # "il ne reste que 3 jours", "plus que 2 heures !": only a little time is left
            pattern(
                "reste plus",
                r"\b(?:il (?:ne )?reste (?:plus |encore )?(?:que|seulement)|plus que) "
                rf"{NUM} (?:minutes?|heures?|secondes?|jours)\b",
            ),
        ),
    ),
    PhraseRule(
        ur.LIMITED_TIME,
        (
            pattern(
                "aujourd seulement uniquement valable",
                r"\b(?:seulement|uniquement|valable) (?:pour )?(?:aujourd'hui"
                r"|ce soir|ce week-end|cette semaine)\b|\baujourd'hui (?:seulement"
                r"|uniquement)\b",
            ),
            pattern(
                "valable",
                r"\bvalable (?:seulement |uniquement )?(?:jusqu'a )?(?:ce soir"
                rf"|demain|minuit|{SOON})\b",
            ),
            pattern(
                "limitee limite limites limitees",
                r"\b(?:offre|promo|promotion|prix|tarif|vente) (?:limitee?s? dans "
                r"le temps|a duree limitee|a temps limite)\b"
                r"|\bpour (?:une duree|un temps) limitee?\b"
                r"|\ba duree limitee\b",
            ),
            pattern(
                _OFFER_ANCHORS,
                rf"\b{OFFER} (?:se termine(?:nt)?|prend(?:ent)? fin"
                rf"|expire(?:nt)?|finit|finissent|s'arrete(?:nt)?) {SOON}\b",
            ),
            pattern("chance occasion", r"\bderniere (?:chance|occasion)\b|\boccasion unique\b"),
            pattern("derniers dernieres", r"\b(?:derniers jours|dernieres heures)\b"),
            pattern("flash eclair", r"\b(?:vente|offre|promo|soldes) (?:flash|eclair)\b"),
            pattern("jamais", r"\bmaintenant ou jamais\b"),
            pattern("durera", r"\bne durera pas(?: longtemps)?\b"),
        ),
    ),
    PhraseRule(
        ur.HURRY,
        (
            pattern("depechez depeche depechons", r"\bdepech(?:ez|e|ons)[ -](?:vous|toi|nous)\b"),
            pattern("vite", rf"\b(?:faites|fais|faisons) vite\b|{START}vite ?!"),
            pattern(
                "tardez tarde trainez traine attendez attends",
                r"\bne (?:tardez|tarde|trainez|traine) (?:pas"
                r"|plus)\b|\bn'(?:attendez|attends) (?:pas"
                r"|plus)\b|\bqu'attendez-vous\b",
            ),
            pattern(
                "ratez manquez rate manque laissez laisse",
                r"\bne (?:ratez|manquez|rate|manque) pas\b|\bne (?:laissez|laisse) pas passer\b",
            ),
            pattern("tard", r"\bavant qu'il ne soit trop tard\b"),
            pattern("servi", r"\bpremier arrive,? premier servi\b"),
            pattern("epuise epuisent", r"\b(?:le stock )?s'epuise(?:nt)? (?:vite|rapidement)?"),
        ),
    ),
    PhraseRule(
        ur.PRICE_RISE,
        (
            pattern(
                "augmentent augmente augmenter augmentera augmenteront",
                r"\b(?:les |le |nos )?(?:prix|tarifs?) (?:augmente(?:nt"
                rf"|ra|ront)?|vont augmenter|va augmenter) (?:{SOON}"
                r"|des demain|lundi|prochainement)\b",
            ),
            pattern(
                "hausse augmentation",
                r"\bavant (?:la hausse|l'augmentation)\b|\bhausse (?:des prix "
                r"|de prix |tarifaire )?(?:imminente|a venir)\b",
            ),
            pattern("cher", rf"\bsera (?:bientot |{SOON} )?plus cher\b"),
            pattern(
                "prix tarif",
                r"\b(?:bloquez|bloque|profitez|profite|gardez) (?:de )?(?:l'ancien"
                r"|le|ce|votre) (?:prix|tarif)(?: actuel)?\b(?! (?:est"
                r"|reste))",
            ),
            pattern("reviendra", r"\bce (?:prix|tarif) ne reviendra (?:pas|plus|jamais)\b"),
        ),
    ),
    PhraseRule(
        ur.CART_HOLD,
        (
            pattern(
                "reserve reservee reserves reservees garde gardee gardes gardees bloque bloquee "
                "bloques bloquees",
                r"\b(?:reserv|gard|bloqu)ee?s? (?:pendant"
                rf"|pour|encore) (?:encore )?{NUM} (?:minutes?"
                r"|min)\b",
            ),
            pattern(
                "gardons reservons",
                r"\bnous (?:gardons|reservons) (?:votre|ton) \w+ (?:pendant "
                rf"|pour )?{NUM} (?:minutes?|min)\b",
            ),
        ),
    ),
    PhraseRule(
        sc.LOW_STOCK,
        (
            pattern("plus", rf"\bplus que {NUM}\b"),
            pattern(
                "reste",
                r"\bil (?:ne )?reste (?:plus |seulement |uniquement "
                rf"|encore )?(?:que )?{NUM}\b(?! (?:jours|heures"
                r"|semaines|mois|ans|questions?|tentatives?|essais?|vies?|niveaux?|lecons?"
                r"|chapitres?|etapes?|exercices?|taches?|manches?)\b)",
            ),
            pattern(
                "seulement", rf"\bseulement {NUM} {UNITS} (?:disponibles?|restante?s?|en stock)\b"
            ),
            pattern(_UNIT_ANCHORS, rf"\b{NUM} {UNITS} restante?s?\b"),
            pattern(
                "derniers dernieres derniere dernier",
                rf"\b(?:derniers|dernieres|derniere|dernier) (?:{NUM} )?{UNITS}\b(?! "
                r"(?:de la (?:rangee|salle)|du fond))",
            ),
            pattern(
                "epuise epuisee complet complete epuises epuisees complets completes",
                r"\b(?:presque|bientot|quasiment|pratiquement"
                r"|deja presque) (?:epuisee?s?|complete?s?)\b",
            ),
            pattern("stock", r"\bstock (?:faible|bas|presque epuise|tres limite)\b"),
        ),
    ),
    PhraseRule(
        sc.HIGH_DEMAND,
        (
            pattern(
                "demande",
                r"\b(?:forte|tres forte|grosse|grande) demande\b"
                r"|\bdemande (?:tres |exceptionnellement )?(?:forte"
                r"|elevee)\b",
            ),
            pattern("demande demandee demandees demandes", r"\btres (?:demandee?s?)\b"),
            pattern(
                "part partent vend vendent",
                r"\b(?:part|partent) (?:tres |si )?vite\b"
                r"|\bse (?:vend|vendent) (?:tres |si )?(?:vite"
                r"|rapidement|comme des petits pains)\b",
            ),
            pattern("assaut", r"\bpris(?:e|es)? d'assaut\b"),
            pattern("succes", r"\bvictime de (?:son|leur) succes\b|\bsucces fou\b"),
        ),
    ),
    PhraseRule(
        sc.SUPPLY_LIMIT,
        (
            pattern("limite", r"\bdans la limite des stocks(?: disponibles)?\b"),
            pattern("epuisement", r"\bjusqu'a epuisement (?:des|du) stocks?\b"),
            pattern(
                "quantite quantites stock stocks places nombre",
                r"\b(?:quantites? limitees?|stock limite|en quantite limitee)\b"
                r"|\b(?:places|nombre de places) (?:tres "
                rf"|strictement )?limitee?s?\b(?! a {NUM})",
            ),
        ),
    ),
    PhraseRule(
        sp.VIEWERS,
        (
            pattern(
                _PEOPLE_ANCHORS,
                rf"\b{NUM} {PEOPLE} (?:consultent|regardent"
                r"|voient|visitent|sont en train de (?:regarder"
                r"|consulter)) (?:actuellement |en ce moment )?(?:cette"
                r"|ce|cet|ces)\b",
            ),
            pattern(
                _PEOPLE_ANCHORS,
                rf"\b{NUM} (?:autres )?{PEOPLE} (?:ont|a) (?:cet"
                r"|ce|cette|ces) [\w-]+ dans (?:leur|son) panier\b",
            ),
            pattern(
                "moment actuellement",
                rf"\b(?:en ce moment|actuellement),? {NUM} {PEOPLE} (?:consultent"
                r"|regardent|voient)\b",
            ),
            pattern(_PEOPLE_ANCHORS, rf"\b{NUM} {PEOPLE} en ligne\b"),
        ),
    ),
    PhraseRule(
        sp.PURCHASES,
        (
            pattern(
                "vient viennent",
                r"\b(?:vient|viennent) (?:de |d')(?:acheter"
                r"|reserver|commander|s'inscrire|souscrire"
                r"|prendre)\b",
            ),
            pattern(
                "il",
                rf"\b(?:a|ont) (?:achete|reserve|commande|pris) (?:[\w'-]+ ){{0,3}}il "
                rf"y a {NUM} (?:minutes?|heures?|secondes?)\b",
            ),
            pattern(
                "achats ventes reservations commandes",
                rf"\b{NUM} (?:achats|ventes|reservations|commandes) (?:dans"
                rf"|au cours) (?:les|des) (?:dernieres )?(?:{NUM} )?(?:dernieres )?heures\b",
            ),
            pattern(
                "fois",
                rf"\b(?:achete|vendu|reserve|commande)e?s? {NUM} fois (?:aujourd'hui"
                rf"|en {NUM} heures|ces dernieres heures)\b",
            ),
        ),
    ),
    PhraseRule(
        md.CONFIRMSHAMING,
        (
            pattern(
                "prefere",
                r"\bje prefere (?:payer (?:plus(?: cher)?"
                r"|le prix fort|plein tarif)|rester (?:ignorant"
                r"|pauvre|sans clients|dans mon coin|a la traine)"
                r"|continuer a (?:perdre|payer|gaspiller|galerer)"
                r"|perdre (?:de l'argent|des clients|mon temps)"
                r"|passer a cote)\b",
            ),
            pattern(
                "aime",
                r"\bje n'aime pas (?:economiser|les bonnes affaires"
                r"|faire des economies|gagner)\b",
            ),
            pattern(
                "veux",
                r"\bje ne veux pas (?:economiser|reussir|gagner (?:plus"
                r"|de l'argent)|progresser|de reduction|de clients"
                r"|faire d'economies|ameliorer)\b",
            ),
            pattern(
                "renonce",
                r"\bje renonce a (?:ma|mon|mes) (?:reduction|remise|cadeau|avantage|bonus)\b",
            ),
            pattern(
                "besoin",
                r"\bje n'ai pas besoin (?:d'economiser|de reussir"
                r"|de clients|d'aide pour reussir)\b",
            ),
        ),
        negatable=False,
    ),
    PhraseRule(
        md.PRESSURE_CTA,
        (
            pattern(
                "avant",
                r"\b(?:reservez|reserve|profitez|profite|saisissez"
                r"|obtenez|recuperez|commandez|achetez|prenez)\w* (?:[\w',]+ ){0,4}avant "
                r"(?:qu'(?:il|elle|ils|elles) ne (?:soi(?:en)?t"
                r"|parte(?:nt)?|disparaisse(?:nt)?)|la rupture"
                r"|qu'il n'y en ait plus)\b",
            ),
            pattern("tout", r"\bavant que tout ne (?:parte|disparaisse)\b"),
        ),
    ),
    PhraseRule(
        md.EXIT_INTENT,
        (
            pattern(
                "partez pars quittez quitte", r"\bne (?:partez|pars|nous quittez|nous quitte) pas\b"
            ),
            pattern("partir quitter", r"\bavant de (?:partir|nous quitter)\b"),
            pattern("partez pars", r"\b(?:vous partez|tu pars) deja\b"),
        ),
        negatable=False,
    ),
    PhraseRule(
        md.GUILT,
        (
            pattern(
                "regretter regretterez regretteras",
                r"\b(?:vous allez|tu vas|vous risquez de|tu risques de) le regretter\b"
                r"|\b(?:vous le regretterez|tu le regretteras)\b",
            ),
            pattern(
                "celui celle seul seule",
                r"\bne (?:soyez|sois) pas (?:celui|celle|le seul|la seule) (?:qui|a)\b",
            ),
            pattern("seuls", r"\bseuls les (?:idiots|naifs|imbeciles|perdants)\b"),
            pattern(
                "vraiment",
                r"\b(?:voulez-vous|veux-tu|voulez vous) vraiment (?:continuer a )?(?:perdre"
                r"|gaspiller|payer trop)\b",
            ),
        ),
        negatable=False,
    ),
    PhraseRule(
        md.TRICK_WORDING,
        (
            pattern(
                "case",
                r"\b(?:decochez|decoche|cochez|coche|ne cochez pas)\b[^.!?]{0,40}"
                r"\bcase\b[^.!?]{0,40}\bsi "
                r"(?:vous|tu) ne (?:souhaitez|voulez|desirez"
                r"|souhaites|veux) pas\b",
            ),
        ),
        negatable=False,
    ),
    PhraseRule(
        pr.REFERENCE_PRICE,
        (
            pattern("lieu", rf"\bau lieu de {PRICE}"),
            pattern(
                "prix",
                r"\bprix (?:barre|initial|d'origine|conseille"
                r"|habituel|normal|public conseille|de depart"
                rf"|catalogue) ?:? ?{PRICE}",
            ),
            pattern(
                "avant anciennement auparavant initialement",
                rf"\b(?:avant|anciennement|auparavant|initialement)\b ?:? ?{PRICE}",
            ),
        ),
        unless_in_sentence=_STANDING,
    ),
    PhraseRule(
        pr.DISCOUNT,
        (
            pattern(
                "%",
                rf"(?:^|[ (])-{PERCENT}|{PERCENT} (?:de reduction"
                r"|de remise|de rabais|moins cher|offerts?"
                r"|d'economie)\b",
            ),
            pattern(
                "economisez economise economisez economisons",
                r"\b(?:economisez|economise|economisons) (?:jusqu'a "
                rf"|plus de )?(?:{PERCENT}|{PRICE})",
            ),
            pattern(
                "remise reduction rabais",
                r"\b(?:remise|reduction|rabais) (?:exceptionnelle )?(?:de )?(?:jusqu'a "
                rf")?(?:{PERCENT}|{PRICE})",
            ),
            pattern("prix", r"\bprix (?:casses?|choc|sacrifies?|fous)\b"),
        ),
        unless_in_sentence=_STANDING_SAVING,
    ),
    PhraseRule(
        pr.PRIZE,
        (
            pattern("gagne", r"\b(?:vous avez|tu as) (?:[\w'-]+ ){0,3}gagne\b"),
            pattern(
                "roue", r"\b(?:tournez|tourne|faites tourner) la roue\b|\broue de la fortune\b"
            ),
            pattern(
                "gagnant gagnante",
                r"\b(?:vous etes|tu es) (?:notre )?(?:grand "
                r"|grande |heureux |heureuse )?(?:gagnant"
                r"|gagnante)\b",
            ),
        ),
    ),
)

NEGATION = (
    "pas",
    "sans",
    "jamais",
    "aucun",
    "aucune",
    "ni",
    "rien",
    "nul",
    "inutile de",
    "au lieu de",
)

LANGUAGE = Language(
    code="fr",
    name="French",
    phrases=PHRASES,
    negation=NEGATION,
    examples={
        "HO101": ("L'offre se termine dans 02:14:09", "Offre valable jusqu'au 31 mars 2027."),
        "HO102": ("Aujourd'hui seulement : -20 % sur tout !", "Ce tarif est permanent."),
        "HO103": ("Dépêchez-vous, ne ratez pas cette offre !", "Rien ne presse : prenez le temps."),
        "HO104": (
            "Les prix augmentent à minuit.",
            "À partir du 1er mars 2027, le stage coûte 420 €.",
        ),
        "HO105": ("Votre panier est réservé pendant 10 minutes.", "Votre panier reste enregistré."),
        "HO201": ("Plus que 2 places disponibles !", "Chaque session compte 12 places."),
        "HO202": ("Forte demande : ce stage part très vite !", "Une session a lieu chaque mois."),
        "HO203": (
            "Dans la limite des stocks disponibles !",
            "Chaque pièce est fabriquée sur commande.",
        ),
        "HO301": ("14 personnes consultent cette offre en ce moment.", "12 personnes par session."),
        "HO302": ("Julie de Lyon vient de réserver.", "Nous animons des stages depuis 2015."),
        "HO401": ("Non merci, je préfère payer plus cher.", "Non merci"),
        "HO402": ("Réservez votre place avant qu'il ne soit trop tard !", "Réserver une place"),
        "HO403": ("Attendez ! Ne partez pas !", "Une question ? Écrivez-nous."),
        "HO404": ("Vous allez le regretter.", "Vous pouvez résilier à tout moment."),
        "HO405": (
            "Décochez cette case si vous ne souhaitez pas ne pas recevoir nos offres.",
            "Recevoir la lettre d'information (facultatif)",
        ),
        "HO501": ("Au lieu de 89 €, seulement 59 € !", "Prix : 59 €"),
        "HO502": ("Économisez 40 % !", "Prix : 540 € TTC"),
        "HO503": ("Félicitations, vous avez gagné une remise !", "Prix : 59 €"),
    },
)
