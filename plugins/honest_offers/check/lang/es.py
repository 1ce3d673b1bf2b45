"""Spanish word data for the text rules: the shapes of each tactic in Spanish.

Patterns match normalised text: lower case, no accents ("ultimas", "dias", "rapido", "n" for
"ñ"), one space. The inverted marks "¡" and "¿" read as "!" and "?", so a clause that opens
with one starts where a clause starts ("¡Date prisa!" is "!date prisa!").
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
    "una",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "pocas",
    "pocos",
    "unas pocas",
    "unos pocos",
)
"""A count in digits or words ("3", "tres", "pocas")."""
UNITS = words(
    "unidades",
    "unidad",
    "plazas?",
    "entradas?",
    "articulos?",
    "piezas?",
    "existencias",
    "habitaciones",
    "billetes",
    "asientos?",
    "cupos?",
    "productos?",
    "ejemplares",
    "packs?",
)
_UNIT_ANCHORS = (
    "unidades unidad plaza plazas entrada entradas articulo articulos "
    "pieza piezas existencias "
    "habitaciones billetes asiento asientos cupo cupos producto productos "
    "ejemplares pack packs"
)
PEOPLE = words(
    "personas", "usuarios", "clientes", "visitantes", "compradores", "otros", "otras", "gente"
)
_PEOPLE_ANCHORS = "personas usuarios clientes visitantes compradores otros otras gente"
SOON = words(
    "pronto",
    "hoy",
    "manana",
    "esta noche",
    "a medianoche",
    "en breve",
    "muy pronto",
    rf"en {NUM} (?:minutos|horas|dias)",
    "en pocas (?:horas|dias)",
)
OFFER = words(
    "ofertas?",
    "promocion(?:es)?",
    "promos?",
    "descuentos?",
    "rebajas?",
    "ventas?",
    "precios?",
    "cupon(?:es)?",
    "codigos?",
)
_OFFER_ANCHORS = (
    "oferta ofertas promocion promociones promo promos descuento descuentos rebaja rebajas "
    "venta ventas precio precios cupon cupones codigo codigos"
)
_STANDING = (
    r"\bpara (?:estudiantes|socios|miembros|jubilados|grupos|familias|asociaciones|"
    r"desempleados|suscriptores)\b|\bcon pago anual\b"
    r"|\b(?:con|en|para) (?:el |la |los |las |un |una )?(?:plan|planes|pago|facturacion"
    r"|suscripcion|suscripciones|tarifas?|abono|abonos) anual(?:es)?\b"
    r"|^\W*(?:plan )?anual(?:mente)?\W+(?:ahorra|ahorre|ahorras|paga|pague|obten)"
    r"|^(?:los|las) (?:estudiantes|socios|socias"
    r"|miembros|jubilados) (?:pagan|tienen|reciben)\b"
)
"""A standing price rule, not a sale: "10 % de descuento para estudiantes"."""
_STANDING_SAVING = (
    rf"{_STANDING}|^(?!.*\b(?:hoy|ahora|solo|hasta el|termina)\b)"
    rf".*\bahorr\w*\b[^.!?;]{{0,16}}?(?:{PERCENT}|{PRICE}) ?(?:/ ?|al |por |cada )"
    r"(?:mes|ano|trimestre|semana|usuario|persona|licencia|plaza)\b"
)
"""A standing rule, or a saving counted per period or head ("ahorra 5 €/mes" against
another plan: :data:`honest_offers.check.lexicon.RATE_UNITS`), with no time limit."""

PHRASES: tuple[PhraseRule, ...] = (
    PhraseRule(
        ur.COUNTDOWN,
        (
            pattern(
                "termina acaba quedan solo restante finaliza",
                r"\b(?:termina en|acaba en|finaliza en|quedan"
                r"|solo quedan|tiempo restante):? \d{1,2}:\d{2}(?::\d{2})?\b",
            ),
            pattern(
                "termina acaba finaliza expira quedan queda restante",
                r"\b(?:termina en|acaba en|finaliza en|expira en|quedan|queda|solo quedan"
                r"|tiempo restante) ?:? ?\d{1,3} ?(?:d|dias?|h|horas?)\.? \d{1,2} ?"
                r"(?:h|horas?|min|minutos?)\b",
            ),
            pattern(
                "d dias dia h horas hora",
                r"\b\d{1,3} ?(?:d|dias?)\.? \d{1,2} ?(?:h|horas?) \d{1,2} ?(?:min|minutos?)\b"
                r"|\b\d{1,2} ?(?:h|horas?) \d{1,2} ?(?:min|minutos?) \d{1,2} ?"
                r"(?:s|seg|segundos?)\b",
            ),
            pattern(
                "termina acaba finaliza expira vence",
                rf"\b(?:{OFFER} )?(?:termina|acaba|finaliza"
                rf"|expira|vence) en (?:solo )?{NUM} (?:minutos?"
                r"|horas?|segundos?|dias)\b",
            ),
            # "solo quedan 3 días", "quedan apenas 5 horas": only a little time is left
            pattern(
                "quedan queda",
                r"\b(?:(?:solo|solamente|ya solo|apenas) (?:quedan|queda)|(?:quedan|queda) "
                rf"(?:solo|solamente|apenas)) {NUM} (?:minutos?|horas?|segundos?|dias)\b",
            ),
        ),
    ),
    PhraseRule(
        ur.LIMITED_TIME,
        (
            pattern(
                "solo solamente unicamente",
                r"\b(?:solo|solamente|unicamente) (?:por "
                r"|hasta |durante )?(?:hoy|esta noche|manana"
                r"|este fin de semana|esta semana|48 horas"
                r"|24 horas)\b",
            ),
            pattern("hoy", r"\bhoy (?:solo|solamente|unicamente)\b"),
            pattern(
                "limitado oferta",
                r"\b(?:por|durante un) tiempo limitado\b|\boferta limitada\b(?! a)",
            ),
            pattern(
                _OFFER_ANCHORS,
                rf"\b{OFFER} (?:termina|acaba|finaliza|expira"
                rf"|vence|se acaba|caduca)n? {SOON}\b",
            ),
            pattern(
                "valida valido",
                rf"\bvalid[ao] (?:solo |solamente |unicamente )?(?:hasta |por )?(?:{SOON})\b",
            ),
            pattern("oportunidad", r"\bultima oportunidad\b|\boportunidad unica\b"),
            pattern("ultimos ultimas", r"\b(?:ultimos dias|ultimas horas)\b"),
            pattern(
                "relampago flash", r"\b(?:oferta|venta|rebaja|descuento)s? (?:relampago|flash)\b"
            ),
            pattern("nunca", r"\bahora o nunca\b"),
            pattern("durara", r"\bno durara(?: mucho)?\b"),
        ),
    ),
    PhraseRule(
        ur.HURRY,
        (
            pattern("prisa", r"\b(?:date|daos|dese|dense|danse) prisa\b"),
            pattern("apresurate apresurese apresurense", r"\bapresur(?:ate|ese|ense)\b"),
            pattern(
                "esperes espere esperen esperas espera esperan",
                r"\bno (?:esperes|espere|esperen)(?: mas)?\b"
                r"|\ba que (?:esperas|espera|esperan)\b",
            ),
            pattern("pierdas pierda pierdan", r"\bno te lo pierdas\b|\bno se lo pierda(?:n)?\b"),
            pattern("pasar", r"\bno (?:lo |la )?(?:dejes|deje|dejen) pasar\b"),
            pattern("tarde", r"\bantes de que sea (?:demasiado )?tarde\b"),
            pattern(
                "acaba acaban agota agotan acabe acaben agote agoten",
                r"\bque se (?:acaba|acaban|agota|agotan)\b"
                r"|\bantes de que se (?:acabe|acaben|agote"
                r"|agoten)\b",
            ),
            pattern("corre corred corran", rf"{START}(?:corre|corred|corran) ?!"),
            pattern("llega", r"\bel que (?:primero|antes) llega\b"),
        ),
    ),
    PhraseRule(
        ur.PRICE_RISE,
        (
            pattern(
                "precio precios",
                r"\b(?:el |los |nuestros )?precios? (?:subira"
                r"|sube|suben|subiran|aumentara|aumenta|aumentan"
                rf"|aumentaran|va a subir|van a subir) (?:{SOON}"
                r"|el lunes|la proxima semana|proximamente)\b",
            ),
            pattern(
                "sera costara",
                rf"\bsera (?:mas caro|mas cara)\b(?! (?:que|en))|\bcostara mas (?:{SOON})\b",
            ),
            pattern("suba suban", r"\bantes de que (?:suba|suban) (?:el precio|los precios)\b"),
            pattern("subida", rf"\bsubida de precios? (?:inminente|{SOON})\b"),
            pattern(
                "precio",
                r"\b(?:asegura|bloquea|congela|manten)(?:te)? (?:tu "
                r"|el |este |ya el )?precio(?: actual)?\b",
            ),
            pattern("volvera", r"\beste precio no volvera\b"),
        ),
    ),
    PhraseRule(
        ur.CART_HOLD,
        (
            pattern(
                "reservado reservada reservados reservadas guardado guardada guardados "
                "guardadas bloqueado bloqueada bloqueados bloqueadas",
                r"\b(?:reservad|guardad|bloquead)[oa]s? (?:solo "
                rf"|solamente )?(?:durante|por) (?:los proximos )?{NUM} (?:minutos?"
                r"|min)\b",
            ),
            pattern(
                "guardamos reservamos",
                r"\bte (?:guardamos|reservamos) (?:tu |el )?\w+ (?:solo )?(?:durante "
                rf"|por )?{NUM} (?:minutos?|min)\b",
            ),
            pattern(
                "carrito",
                r"\bcarrito (?:se guarda|se reserva|esta reservado"
                rf"|queda reservado) (?:solo )?(?:durante|por) {NUM} (?:minutos?"
                r"|min)\b",
            ),
        ),
    ),
    PhraseRule(
        sc.LOW_STOCK,
        (
            pattern(
                "quedan queda",
                r"\b(?:solo |solamente |ya solo |apenas )?(?:quedan"
                rf"|queda) (?:solo |solamente |apenas )?{NUM}\b(?! (?:dias?"
                r"|horas?|semanas?|mes|meses|anos?|minutos?"
                r"|pasos?|etapas?|detalles?|tiempo|momento|preguntas?|intentos?|vidas?|niveles?"
                r"|nivel|lecciones|leccion|capitulos?|ejercicios?|tareas?|rondas?)\b)",
            ),
            pattern(
                "ultimas ultimos ultima ultimo",
                rf"\b(?:ultimas|ultimos|ultima|ultimo) (?:{NUM} )?{UNITS}\b",
            ),
            pattern(
                "agotado agotada agotados agotadas agotarse agotarnos stock existencias plazas",
                r"\b(?:casi|practicamente|a punto de) (?:agotad[oa]s?"
                r"|agotarse|agotarnos)\b|\bcasi sin (?:stock"
                r"|existencias|plazas)\b",
            ),
            pattern("stock", r"\bstock (?:bajo|muy limitado|casi agotado)\b|\bpoco stock\b"),
            pattern(
                "solo solamente apenas",
                rf"\b(?:solo|solamente|apenas) {NUM} {UNITS} (?:disponibles"
                r"|restantes|en stock|libres)\b",
            ),
            pattern(_UNIT_ANCHORS, rf"\b{NUM} {UNITS} restantes\b"),
        ),
    ),
    PhraseRule(
        sc.HIGH_DEMAND,
        (
            pattern("demanda", r"\b(?:alta|gran|mucha|enorme) demanda\b"),
            pattern(
                "demandado demandada demandados demandadas solicitado solicitada solicitados "
                "solicitadas",
                r"\bmuy (?:demandad[oa]s?|solicitad[oa]s?)\b",
            ),
            pattern(
                "vende venden vendiendo",
                r"\bse (?:vende|venden|esta vendiendo|estan vendiendo) (?:muy "
                r"|super )?(?:rapido|rapidamente|como churros"
                r"|como pan caliente)\b",
            ),
            pattern(
                "vuela vuelan volando",
                r"\b(?:vuela|vuelan|esta volando|estan volando)\b(?! (?:a"
                r"|hacia|desde|con|sobre|en|por))",
            ),
            pattern("arrasando", r"\besta(?:n)? arrasando\b"),
        ),
    ),
    PhraseRule(
        sc.SUPPLY_LIMIT,
        (
            pattern("agotar", r"\bhasta agotar (?:existencias|stock|unidades)\b"),
            pattern(
                "dure duren",
                r"\bmientras (?:dure|duren) (?:el stock|las existencias|existencias)\b",
            ),
            pattern(
                "limitadas limitado limitada limitados",
                r"\b(?:unidades|plazas|existencias|cantidad(?:es)?"
                rf"|stock) limitad[oa]s?\b(?! a {NUM})",
            ),
        ),
    ),
    PhraseRule(
        sp.VIEWERS,
        (
            pattern(
                _PEOPLE_ANCHORS,
                rf"\b{NUM} {PEOPLE} (?:estan viendo|ven|miran"
                r"|estan mirando|consultan|estan consultando"
                r"|visitan)\b",
            ),
            pattern(
                _PEOPLE_ANCHORS,
                rf"\b{NUM} (?:otr[oa]s )?{PEOPLE} (?:tienen"
                r"|tiene) (?:esto|este [\w-]+|esta [\w-]+) en (?:su"
                r"|el) carrito\b",
            ),
            pattern("ahora", rf"\bahora mismo,? {NUM} {PEOPLE}\b"),
            pattern(_PEOPLE_ANCHORS, rf"\b{NUM} {PEOPLE} (?:en linea|conectad[oa]s)\b"),
        ),
    ),
    PhraseRule(
        sp.PURCHASES,
        (
            pattern(
                "acaba acaban",
                r"\b(?:acaba|acaban) de (?:comprar|reservar"
                r"|pedir|adquirir|inscribirse|suscribirse"
                r"|contratar)\b",
            ),
            pattern(
                "hace",
                r"\b(?:compro|reservo|pidio|adquirio|contrato"
                rf"|ha comprado|ha reservado|se inscribio) (?:[\w-]+ ){{0,3}}hace {NUM} "
                r"(?:minutos?|horas?|segundos?)\b",
            ),
            pattern(
                "ventas compras reservas pedidos",
                rf"\b{NUM} (?:ventas|compras|reservas|pedidos) en (?:las )?ultimas "
                rf"(?:{NUM} )?horas\b",
            ),
            pattern(
                "veces",
                rf"\b(?:vendid|comprad|reservad)[oa]s? {NUM} veces (?:hoy|en las ultimas)\b",
            ),
        ),
    ),
    PhraseRule(
        md.CONFIRMSHAMING,
        (
            pattern(
                "prefiero",
                r"\bprefiero (?:pagar (?:mas|de mas|el precio completo"
                r"|precio completo)|seguir (?:perdiendo|pagando"
                r"|sin)|quedarme (?:sin|pobre|igual|atras)"
                r"|perder (?:dinero|clientes|tiempo)|no ahorrar)\b",
            ),
            pattern("gusta", r"\bno me gusta (?:ahorrar|ganar|el dinero|las ofertas)\b"),
            pattern(
                "quiero",
                r"\bno quiero (?:ahorrar|ganar (?:mas|dinero)"
                r"|mejorar|descuentos|clientes|exito|tener exito"
                r"|crecer)\b",
            ),
            pattern("renuncio", r"\brenuncio a (?:mi|el|mis) (?:descuento|regalo|ventaja|bono)\b"),
        ),
        negatable=False,
    ),
    PhraseRule(
        md.PRESSURE_CTA,
        (
            pattern(
                "antes",
                r"\b(?:reserva|consigue|asegura|aprovecha"
                r"|compra|pide|hazte)\w* (?:[\w',]+ ){0,4}antes de que (?:se agote"
                r"|se acabe|vuele|desaparezca|se agoten|se acaben"
                r"|no quede|se lo lleven|te lo quiten)\b",
            ),
            pattern("quiten", r"\bque no te lo quiten\b"),
        ),
    ),
    PhraseRule(
        md.EXIT_INTENT,
        (
            pattern("vayas vaya vayan", r"\bno te vayas\b|\bno se (?:vaya|vayan)\b"),
            pattern("irte irse vayas vaya", r"\bantes de (?:irte|irse|que te vayas|que se vaya)\b"),
            pattern("vas", r"\b(?:ya te vas|te vas ya)\b"),
        ),
        negatable=False,
    ),
    PhraseRule(
        md.GUILT,
        (
            pattern(
                "arrepentiras arrepentira arrepentir",
                r"\b(?:te arrepentiras|se arrepentira|te vas a arrepentir|se va a arrepentir)\b",
            ),
            pattern("lamentaras lamentara", r"\blo (?:lamentaras|lamentara)\b"),
            pattern("seas sea", r"\bno (?:seas|sea) (?:el|la) (?:unic[oa]|ultim[oa]) (?:que|en)\b"),
            pattern("tontos ingenuos perdedores", r"\bsolo los (?:tontos|ingenuos|perdedores)\b"),
            pattern(
                "verdad serio",
                r"\b(?:de verdad|en serio) (?:quieres|quiere) seguir (?:perdiendo"
                r"|pagando de mas|malgastando)\b",
            ),
        ),
        negatable=False,
    ),
    PhraseRule(
        md.TRICK_WORDING,
        (
            pattern(
                "casilla",
                r"\b(?:desmarca|desmarque|marca|marque|no marques"
                r"|no marque)\b[^.!?]{0,40}\bcasilla\b[^.!?]{0,40}\bsi no (?:deseas"
                r"|desea|quieres|quiere)\b",
            ),
        ),
        negatable=False,
    ),
    PhraseRule(
        pr.REFERENCE_PRICE,
        (
            pattern(
                "antes anterior pvp original habitual recomendado normal",
                r"\b(?:antes|precio anterior|pvp|precio original"
                r"|precio habitual|precio de venta recomendado"
                rf"|precio recomendado|precio normal):? {PRICE}",
            ),
            pattern("lugar vez", rf"\ben (?:lugar|vez) de {PRICE}"),
        ),
        unless_in_sentence=_STANDING,
    ),
    PhraseRule(
        pr.DISCOUNT,
        (
            pattern(
                "%",
                rf"(?:^|[ (])-{PERCENT}|{PERCENT} (?:de descuento"
                r"|de rebaja|dto|menos|mas barato)\b",
            ),
            pattern(
                "ahorra ahorre ahorras ahorrate",
                r"\b(?:ahorra|ahorre|ahorras|ahorrate) (?:hasta "
                rf"|un |mas de )*(?:{PERCENT}|{PRICE})",
            ),
            pattern(
                "descuento rebaja",
                rf"\b(?:descuento|rebaja) (?:de )?(?:hasta )?(?:{PERCENT}|{PRICE})",
            ),
            pattern(
                "rebajado rebajada rebajados rebajadas precio precios",
                r"\bprecios? (?:rebajad[oa]s?|de locura|increibles?"
                r"|tirados?)\b|\brebajad[oa]s? (?:un|al|a)\b",
            ),
            pattern("chollo superoferta", r"\b(?:chollo|superoferta)\b"),
        ),
        unless_in_sentence=_STANDING_SAVING,
    ),
    PhraseRule(
        pr.PRIZE,
        (
            pattern("ganado", r"\b(?:has|ha|habeis) (?:[\w-]+ ){0,3}ganado\b"),
            pattern(
                "ruleta", r"\b(?:gira|gire|girar) la ruleta\b|\bruleta de la (?:suerte|fortuna)\b"
            ),
            pattern(
                "ganador ganadora",
                r"\b(?:eres|es) (?:nuestr[oa] )?(?:afortunad[oa] )?(?:ganador|ganadora)\b",
            ),
        ),
    ),
)

NEGATION = (
    "sin",
    "nunca",
    "jamas",
    "ningun",
    "ninguna",
    "ninguno",
    "ni",
    "tampoco",
    "en lugar de",
    "en vez de",
)

LANGUAGE = Language(
    code="es",
    name="Spanish",
    phrases=PHRASES,
    negation=NEGATION,
    examples={
        "HO101": ("La oferta termina en 02:14:09", "Oferta válida hasta el 31/03/2027."),
        "HO102": ("¡Solo hoy: 20 % en todo!", "Este precio es permanente."),
        "HO103": ("¡Date prisa, no te lo pierdas!", "Sin prisas: decide cuando quieras."),
        "HO104": (
            "El precio subirá a medianoche.",
            "Desde el 1 de marzo de 2027 el curso cuesta 420 €.",
        ),
        "HO105": ("Tu carrito está reservado durante 10 minutos.", "Tu carrito queda guardado."),
        "HO201": ("¡Solo quedan 2 plazas!", "Cada grupo tiene 12 plazas."),
        "HO202": ("¡Alta demanda: se vende muy rápido!", "Hay un curso cada mes."),
        "HO203": ("¡Hasta agotar existencias!", "Cada pieza se hace por encargo."),
        "HO301": ("14 personas están viendo esta oferta.", "12 personas por grupo."),
        "HO302": ("Carlos de Sevilla acaba de reservar.", "Damos cursos desde 2015."),
        "HO401": ("No, gracias, prefiero pagar más.", "No, gracias"),
        "HO402": ("¡Reserva tu plaza antes de que se agote!", "Reservar plaza"),
        "HO403": ("¡Espera! No te vayas.", "¿Preguntas? Escríbenos."),
        "HO404": ("Te arrepentirás.", "Puedes cancelar cuando quieras."),
        "HO405": (
            "Desmarca esta casilla si no deseas no recibir ofertas.",
            "Recibir el boletín (opcional)",
        ),
        "HO501": ("Antes 120 €, ahora 85 €", "Precio: 85 €"),
        "HO502": ("¡Ahorra un 40 %!", "Precio: 540 € IVA incluido"),
        "HO503": ("¡Enhorabuena, has ganado un descuento!", "Precio: 85 €"),
    },
)
