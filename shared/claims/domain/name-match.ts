/**
 * Does the name on a claim plausibly name the roster's member? A loose match: a mismatch only flags the claim for
 * a supervisor (NAME_MISMATCH), so it should pass the ways one person's name is really written and catch a
 * different person.
 *
 * Tolerated: case, spacing and punctuation; titles before or after the name (H., Hj., Drs., Ir., S.Pd., M.Si., Alm.);
 * one missing or extra word ("Siti Aminah" / "Siti Aminah Lubis"); a name split or joined ("Nur Aini" / "Nuraini");
 * the pre-1972 spelling (oe/u, dj/j, tj/c, j/y: "Soekarno" / "Sukarno", "Djoko" / "Joko", "Tjahjo" / "Cahyo");
 * doubled letters ("Muhamad" / "Muhammad"); one typo per word of 4+ letters; an initial for a word ("M. Yusuf").
 * Not a match: different names, or names that share only a very common word ("Muhammad", "Siti", "Nur") or initials.
 */

/** Titles compared without dots and case: "S.Pd." -> "spd". Religious, academic, professional, and forms of address. */
const TITLES = new Set([
  // religious and address; "alm"/"almh" (almarhum/ah, the late) is usual in a death claim; "hm" is "H.M." (Haji Muhammad)
  'h',
  'hj',
  'hm',
  'haji',
  'hajah',
  'hajjah',
  'kh',
  'ust',
  'ustadz',
  'alm',
  'almh',
  'almarhum',
  'almarhumah',
  'bpk',
  'bapak',
  'ibu',
  'sdr',
  'sdri',
  'tn',
  'ny',
  'nn',
  // before the name
  'dr',
  'drs',
  'dra',
  'drh',
  'drg',
  'ir',
  'prof',
  'apt',
  'ns',
  'ners',
  // after the name (written with or without dots: S.Pd.I, A.Md.Keb)
  'spd',
  'spdi',
  'ssos',
  'se',
  'sei',
  'sh',
  'shi',
  'skom',
  'sikom',
  'sag',
  'sip',
  'ssi',
  'st',
  'str',
  'sp',
  'spt',
  'stp',
  'skm',
  'skep',
  'sked',
  'skg',
  'sfarm',
  'sth',
  'shut',
  'shum',
  'sak',
  'sds',
  'ssn',
  'spsi',
  'sgz',
  'sstp',
  'sst',
  'msi',
  'mpd',
  'mm',
  'mh',
  'mhum',
  'mkes',
  'mkom',
  'mag',
  'mak',
  'mt',
  'msc',
  'mba',
  'mpsi',
  'mkn',
  'phd',
  'bsc',
  'amd',
  'amdkeb',
  'amdkep',
  'amdpd',
  'amdkom',
  'amdak',
  'amdfarm',
  'amk',
]);

/** Words too common to identify anyone alone: given-name prefixes and Balinese birth-order names. */
const COMMON_WORDS = [
  'muhammad',
  'ahmad',
  'abdul',
  'siti',
  'nur',
  'nurul',
  'sri',
  'dwi',
  'tri',
  'eka',
  'i',
  'ni',
  'luh',
  'putu',
  'made',
  'kadek',
  'nyoman',
  'komang',
  'ketut',
  'wayan',
  'gede',
];

/** Abbreviations of Muhammad written on ID cards and rosters. */
const MUHAMMAD = new Set(['moh', 'muh', 'mhd', 'moch', 'mohd', 'much', 'mochamad', 'mochammad', 'muchammad']);

/** The post-1972 spelling (EYD) of an old-spelling word; also folds doubled letters. A no-op on most modern words. */
const modernSpelling = (word: string): string =>
  word
    .replace(/dj/g, 'J') // placeholder: old dj is the modern j, which must not become y below
    .replace(/tj/g, 'c')
    .replace(/oe/g, 'u')
    .replace(/j/g, 'y')
    .replace(/J/g, 'j')
    .replace(/(.)\1+/g, '$1');

const COMMON = new Set(COMMON_WORDS.map(modernSpelling));

const isTitle = (raw: string): boolean => TITLES.has(raw.replace(/\./g, ''));

/**
 * The words of a name: lower-case ASCII letters, without titles. A dotted piece is a title as a whole ("s.pd.") or
 * title by title when written without spaces ("drs.h.ahmad").
 */
const words = (name: string): string[] =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[\s,;/()]+/)
    .filter((piece) => piece !== '' && !isTitle(piece))
    .flatMap((piece) => piece.split('.').filter((part) => !isTitle(part)))
    .flatMap((part) => part.split(/[^a-z]+/))
    .filter((w) => w !== '')
    .map((w) => (MUHAMMAD.has(w) ? 'muhammad' : w));

const levenshtein = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
};

const spellings = (w: string): string[] => [w, modernSpelling(w)];

/** Equal as written or in the modern spelling of either ("djoko" = "joko", and "joko" may be old for "yoko"). */
const sameSpelling = (a: string, b: string): boolean => spellings(a).some((x) => spellings(b).includes(x));

/** One word against another: the same spelling, or one typo apart when both have 4+ letters. */
const sameWord = (a: string, b: string): boolean => {
  if (sameSpelling(a, b)) return true;
  if (Math.min(a.length, b.length) < 4) return false;
  return spellings(a).some((x) => spellings(b).some((y) => levenshtein(x, y) <= 1));
};

const isInitial = (w: string) => w.length === 1;
const isWeak = (w: string) => isInitial(w) || COMMON.has(modernSpelling(w));

interface Alignment {
  /** Words of each name consumed by matches. */
  matchedA: number;
  matchedB: number;
  /** Matches on a word that identifies someone (not a common word, not an initial). */
  strong: number;
  /** Words left over on each side that are not common words or initials (a dropped "Muhammad" is no difference). */
  extraA: number;
  extraB: number;
}

const better = (x: Alignment, y: Alignment): Alignment => {
  const score = (s: Alignment) => [s.strong, s.matchedA + s.matchedB, -(s.extraA + s.extraB)];
  const [sx, sy] = [score(x), score(y)];
  for (let i = 0; i < sx.length; i += 1) if (sx[i]! !== sy[i]!) return sx[i]! > sy[i]! ? x : y;
  return x;
};

/**
 * The best in-order alignment of two word lists (they are short, so a memoised search is cheap). A word may match
 * one word, or two adjacent words of the other name joined ("nuraini" ~ "nur aini"); an initial matches a word with
 * its letter.
 */
const align = (a: string[], b: string[]): Alignment => {
  const memo = new Map<number, Alignment>();
  const go = (i: number, j: number): Alignment => {
    const key = i * 64 + j;
    const cached = memo.get(key);
    if (cached) return cached;
    let best: Alignment;
    if (i === a.length || j === b.length) {
      const restA = a.slice(i).filter((w) => !isWeak(w)).length;
      const restB = b.slice(j).filter((w) => !isWeak(w)).length;
      best = { matchedA: 0, matchedB: 0, strong: 0, extraA: restA, extraB: restB };
    } else {
      const wa = a[i]!;
      const wb = b[j]!;
      const skipA = go(i + 1, j);
      const skipB = go(i, j + 1);
      best = better({ ...skipA, extraA: skipA.extraA + (isWeak(wa) ? 0 : 1) }, { ...skipB, extraB: skipB.extraB + (isWeak(wb) ? 0 : 1) });
      // A match is weak when either side is a common word or an initial ("ahmad" ~ "ahmadi" identifies no one).
      const take = (da: number, db: number, left: string, right: string) => {
        const rest = go(i + da, j + db);
        const strong = isWeak(left) || isWeak(right) ? 0 : 1;
        best = better(best, { ...rest, matchedA: rest.matchedA + da, matchedB: rest.matchedB + db, strong: rest.strong + strong });
      };
      if (isInitial(wa) || isInitial(wb) ? wa[0] === wb[0] : sameWord(wa, wb)) take(1, 1, wa, wb);
      const nextA = a[i + 1];
      const nextB = b[j + 1];
      if (nextA !== undefined && sameWord(wa + nextA, wb)) take(2, 1, wa + nextA, wb);
      if (nextB !== undefined && sameWord(wa, wb + nextB)) take(1, 2, wa, wb + nextB);
    }
    memo.set(key, best);
    return best;
  };
  return go(0, 0);
};

/** True when `claimed` (typed by the family) and `roster` (the sponsor's roster) plausibly name the same person. */
export const namesMatch = (claimed: string, roster: string): boolean => {
  const a = words(claimed);
  const b = words(roster);
  if (a.length === 0 || b.length === 0) return false;
  // The same letters however spaced ("Nur Aini" / "Nuraini"), in either spelling: even a one-word common name names its person.
  if (sameSpelling(a.join(''), b.join(''))) return true;
  const best = align(a, b);
  // Something that identifies the person matched, and at most one identifying word is extra, on one side only.
  return best.strong >= 1 && Math.min(best.extraA, best.extraB) === 0 && Math.max(best.extraA, best.extraB) <= 1;
};
