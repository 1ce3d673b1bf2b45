"""HO4xx misdirection: confirmshaming, pressure calls to action, exit traps, guilt, trick wording.

Declines are matched in the reader's own voice ("I'd rather pay full price"), so honest text
about full prices or a plain "No thanks" passes; labels (buttons, links) get looser patterns.
"""

from __future__ import annotations

from honest_offers.check import lexicon as lx
from honest_offers.check.phrases import (
    END,
    LABELS_ONLY,
    START,
    Detector,
    PhraseRule,
    pattern,
    shape,
    words,
)
from honest_offers.check.registry import Rule, RuleDoc, register

_I = r"i(?: |'m |'d |'ll |'ve | am | would | will | do | really | just | totally )"
_DONT = words("don't", "do not", "dont", "don't really", "never")
_THE = r"(?:a |an |the |my |any |your |this |these |those |some )?"
_BENEFIT = words(
    "sav(?:e|ing|ings)(?: money| \\w+)?",
    "money",
    f"{_THE}(?:free|great|good|amazing|best|special|exclusive|big|cool|nice) "
    "(?:stuff|deals?|gifts?|things|offers?|prices?|savings|bonus(?:es)?|shipping|products?)",
    f"{_THE}(?:free |bonus )?(?:gifts?|bonus(?:es)?|rewards?|freebies?)",
    "free(?: \\w+)?",
    f"{_THE}(?:discounts?|deals?|bargains?|coupons?|offers?|rewards?|perks?|savings)",
    "fun",
    f"{_THE}(?:protection|warranty|insurance)(?: plan)?",
    "(?:to )?(?:protect|insure|cover) my",
    "(?:to )?(?:win|earn|get) (?:more|free|a|my|\\w+ off)",
    "good (?:things|stuff)",
    "cool (?:things|stuff)",
    "(?:to )?look (?:good|great)",
    "(?:to )?be (?:healthy|happy|successful|smart|safe)",
)
_FULL_PRICE = r"(?:(?:the )?full|more|extra|retail|top|the regular|the normal|full retail) price"
_DECLINE = r"(?:no|nah|nope|not now|maybe later|skip)\b(?:[ ,.!-]*(?:thanks|thank you))?[ ,.!-]*"

_OWN_VOICE = rf"(?:\b{_DECLINE})?\b{_I}"
"""A decline in the reader's voice, quoted with its "No thanks" when there is one."""

# --- confirmshaming as a shape: a decline, then the reader's own voice scolding them --------
#
# The reader's voice is "I" with its auxiliaries and adverbs; what makes it scold is polarity:
# a verb of liking with a worthless object ("I enjoy overpaying"), or a verb of refusing with a
# worthwhile one ("I don't want to save"). Honest declines have neither ("No, I already have
# an account", "No thanks, I'll decide later"). After a decline the classes widen (weaker
# verbs and objects, scorn for anything, sarcasm); without one only the plain shapes count.

_ADV = lx.STANCE_ADVERBS.regex
_AUX = rf"(?:'{lx.CONTRACTED_AUXILIARIES.regex}| {lx.SPACED_AUXILIARIES.regex})"
_I_AS = rf"i{_AUX}?(?: {_ADV}){{0,2}}"
"""The reader's voice: "i", "i'd", "i would really", "i'm just" (after a decline it may be
glued to "thanks", so the word boundary is added where it is needed)."""
_ME = rf"\b{_I_AS}"
_I_WILL = rf"i(?:'ll|'d| will| would| shall)(?: {_ADV}){{0,2}}"
_LINK = r"(?: (?:to|with|on|in|for|about|of|by))?"
_DET = r"(?: (?:a|an|the|my|any|your|this|these|those|some|our|that|all|all the|such))?"
_STATE = rf"{lx.BECOMING_VERBS.regex} {lx.BAD_STATES.regex}"
_NOTHING_OFF = r"(?:0 ?%|zero ?%|zero percent|0 percent|nothing) off"
_WORTHLESS = (
    rf"(?:{lx.WORTHLESS_ACTIONS.regex}|{lx.WORTHLESS_NOUNS.regex}|{_STATE}|{_NOTHING_OFF})\b"
)
_COSTLY = (
    rf"(?:{lx.WORTHLESS_ACTIONS.regex}|{lx.COSTLY_ACTIONS.regex}|{lx.WORTHLESS_NOUNS.regex}"
    rf"|{_STATE}|{_NOTHING_OFF})\b"
)
_JOINING = r"(?: join(?: the)?)?"
"""Membership of the worthless: "I'd rather join the "pay full price" club"."""
_TAKE = rf"(?: {lx.TAKING_VERBS.regex})?"
_NEG = rf"(?:{'|'.join(lx.with_contractions('do not'))}|never|won't|will not)"
_BE = r"(?:feel|look|be|get|stay|become|feeling|looking|being|getting|staying)"
_DET_ = r"(?:(?:a|an|the|my|any|your|this|these|those|some|our|that|all|all the|such) )?"
_WORTHWHILE = (
    rf"(?:{lx.WORTHWHILE_ACTIONS.regex}|{lx.CARED_FOR.regex}"
    rf"|{_DET_}(?:{lx.WORTHWHILE_NOUNS.regex}|{lx.GOOD_ADJECTIVES.regex} [a-z][a-z'-]*))\b"
)
_SEP = r"[ ,.!;:()-]"
_DECLINED = (
    rf"\b{lx.DECLINE_OPENERS.regex}\b(?:{_SEP}*{lx.THANKS.regex})?{_SEP}*"
    r"(?:(?:but|because|cause|'cause|as|since|and|so) )?"
)
"""A decline ("No thanks,", "Nope -", "Maybe later:") and what joins the next clause; "thanks"
may be glued to it ("No thanksI'd rather ...", as widgets flatten their text)."""

_SCOLDING = (
    rf"{_I_AS} (?:"
    # a verb of liking (or, after "I'll", none), a worthless object: "I'd happily keep paying
    # more", "I'll pay more", "I'll stay broke"
    rf"(?:(?:{lx.PREFERENCE_VERBS.regex}|{lx.CONTINUING_VERBS.regex})(?: {_ADV})?"
    rf"(?:{_LINK} {lx.CONTINUING_VERBS.regex})?{_LINK}"
    rf'{_JOINING}{_DET} "*)?{_COSTLY}'
    # choosing to lose or waste anything: "I'd rather keep losing customers"
    rf"|(?:{lx.PREFERENCE_VERBS.regex}|{lx.CONTINUING_VERBS.regex})(?: {_ADV})?"
    rf"(?:{_LINK} {lx.CONTINUING_VERBS.regex})?{_LINK} {lx.LOSING_VERBS.regex}{_DET} "
    rf"(?!{lx.WANTED_LOSSES.regex}\b)[a-z]"
    # taking one's chances: "I'll risk it"
    rf"|{lx.RISK_TAKING.regex}\b"
    # a verb of refusing, a worthwhile object: "I'll pass on the savings"
    rf"|(?:{lx.REJECTION_VERBS.regex}|{lx.REFUSAL_VERBS.regex})(?: {_ADV})?{_LINK}{_TAKE} "
    rf"{_WORTHWHILE}"
    # refusing to be well: "I don't need to look good", "I don't want to be in the know"
    rf"|(?:{_NEG} )?(?:{lx.REJECTION_VERBS.regex} )?(?:to )?{_BE} {lx.GOOD_STATES.regex}\b"
    # scorn for anything on offer: "I don't like nice things"
    rf"|{lx.SCORN_VERBS.regex}{_LINK}{_DET} [a-z][a-z'-]*"
    # sarcasm: "I already know everything", "I'm perfect"
    rf"|{lx.KNOW_IT_ALL.regex}\b"
    r")"
    # a worthwhile thing dismissed: "saving money isn't for me"
    rf"|(?:{lx.WORTHWHILE_ACTIONS.regex}|{lx.WORTHWHILE_NOUNS.regex}|{lx.GOOD_ADJECTIVES.regex}"
    rf" [a-z][a-z'-]*) {lx.DISMISSIVE_PREDICATES.regex}"
    # a worthless thing accepted: "full price is fine"
    rf"|(?:{lx.WORTHLESS_NOUNS.regex}|{lx.WORTHLESS_ACTIONS.regex}|{lx.COSTLY_ACTIONS.regex}) "
    rf"{lx.FINE_PREDICATES.regex}\b"
    # a rhetorical question: "who needs free shipping?", "who cares about savings anyway"
    rf"|who (?:needs|wants|cares about) {_WORTHWHILE}"
    r")"
)

_SCOLDING_GATE = (
    rf"{_DECLINED}(?:i\b|who (?:needs|wants|cares)|[^.!?]{{0,60}}?\b(?:is|are|isn't|aren't|"
    r"doesn't|does|don't|do|works|suits|sounds)\b)"
)
"""What every scolding decline starts with: a decline, then "I", "who needs" (a rhetorical
question), or a predicate."""

CONFIRMSHAMING = register(
    Rule(
        code="HO401",
        name="confirmshaming",
        summary="A decline option worded to make the reader feel foolish.",
        message="confirmshaming: “{text}”",
        doc=RuleDoc(
            why=(
                "Wording the way out as `No thanks, I'd rather pay full price` shames the "
                "reader into accepting. Mathur et al. found 169 such declines, almost all in "
                "pop-ups; deceptive.design, the FTC's 2022 report and India's CCPA guidelines "
                "list confirmshaming, and in the EU it is argued as undue influence under UCPD "
                "Articles 8 and 9."
            ),
            bad="No thanks, I don't like saving money",
            honest='Use a neutral decline: "No, thanks", "Not now" or "Maybe later".',
        ),
    )
)

_CONFIRMSHAMING_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        CONFIRMSHAMING,
        (
            # shapes (see above): a decline, then the reader's voice scolding them
            shape(lx.DECLINE_OPENERS.anchors, rf"{_DECLINED}(?:{_SCOLDING}", gate=_SCOLDING_GATE),
            # a decline that makes the reader declare they do not care: "No thanks, I'm not
            # interested" (the honest decline says no more than "No thanks")
            shape(
                lx.DECLINE_OPENERS.anchors,
                rf"{_DECLINED}i(?:'m| am)(?: {_ADV})? not interested{END}",
            ),
            # without a decline, only the plain shapes: "I enjoy overpaying"
            shape(
                "i",
                rf"{_ME} {lx.PREFERENCE_VERBS.regex}(?: {_ADV})?{_LINK}{_DET} {_WORTHLESS}",
            ),
            shape(
                "i",
                rf"{_ME} {lx.REJECTION_VERBS.regex}(?: {_ADV})?{_LINK}{_TAKE} {_WORTHWHILE}",
            ),
            # "I'll shop without a discount", "I don't feel lucky"
            shape(
                "i",
                rf"\b{_I_WILL} (?:do|go|shop|buy|order|pay|continue|live|stay|manage|check out|"
                rf"checkout) without {_WORTHWHILE}",
            ),
            shape("i", rf"{_ME} {_NEG} (?:feel|get) lucky\b"),
            # declining framed as a loss: "Decline and miss the bonus"
            shape(
                "miss lose forfeit give throw",
                rf"{START}(?:{lx.DECLINE_OPENERS.regex}|decline|cancel|close|continue)\b"
                rf"[^.!?]{{0,20}}? and (?:miss|lose|forfeit|give up|throw away)(?: out on)? "
                rf"{_WORTHWHILE}",
            ),
            # the accepting side, in the same voice: "Yes, I want to save money"
            shape(
                "yes",
                rf"{START}yes\b[ ,.!-]*{_I_AS} (?:want|like|love|need)(?: to)?{_TAKE} "
                rf"{_WORTHWHILE}",
            ),
            pattern(
                "i",
                rf"{_OWN_VOICE}(?:'d |would )?(?:rather|prefer(?: to)?|like to|love to|want to|"
                rf"choose to|(?:am )?happy to) (?:pay|paying|keep paying|stick with|stay with) "
                rf"{_FULL_PRICE}\b",
            ),
            pattern(
                "i",
                rf"{_OWN_VOICE}(?:'ll |will |shall )?(?:just |keep |happily |gladly )?pay(?:ing)? "
                rf"{_FULL_PRICE}\b",
            ),
            pattern(
                "i",
                rf"{_OWN_VOICE}(?:like|love|enjoy|want|prefer) (?:to )?(?:pay|paying) "
                rf"(?:{_FULL_PRICE}|more|too much|extra)\b",
            ),
            pattern("i", rf"{_OWN_VOICE}(?:like|love|prefer|enjoy) {_FULL_PRICE}s?\b"),
            pattern(
                "i",
                rf"{_OWN_VOICE}(?:'m |am )?(?:happy|fine|ok|okay|content|glad) (?:to pay|paying) "
                rf"{_FULL_PRICE}\b",
            ),
            pattern(
                "pay",  # not "i": "no thanksi'll pay more" (glued widget text) has no word "i"
                rf"\b{_DECLINE}i(?:'ll| will) (?:just |happily |gladly )?pay (?:more|extra|full)\b",
            ),
            pattern(
                "i",
                rf"{_OWN_VOICE}{_DONT} (?:like|want|need|care about|care for|enjoy|love|deserve|"
                rf"feel like) (?:to )?{_BENEFIT}\b",
            ),
            pattern("i", rf"{_OWN_VOICE}(?:hate|despise|dislike) {_BENEFIT}\b"),
            pattern(
                "i",
                rf"{_OWN_VOICE}(?:'m |am )?not interested in (?:sav|discount|deal|free|great|good|"
                rf"money|bargain|coupon|winning|protect)",
            ),
            pattern(
                "i",
                rf"{_OWN_VOICE}(?:'d |would )?(?:rather|prefer to|prefer) (?:not (?:save|win|get|"
                rf"have|be protected|protect)|miss out|do it the hard way|stay (?:broke|behind))\b",
            ),
            pattern(
                "i",
                rf"{_OWN_VOICE}(?:'d |would )?prefer not to (?:save|win|have a "
                rf"(?:discount|protection))",
            ),
            pattern(
                "i",
                rf"{_OWN_VOICE}(?:'ll |will )?(?:shop|buy|stay|continue|live) without "
                rf"(?:a |the |my )?(?:discount|deal|savings?|gift|protection)\b",
            ),
            pattern("i", rf"{_OWN_VOICE}(?:'ll |will )?be the last (?:one )?to know\b"),
            pattern("i", rf"{_OWN_VOICE}{_DONT} (?:feel|get) lucky\b"),
            pattern("i", rf"{_OWN_VOICE}{_DONT} mind (?:missing out|paying more|losing)\b"),
            pattern("i", rf"{_OWN_VOICE}(?:'d |would )?like (?:0|zero) ?% off\b"),
            pattern(
                "i",
                rf"{_OWN_VOICE}(?:'ll |will )?(?:skip|pass on|miss) (?:this|the|my|these|out on)"
                rf"(?: \w+)? (?:amazing|great|super|huge|exclusive|special|best|incredible|free)\b",
            ),
            pattern(
                "i",
                rf"{_OWN_VOICE}(?:'ll |will )?(?:miss out|pass on (?:savings|the savings|free))\b",
            ),
            pattern("join", r"\bjoin the \"*pay full price"),
            pattern(
                "yes",
                rf"{START}yes,? i (?:want|'d like|would like|love) (?:to save|(?:my|the|a|more) "
                rf"(?:discount|deal|savings|free \w+)|(?:free|great) (?:stuff|deals|gifts))\b",
            ),
        ),
        negatable=False,
    ),
    PhraseRule(
        CONFIRMSHAMING,
        (
            pattern(
                "no nah nope not maybe skip",
                rf"^{_DECLINE}{_I}(?:{_DONT} (?:like|care) to \w+|hate \w+|"
                rf"(?:'d |would )?rather (?:not|stay|keep|pay|miss)|(?:'m |am )?fine "
                rf"(?:paying|missing|without)|like paying)",
            ),
        ),
        contexts=LABELS_ONLY,
        negatable=False,
    ),
)


PRESSURE_CTA = register(
    Rule(
        code="HO402",
        name="pressure-call-to-action",
        summary="A call to action that adds scarcity or a prize to the click.",
        message="pressure call to action: “{text}”",
        doc=RuleDoc(
            why=(
                "Buttons like `Buy now before it's gone` or `Claim your spot` frame an ordinary "
                "purchase as a race or a prize. Mathur et al. class this as pressured selling; "
                "UCPD Annex I point 31 bans creating a false impression of a prize, and "
                "persistent pressure is an aggressive practice under Articles 8 and 9."
            ),
            bad="Claim your spot now before it's gone",
            honest=(
                'Name what the click does and what it costs, e.g. "Book the workshop '
                '(EUR 240)" or "Ask a question".'
            ),
        ),
    )
)

_PRESSURE_CTA_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        PRESSURE_CTA,
        (
            pattern(
                "before",
                r"\b(?:buy|order|shop|get|grab|claim|secure|reserve|book|snag|add|check ?out|lock "
                r"in|take|join|enrol|enroll|sign up|register)\b[^.!?]{0,30}? before (?:it's|it is|"
                r"they're|they are|it|they|we|the (?:deal|offer|price|sale|discount|spots?|seats?|"
                r"places?)) ?(?:gone|too late|sold out|sells? out|runs? out|expires?|ends?|"
                r"disappears?|goes up|go up|rises?|increases?|are gone|is gone|run out|close|"
                r"closes)\b",
            ),
            pattern("gone", r"\bbefore (?:it's|they're|it is|they are) (?:all )?gone\b"),
            pattern(
                "claim",
                r"\bclaim (?:your|my|this|the) (?:(?:free|exclusive|special|limited|discounted|"
                r"reserved|last) )?(?:spot|seat|place|discount|deal|offer|gift|reward|bonus|coupon|"
                r"code|savings?|prize|voucher|price|access|copy|slot)s?\b",
            ),
            pattern(
                "secure",
                r"\bsecure (?:your|my) (?:spot|seat|place|slot|discount|deal|price)s? (?:now|today|"
                r"before|while)\b",
            ),
            pattern(
                "before while",
                r"\b(?:get|grab|buy|order|claim) (?:it|yours|one|them|this) (?:now|today) "
                r"(?:before|while)\b",
            ),
            pattern(
                "while",
                r"\bwhile (?:you (?:still )?can|there's still time|it's still available)\b",
            ),
        ),
    ),
    PhraseRule(
        PRESSURE_CTA,
        (
            pattern(
                "buy order shop get grab claim book reserve secure snag",
                r"^(?:buy|order|shop|get|grab|claim|book|reserve|secure|snag)\b[^.!?]{0,30}\b(?:now|"
                r"today|immediately|right away|fast|quick(?:ly)?)!",
            ),
        ),
        contexts=LABELS_ONLY,
    ),
)


EXIT_INTENT = register(
    Rule(
        code="HO403",
        name="exit-intent-plea",
        summary="Text that tries to stop the reader from leaving the page.",
        message="plea to stay on the page: “{text}”",
        doc=RuleDoc(
            why=(
                "Exit pop-ups (`Wait! Don't go`, `Before you leave...`) interrupt a reader who "
                "has decided, often with a last-minute discount. The DSA names repeated prompts "
                "as manipulative design (Article 25), persistent nagging is an aggressive "
                "practice under UCPD Articles 8 and 9, and Gray et al. and India's CCPA "
                "guidelines list nagging as a dark pattern."
            ),
            bad="Wait! Don't go - here's 10% off before you leave.",
            honest="Let the reader leave. Offer one optional newsletter link on the page.",
        ),
    )
)

_EXIT_INTENT_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        EXIT_INTENT,
        (
            pattern(
                "wait hold hang stop",
                r"\b(?:wait|hold on|hang on|stop)\b[ ,.!-]*(?:don't|do not) (?:go|leave)\b",
            ),
            pattern(
                "go leave",
                r"\b(?:don't|do not|please don't) (?:go|leave)(?: (?:yet|just yet|so soon|"
                r"empty[ -]handed|without))",
            ),
            pattern("go leave", rf"{START}(?:don't|do not) (?:go|leave)!"),
            pattern(
                "go leave head close click",
                r"\bbefore you (?:go|leave|head out|close this|click away)\b",
            ),
            pattern("leaving", r"\bleaving (?:so soon|already|us)\b"),
            pattern("thing", r"\b(?:one|just one) (?:more|last) thing before you\b"),
            pattern(
                "sure",
                r"\bare you sure you (?:want to )?(?:leave|go|miss|lose|pass up|give up)\b",
            ),
            pattern(
                "lost disappear vanish",
                r"\byour (?:discount|deal|offer|coupon|cart|savings?) (?:will|is going to) "
                r"(?:be lost|disappear|vanish)\b",
            ),
            pattern("forgot", r"\byou forgot (?:something|your (?:cart|discount|items?))\b"),
            pattern("thinking", r"\b(?:still|are you still) thinking (?:it over|about it)\b"),
            pattern("miss misses", r"\b(?:your cart|we) miss(?:es)? you\b"),
            pattern(
                "wait",
                rf"{START}wait[ ,.!-]+(?:here's|take|get|have|grab|before|we have|there's)\b",
            ),
        ),
    ),
)


GUILT = register(
    Rule(
        code="HO404",
        name="guilt-or-fear-appeal",
        summary="An appeal to regret, fear or guilt to push the purchase.",
        message="guilt or fear appeal: “{text}”",
        doc=RuleDoc(
            why=(
                "Telling readers they will regret not buying, or that `only fools pay more`, "
                "exploits emotion instead of informing. UCPD Annex I point 12 bans inaccurate "
                "claims about risks to the reader's safety if they do not buy; Articles 8 and 9 "
                "cover exploiting fear and misfortune."
            ),
            bad="Don't be the one who regrets it - only fools pay more.",
            honest="State the facts and who the offer is not for; let the reader weigh them.",
        ),
    )
)

_GUILT_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        GUILT,
        (
            pattern("regret", r"\byou(?:'ll| will| would|'d) (?:always )?regret\b"),
            pattern(
                "regret regrets",
                r"\b(?:don't|do not) (?:be (?:the one who|left)|live to) regrets?\b",
            ),
            pattern(
                "fools idiots suckers losers",
                r"\b(?:only|just) (?:fools|idiots|suckers|losers) (?:pay|wait|miss)\b",
            ),
            pattern(
                "smart savvy clever wise",
                r"\b(?:smart|savvy|clever|wise) (?:people|buyers|shoppers|customers|owners) "
                r"(?:don't wait|buy now|act now|act fast|already)\b",
            ),
            pattern("wait", r"\bevery (?:day|hour|minute|week) you wait (?:costs|is costing)\b"),
            pattern(
                "behind",
                r"\b(?:don't|do not) (?:get|be) left behind\b"
                r"|\b(?:don't|do not) fall (?:further )?behind\b",
            ),
            pattern("really", r"\bare you really going to (?:leave|let|miss|risk|pass)\b"),
            pattern(
                "unprotected",
                r"\b(?:leave|leaving) your (?:family|loved ones|home|children|kids) unprotected\b",
            ),
            pattern(
                "lose losing miss missing",
                r"\bthink (?:of|about) (?:what|everything) you(?:'ll| will|'re| are) (?:lose|"
                r"losing|miss|missing)\b",
            ),
        ),
        negatable=False,
    ),
)


TRICK_WORDING = register(
    Rule(
        code="HO405",
        name="trick-wording",
        summary="A double-negative or opt-out wording that confuses a choice.",
        message="confusing opt-out wording: “{text}”",
        doc=RuleDoc(
            why=(
                "`Untick this box if you do not wish to receive offers` makes the reader parse "
                "a double negative to say no. Mathur et al. call these trick questions; the "
                "FTC's 2022 report and the EDPB guidelines on deceptive design (03/2022) name "
                "ambiguous and double-negative wording."
            ),
            bad="Uncheck this box if you do not wish to receive our offers.",
            honest='Ask positively with an unticked box: "Send me product news (optional)".',
        ),
    )
)

_TRICK_WORDING_PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        TRICK_WORDING,
        (
            pattern(
                "wish want like",
                r"\b(?:un)?(?:tick|check|select|mark)(?:ed)? (?:this|the|here|this box|the box|"
                r"below)\b[^.!?]{0,40}?\bif you (?:do not|don't|would not|wouldn't|prefer not|"
                r"would prefer not) (?:wish|want|like) to\b",
            ),
            pattern(
                "wish want",
                r"\bif you (?:do not|don't) (?:wish|want) to (?:receive|be contacted|hear|get)"
                r"[^.!?]{0,60}?\b(?:tick|check|select|uncheck|untick|leave)\b",
            ),
            pattern(
                "box",
                r"\b(?:uncheck|untick) (?:this|the) box (?:if|to) (?:you )?(?:not|do not|don't|"
                r"prefer not)\b",
            ),
            pattern("opt", r"\bopt out of not\b"),
        ),
    ),
)


PHRASES: tuple[PhraseRule, ...] = (
    *_CONFIRMSHAMING_PHRASES,
    *_PRESSURE_CTA_PHRASES,
    *_EXIT_INTENT_PHRASES,
    *_GUILT_PHRASES,
    *_TRICK_WORDING_PHRASES,
)

DETECTORS: tuple[Detector, ...] = ()
DETECTOR_WORDS: frozenset[str] = frozenset()
