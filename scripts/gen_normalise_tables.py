# How the generated tables of `normalise` are made (Sources/Stages/Normalise/CodePageTables.swift,
# MojibakeCategoryTable.swift, HTMLEntityTable.swift, NormalizationTables.swift): this Python
# script, run with Python 3.11 and ftfy 6.3.1 (Apache-2.0) importable, then `swift format
# --in-place` on its output. Kept so the tables can be regenerated
# (for example for a newer Unicode version) and checked.
#
#     python3 scripts/gen_normalise_tables.py Sources/Stages/Normalise
# Generates the data tables of the normalise stage (run with ftfy 6.3.1 importable for the
# mojibake categories). Output: Swift sources under Sources/Stages/Normalise/.
import sys, unicodedata, html.entities, codecs
sys.path.insert(0, 'PATH-TO-FTFY')
from ftfy.badness import MOJIBAKE_CATEGORIES as MC
from ftfy.chardata import UTF8_CLUES
import re
OUT = sys.argv[1]

def expand(spec):
    """Expand a regex character-class body (ranges like a-z) into code points."""
    out = set(); i = 0
    while i < len(spec):
        c = spec[i]
        if i + 2 < len(spec) and spec[i+1] == '-':
            out.update(range(ord(c), ord(spec[i+2]) + 1)); i += 3
        else:
            out.add(ord(c)); i += 1
    return out

HEADER = "// Generated from Python %s (Unicode %s)%s. Do not edit by hand.\n"

def wrap(nums, fmt, per=10, indent="    "):
    items = [fmt(n) for n in nums]
    lines = []
    for k in range(0, len(items), per):
        lines.append(indent + ", ".join(items[k:k+per]) + ",")
    return "\n".join(lines)

# ---------------------------------------------------------------- code pages
pages = [("latin1", "latin-1", False), ("windows1252", "cp1252", True), ("windows1251", "cp1251", True),
         ("windows1250", "cp1250", True), ("windows1253", "cp1253", True), ("windows1254", "cp1254", True),
         ("windows1257", "cp1257", True), ("latin2", "iso8859-2", False), ("macRoman", "mac_roman", False),
         ("cp437", "cp437", False)]
rows = []
for name, codec, sloppy in pages:
    high = []
    for b in range(0x80, 0x100):
        try:
            ch = bytes([b]).decode(codec)
        except UnicodeDecodeError:
            ch = bytes([b]).decode('latin-1')
        assert len(ch) == 1
        high.append(ord(ch))
    for b in range(0x80):
        assert bytes([b]).decode(codec) == chr(b), (codec, b)
    rows.append((name, codec, sloppy, high))
s = HEADER % (sys.version.split()[0], unicodedata.unidata_version, "'s codecs (ftfy's \"sloppy\" variants: unassigned bytes stand for themselves)")
s += "\n/// The code points that bytes 0x80...0xFF decode to, per ``CodePage`` (in declaration order).\n"
s += "let codePageHighHalves: [[UInt16]] = [\n"
for name, codec, sloppy, high in rows:
    s += "  // %s (%s%s)\n  [\n" % (name, "sloppy " if sloppy else "", codec)
    s += wrap(high, lambda n: "0x%04X" % n, 12) + "\n  ],\n"
s += "]\n"
open(OUT + "/CodePageTables.swift", "w").write(s)

# ---------------------------------------------------------------- mojibake categories
bits = ["common", "c1", "bad", "law", "currency", "startPunctuation", "endPunctuation", "numeric", "kaomoji",
        "upperAccented", "lowerAccented", "upperCommon", "lowerCommon", "box"]
extra = ["asciiLetter", "asciiLower", "space", "sentencePunctuation", "first2", "first3", "first4",
         "continuation", "continuationStrict", "asciiWord"]
allbits = bits + extra
masks = {}
def add(cp, bit):
    masks[cp] = masks.get(cp, 0) | (1 << allbits.index(bit))
pykeys = {"startPunctuation": "start_punctuation", "endPunctuation": "end_punctuation",
          "upperAccented": "upper_accented", "lowerAccented": "lower_accented",
          "upperCommon": "upper_common", "lowerCommon": "lower_common"}
for b in bits:
    for cp in expand(MC[pykeys.get(b, b)]):
        add(cp, b)
for cp in range(0x110000):
    if 0xD800 <= cp <= 0xDFFF: continue
    if chr(cp).isspace(): add(cp, "space")
for c in "abcdefghijklmnopqrstuvwxyz":
    add(ord(c), "asciiLetter"); add(ord(c), "asciiLower"); add(ord(c.upper()), "asciiLetter")
for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_":
    add(ord(c), "asciiWord")
for c in ".,?!":
    add(ord(c), "sentencePunctuation")
for key, bit in [("utf8_first_of_2", "first2"), ("utf8_first_of_3", "first3"), ("utf8_first_of_4", "first4"),
                 ("utf8_continuation", "continuation"), ("utf8_continuation_strict", "continuationStrict")]:
    for cp in expand(UTF8_CLUES[key]):
        add(cp, bit)
pairs = sorted(masks.items())
assert max(cp for cp, _ in pairs if cp not in (0x3000, 0xF8FF, 0xFFFD, 0xFB01, 0xFB02)) < 0x2600, [hex(cp) for cp,_ in pairs if cp >= 0x2600]
s = HEADER % (sys.version.split()[0], unicodedata.unidata_version,
              " and ftfy 6.3.1 (Apache-2.0): `badness.MOJIBAKE_CATEGORIES`, `chardata.UTF8_CLUES`, Python's `\\s`")
s += "\n/// Category bits of ``MojibakeCategory``, by code point: pairs of (code point, bits).\n"
s += "let mojibakeCategoryPairs: [UInt32] = [\n" + wrap([x for p in pairs for x in p], lambda n: "0x%X" % n, 12, "  ") + "\n]\n"
open(OUT + "/MojibakeCategoryTable.swift", "w").write(s)
print("mojibake bits:", allbits, len(pairs))

# ---------------------------------------------------------------- html entities (ftfy's rules)
ents = {}
for name, char in html.entities.html5.items():
    if name.endswith(";"):
        ents[name[:-1]] = char
        if name == name.lower():
            up = name.upper()
            if html.unescape("&" + up) == "&" + up:
                ents[up[:-1]] = char.upper()
lines = []
for name in sorted(ents):
    lines.append(name + " " + " ".join("%X" % ord(c) for c in ents[name]))
s = HEADER % (sys.version.split()[0], unicodedata.unidata_version,
              "'s `html.entities.html5` (names ending in `;`), plus the all-caps forms ftfy 6.3.1 decodes")
s += "\n/// One entity a line: the name (without `&` and `;`), then the code points in hex.\n"
s += "let htmlEntityTableText = \"\"\"\n" + "\n".join(lines) + "\n\"\"\"\n"
open(OUT + "/HTMLEntityTable.swift", "w").write(s)
print("entities:", len(ents))

# ---------------------------------------------------------------- normalisation quick checks
second = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))
for cp in range(0x110000):
    if 0xD800 <= cp <= 0xDFFF: continue
    d = unicodedata.decomposition(chr(cp))
    if d and not d.startswith("<"):
        parts = d.split()
        if len(parts) == 2: second.add(int(parts[1], 16))
def ranges(pred):
    out = []; start = None
    for cp in range(0x110001):
        ok = cp <= 0x10FFFF and not (0xD800 <= cp <= 0xDFFF) and pred(cp)
        if ok and start is None: start = cp
        if not ok and start is not None:
            out.append((start, cp - 1)); start = None
    return out
def sensitive(form):
    def f(cp):
        c = chr(cp)
        return unicodedata.combining(c) != 0 or cp in second or unicodedata.normalize(form, c) != c
    return f
nfc = ranges(sensitive("NFC")); nfkc = ranges(sensitive("NFKC"))
s = HEADER % (sys.version.split()[0], unicodedata.unidata_version, "'s `unicodedata`")
s += "\n/// Code point ranges (first, last, first, last, ...) that may change under NFC: combining marks,\n"
s += "/// characters that compose with a preceding one, and characters NFC replaces.\n"
s += "let nfcSensitiveRanges: [UInt32] = [\n" + wrap([x for r in nfc for x in r], lambda n: "0x%X" % n, 12, "  ") + "\n]\n"
s += "\n/// The same for NFKC (adds compatibility characters: ligatures, full-width forms, superscripts...).\n"
s += "let nfkcSensitiveRanges: [UInt32] = [\n" + wrap([x for r in nfkc for x in r], lambda n: "0x%X" % n, 12, "  ") + "\n]\n"
open(OUT + "/NormalizationTables.swift", "w").write(s)
print("nfc ranges", len(nfc), "nfkc ranges", len(nfkc))
