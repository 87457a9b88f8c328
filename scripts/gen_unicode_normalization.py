#!/usr/bin/env python3
# Generates the tables of `UnicodeNormalization` (NFC, NFD, NFKC, NFKD without Foundation) from
# Python's `unicodedata`, and the conformance vectors its tests compare against.
#
#     python3 scripts/gen_unicode_normalization.py
#
# Output (deterministic: same Python, same bytes; laid out as `swift format` lays it out, so
# running it on them changes nothing):
#   Sources/PipelineCore/Text/UnicodeNormalizationTables.swift
#   Tests/PipelineCoreTests/UnicodeNormalizationVectors.swift
#
# Before writing anything the script runs a Python model of the Swift algorithm on exactly the
# generated tables and checks it against `unicodedata.normalize` for every code point alone, every
# vector and a few hundred thousand random sequences; it stops on the first disagreement.
#
# Table layout (see UnicodeNormalization.swift for the reader):
#   record(cp) = records[stage2[stage1[cp >> SHIFT] << SHIFT | cp & MASK]] for cp < LIMIT, else 0.
#   A record is a UInt64:
#     bits  0-7   canonical combining class
#     bits  8-11  "passes" for NFD, NFC, NFKD, NFKC: the code point is a starter at which the form
#                 can start a new segment and which it copies unchanged (see `passes` below)
#     bits 12-15  quick check YES for NFD, NFC, NFKD, NFKC (UAX #15; MAYBE counts as not YES)
#     bits 16-20  length of the full canonical decomposition (0: none)
#     bits 21-35  its offset in `decompositions`
#     bits 36-40  length of the full compatibility decomposition (0: none)
#     bits 41-55  its offset in `decompositions`
#   Record 0 is the plain code point (class 0, passes and YES for every form, no decomposition),
#   which is what almost all text is made of.
#   decompositions: UInt32 = scalar | combining class << 21, already fully decomposed and in
#   canonical order.
#   compositions: open-addressing hash (linear probing) of the primary composites; an entry is
#   (first << 21 | second) << 21 | composite, 0 = empty; slot = (first << 21 | second) *
#   0x9E3779B97F4A7C15 >> (64 - bits). Hangul syllables are decomposed and composed by arithmetic
#   and are in no table.
import os
import random
import sys
import unicodedata as ud

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
TABLES = os.path.join(ROOT, 'Sources/PipelineCore/Text/UnicodeNormalizationTables.swift')
VECTORS = os.path.join(ROOT, 'Tests/PipelineCoreTests/UnicodeNormalizationVectors.swift')

SBASE, LBASE, VBASE, TBASE = 0xAC00, 0x1100, 0x1161, 0x11A7
LCOUNT, VCOUNT, TCOUNT = 19, 21, 28
NCOUNT = VCOUNT * TCOUNT
SCOUNT = LCOUNT * NCOUNT
FORMS = ['NFD', 'NFC', 'NFKD', 'NFKC']


def is_hangul_syllable(c):
    return SBASE <= c < SBASE + SCOUNT


def ccc(c):
    return ud.combining(chr(c))


def cps(s):
    return [ord(ch) for ch in s]


def norm(form, seq):
    return cps(ud.normalize(form, ''.join(map(chr, seq))))


def is_scalar(c):
    return not (0xD800 <= c <= 0xDFFF)


ALL = [c for c in range(0x110000) if is_scalar(c)]

# ----------------------------------------------------------------------------- properties
canonical = {}  # full canonical decomposition (NFD of the code point alone), when not itself
compat = {}  # full compatibility decomposition (NFKD alone), when not itself
for c in ALL:
    if is_hangul_syllable(c):
        continue
    d = norm('NFD', [c])
    if d != [c]:
        canonical[c] = d
    k = norm('NFKD', [c])
    if k != [c]:
        compat[c] = k

# Primary composites: canonical decomposition (the raw mapping, not recursive) of exactly two code
# points, and not excluded. Exclusions are derived: NFC of the code point alone is not itself.
# (Singletons and non-starter decompositions are excluded the same way and never compose.)
pairs = {}
excluded = []
for c in ALL:
    if is_hangul_syllable(c):
        continue
    raw = ud.decomposition(chr(c))
    if not raw or raw.startswith('<'):
        continue
    parts = [int(x, 16) for x in raw.split()]
    if norm('NFC', [c]) != [c]:
        excluded.append(c)
        continue
    assert len(parts) == 2, (hex(c), raw)
    pairs[(parts[0], parts[1])] = c
# The exclusions by the kinds UAX #15 names (Full_Composition_Exclusion): singletons, non-starter
# decompositions, and the script-specific and post-composition-version ones of
# CompositionExclusions.txt (two code points, a starter first).
exclusion_kinds = {'singleton': 0, 'non-starter': 0, 'listed': 0}
for c in excluded:
    raw = [int(x, 16) for x in ud.decomposition(chr(c)).split()]
    if len(raw) == 1:
        exclusion_kinds['singleton'] += 1
    elif ccc(c) != 0 or ccc(raw[0]) != 0:
        exclusion_kinds['non-starter'] += 1
    else:
        assert len(raw) == 2, hex(c)
        exclusion_kinds['listed'] += 1

second = {s for (_, s) in pairs} | set(range(VBASE, VBASE + VCOUNT)) | set(range(TBASE + 1, TBASE + TCOUNT))


def decomposition(c, compatibility):
    if is_hangul_syllable(c):
        s = c - SBASE
        out = [LBASE + s // NCOUNT, VBASE + (s % NCOUNT) // TCOUNT]
        if s % TCOUNT:
            out.append(TBASE + s % TCOUNT)
        return out
    table = compat if compatibility else canonical
    return table.get(c, [c])


def quick_check_yes(c, form):
    compose = form in ('NFC', 'NFKC')
    if norm(form, [c]) != [c]:
        return False
    return not (compose and c in second)


def passes(c, form):
    """Whether `form` may start a new segment at `c` and copy `c` unchanged: `c` is a starter the
    form keeps, its decomposition starts with a starter, and (for the composing forms) neither `c`
    nor that starter can combine with what precedes. Then normalising X + c + Y gives
    normalise(X) + normalise(c + Y) for any X and Y."""
    if ccc(c) != 0 or norm(form, [c]) != [c]:
        return False
    compose = form in ('NFC', 'NFKC')
    first = decomposition(c, form.startswith('NFK'))[0]
    if ccc(first) != 0:
        return False
    if compose and (c in second or first in second):
        return False
    return True


# ----------------------------------------------------------------------------- decomposition data
decomp_data = []
decomp_offsets = {}


def place(seq):
    key = tuple(seq)
    if key not in decomp_offsets:
        decomp_offsets[key] = len(decomp_data)
        decomp_data.extend(x | ccc(x) << 21 for x in seq)
    return decomp_offsets[key]


def record(c):
    r = ccc(c)
    for i, form in enumerate(FORMS):
        if passes(c, form):
            r |= 1 << (8 + i)
        if quick_check_yes(c, form):
            r |= 1 << (12 + i)
    if c in canonical:
        d = canonical[c]
        assert len(d) < 32
        r |= len(d) << 16 | place(d) << 21
    if c in compat:
        d = compat[c]
        assert len(d) < 32
        r |= len(d) << 36 | place(d) << 41
    return r


PLAIN = 0xFF00  # class 0, passes and YES everywhere, no decomposition
interesting = sorted(set(canonical) | set(compat) | {c for c in ALL if ccc(c)} | second | set(excluded))
# Hangul syllables are not plain for NFD/NFKD; their record is computed once.
records = [PLAIN]
record_index = {PLAIN: 0}
cp_record = {}
hangul_record = record(SBASE)
for s in range(SBASE, SBASE + SCOUNT):
    assert s % 997 or record(s) == hangul_record
for c in interesting + list(range(SBASE, SBASE + SCOUNT)):
    r = hangul_record if is_hangul_syllable(c) else record(c)
    if r == PLAIN:
        continue
    if r not in record_index:
        record_index[r] = len(records)
        records.append(r)
    cp_record[c] = record_index[r]
assert len(decomp_data) < 1 << 15 and len(records) < 1 << 16

# ----------------------------------------------------------------------------- two-stage table
def build_stages(shift):
    size = 1 << shift
    limit = ((max(cp_record) >> shift) + 1) << shift
    blocks = []
    block_index = {}
    stage1 = []
    for b in range(0, limit, size):
        block = tuple(cp_record.get(c, 0) for c in range(b, b + size))
        if block not in block_index:
            block_index[block] = len(blocks)
            blocks.append(block)
        stage1.append(block_index[block])
    stage2 = [x for block in blocks for x in block]
    return limit, stage1, stage2


best = None
for shift in range(4, 10):
    limit, stage1, stage2 = build_stages(shift)
    cost = len(stage1) * (1 if max(stage1) < 256 else 2) + len(stage2) * 2
    if best is None or cost < best[0]:
        best = (cost, shift, limit, stage1, stage2)
_, SHIFT, LIMIT, stage1, stage2 = best
STAGE1_TYPE = 'UInt8' if max(stage1) < 256 else 'UInt16'


def lookup(c):
    if c >= LIMIT:
        return records[0]
    return records[stage2[stage1[c >> SHIFT] << SHIFT | c & ((1 << SHIFT) - 1)]]


# ----------------------------------------------------------------------------- composition hash
MUL = 0x9E3779B97F4A7C15
HASH_BITS = max(8, (len(pairs) * 2 - 1).bit_length())
HASH = [0] * (1 << HASH_BITS)


def slot(key):
    return ((key * MUL) & 0xFFFFFFFFFFFFFFFF) >> (64 - HASH_BITS)


max_probe = 0
for (f, s), comp in sorted(pairs.items()):
    key = f << 21 | s
    i = slot(key)
    probes = 1
    while HASH[i]:
        i = (i + 1) & ((1 << HASH_BITS) - 1)
        probes += 1
    max_probe = max(max_probe, probes)
    HASH[i] = key << 21 | comp


def compose_pair(f, s):
    if LBASE <= f < LBASE + LCOUNT and VBASE <= s < VBASE + VCOUNT:
        return SBASE + ((f - LBASE) * VCOUNT + (s - VBASE)) * TCOUNT
    if is_hangul_syllable(f) and (f - SBASE) % TCOUNT == 0 and TBASE < s < TBASE + TCOUNT:
        return f + (s - TBASE)
    key = f << 21 | s
    i = slot(key)
    while HASH[i]:
        if HASH[i] >> 21 == key:
            return HASH[i] & 0x1FFFFF
        i = (i + 1) & ((1 << HASH_BITS) - 1)
    return None


# ----------------------------------------------------------------------------- model of the Swift code
def model(seq, form):
    bit = FORMS.index(form)
    compatibility = form.startswith('NFK')
    composing = form in ('NFC', 'NFKC')
    out = []
    i = 0
    n = len(seq)
    while i < n:
        if lookup(seq[i]) >> (8 + bit) & 1:
            out.append(seq[i])
            i += 1
            continue
        # Segment: the preceding passing code point (already in `out`), this one, and every
        # following one up to the next that passes.
        start = i - 1 if i > 0 and lookup(seq[i - 1]) >> (8 + bit) & 1 else i
        if start < i:
            out.pop()
        j = i + 1
        while j < n and not (lookup(seq[j]) >> (8 + bit) & 1):
            j += 1
        buf = []
        for c in seq[start:j]:
            r = lookup(c)
            if is_hangul_syllable(c):
                buf.extend((x, 0) for x in decomposition(c, False))
                continue
            length = (r >> 36 & 31) if compatibility else 0
            offset = (r >> 41 & 0x7FFF) if compatibility else 0
            if length == 0:
                length, offset = r >> 16 & 31, r >> 21 & 0x7FFF
            if length == 0:
                buf.append((c, r & 0xFF))
            else:
                buf.extend((x & 0x1FFFFF, x >> 21) for x in decomp_data[offset:offset + length])
        # canonical ordering: stable insertion sort of each run of non-starters
        for k in range(1, len(buf)):
            x = buf[k]
            if x[1] == 0:
                continue
            m = k
            while m > 0 and buf[m - 1][1] > x[1]:
                buf[m] = buf[m - 1]
                m -= 1
            buf[m] = x
        if composing and buf:
            res = []
            starter = -1
            last = 0
            for c, cc in buf:
                # not blocked: adjacent to the starter, or every mark between has a lower class
                if starter >= 0 and (last == 0 or last < cc):
                    comp = compose_pair(res[starter][0], c)
                    if comp is not None:
                        res[starter] = (comp, 0)
                        continue
                if cc == 0:
                    starter = len(res)
                    last = 0
                else:
                    last = cc
                res.append((c, cc))
            buf = res
        out.extend(c for c, _ in buf)
        i = j
    return out


def check(seq):
    for form in FORMS:
        expected = norm(form, seq)
        got = model(seq, form)
        if got != expected:
            sys.exit('model disagrees on %s %s: %s != %s' % (
                form, ' '.join('%04X' % c for c in seq), ' '.join('%04X' % c for c in got),
                ' '.join('%04X' % c for c in expected)))


# ----------------------------------------------------------------------------- vectors
vectors = []
seen = set()


def vector(seq):
    key = tuple(seq)
    if key not in seen:
        seen.add(key)
        vectors.append(seq)


marks = sorted(c for c in ALL if ccc(c))
firsts_by_second = {}
for (f, s), comp in sorted(pairs.items()):
    firsts_by_second.setdefault(s, f)
hangul_sample = [s for s in range(SBASE, SBASE + SCOUNT) if s % 211 == 0 or s in (SBASE, SBASE + SCOUNT - 1)]

# every code point that has a decomposition, a combining class, composes or is excluded, alone
for c in interesting:
    if not is_hangul_syllable(c):
        vector([c])
for s in hangul_sample:
    vector([s])
# every combining mark after a base, with a second mark before and after it (reordering,
# blocking), and after a base it composes with
for m in marks:
    vector([0x61, m, 0x0316])
    vector([0x45, 0x0301, m])
    if m in firsts_by_second:
        vector([firsts_by_second[m], 0x0334, m])
# every primary composite: the pair, the pair with a low-class mark between (composes unless the
# second is a starter), the pair decomposed further, and the composite followed by a mark
for (f, s), comp in sorted(pairs.items()):
    vector([f, s])
    vector([f, 0x0334, s])
    vector(decomposition(f, False) + [s] if f in canonical else [f, s, 0x0301])
    vector([comp, 0x0323])
# Hangul: L V, L V T, LV T, LVT T, LV + non-T, jamo with marks
for li in range(LCOUNT):
    vector([LBASE + li, VBASE + li % VCOUNT])
    vector([LBASE + li, VBASE + (li * 5) % VCOUNT, TBASE + 1 + (li * 7) % (TCOUNT - 1)])
for s in hangul_sample:
    vector([s, TBASE + 1 + s % (TCOUNT - 1)])
    vector([s, 0x0301, TBASE + 1])
    vector([s, TBASE])  # U+11A7 is not a trailing consonant for composition
# random sequences from a mix of interesting and plain code points (fixed seed)
rng = random.Random(15)
pool = interesting + hangul_sample + [0x61, 0x20, 0x41A, 0x4D9, 0x3B1, 0x4E2D, 0x1F600, 0x1100, 0x1161, 0x11A8]
for _ in range(1500):
    vector([rng.choice(pool) for _ in range(rng.randint(2, 6))])

# ----------------------------------------------------------------------------- self-check
for c in ALL:
    check([c])
for v in vectors:
    check(v)
for _ in range(200000):
    check([rng.choice(pool) for _ in range(rng.randint(1, 8))])

# ----------------------------------------------------------------------------- output
HEADER = ('// Generated by scripts/gen_unicode_normalization.py from Python %s `unicodedata` '
          '(Unicode %s).\n// Do not edit by hand.\n' % (sys.version.split()[0], ud.unidata_version))


def wrap(nums, fmt, width=120):
    """The items, comma-separated, filled into lines of at most `width` columns (as swift format
    lays them out)."""
    lines = []
    line = ' '
    for item in (fmt(n) + ',' for n in nums):
        if len(line) + 1 + len(item) > width:
            lines.append(line)
            line = ' '
        line += ' ' + item
    lines.append(line)
    return '\n'.join(lines)


def hexa(x):
    """`x` as a Swift hexadecimal literal, grouped by four digits from eight digits on (as swift
    format writes it)."""
    digits = '%X' % x
    if len(digits) >= 8:
        groups = []
        while digits:
            groups.insert(0, digits[-4:])
            digits = digits[:-4]
        digits = '_'.join(groups)
    return '0x' + digits


def array(name, doc, typ, nums, fmt):
    return '%s\nlet %s: [%s] = [\n%s\n]\n' % (doc, name, typ, wrap(nums, fmt))


parts = [HEADER]
parts.append('''
/// The Unicode version of the tables.
let unicodeNormalizationUnicodeVersion = "%s"

/// Code points at or above this are plain (record 0).
let unicodeNormalizationLimit: UInt32 = 0x%X

/// Low bits of a code point that index inside a block of `unicodeNormalizationStage2`.
let unicodeNormalizationShift: UInt32 = %d

/// Bits of the composition hash slot.
let unicodeNormalizationHashBits: UInt64 = %d
''' % (ud.unidata_version, LIMIT, SHIFT, HASH_BITS))
parts.append(array('unicodeNormalizationStage1', '\n/// Block of each run of 2^shift code points below the limit.',
                   STAGE1_TYPE, stage1, str))
parts.append(array('unicodeNormalizationStage2', '\n/// Record index of each code point, block by block.',
                   'UInt16', stage2, str))
parts.append(array('unicodeNormalizationRecords',
                   '\n/// Records: combining class, passes and quick-check bits, decomposition offsets.',
                   'UInt64', records, hexa))
parts.append(array('unicodeNormalizationDecompositions',
                   '\n/// Full decompositions: scalar | combining class << 21.', 'UInt32', decomp_data,
                   hexa))
parts.append(array('unicodeNormalizationCompositions',
                   '\n/// Primary composites: (first << 21 | second) << 21 | composite by hash slot, 0 = empty.',
                   'UInt64', HASH, hexa))
with open(TABLES, 'w') as f:
    f.write(''.join(parts))


def hexseq(seq):
    return ' '.join('%X' % c for c in seq)


lines = []
for v in vectors:
    nfc, nfd, nfkc, nfkd = (norm(f, v) for f in ('NFC', 'NFD', 'NFKC', 'NFKD'))
    lines.append(';'.join([
        hexseq(v),
        '' if nfc == v else hexseq(nfc),
        '' if nfd == v else hexseq(nfd),
        '' if nfkc == nfc else hexseq(nfkc),
        '' if nfkd == nfd else hexseq(nfkd),
    ]))
with open(VECTORS, 'w') as f:
    f.write(HEADER)
    f.write('''
/// Conformance vectors, one a line: `source;NFC;NFD;NFKC;NFKD`, each a sequence of hexadecimal code
/// points. An empty NFC or NFD field means "same as the source"; an empty NFKC field means "same as
/// NFC" and an empty NFKD field "same as NFD".
let unicodeNormalizationVectors = """
''')
    f.write('\n'.join('  ' + line for line in lines))
    f.write('\n  """\n')

print('Unicode %s: %d records, %d decomposition scalars, stage1 %d x %s, stage2 %d x UInt16 (shift %d, '
      'limit 0x%X), %d composition pairs in %d slots (longest probe %d), %d exclusions %s, %d vectors' % (
          ud.unidata_version, len(records), len(decomp_data), len(stage1), STAGE1_TYPE, len(stage2), SHIFT,
          LIMIT, len(pairs), len(HASH), max_probe, len(excluded), exclusion_kinds, len(vectors)), file=sys.stderr)
