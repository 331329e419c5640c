import { namesMatch } from '../../shared/claims/domain/name-match';

describe('namesMatch: the same person written differently', () => {
  it.each([
    ['case, spacing and punctuation', 'siti  AMINAH', 'Siti Aminah'],
    ['a title before the name', 'Sukarno', 'Ir. Sukarno'],
    ['titles before and after, with commas', 'Drs. H. Ahmad Fauzi, M.Si.', 'Ahmad Fauzi'],
    ['a pilgrim title and a degree', 'Hj. Siti Aminah, S.Pd.', 'SITI AMINAH'],
    ['titles written without spaces', 'Drs.H.Ahmad Fauzi', 'Ahmad Fauzi'],
    ['degrees S.Sos., S.E., S.H., S.Kom., Amd.', 'Budi Santoso S.Sos., S.E., S.H., S.Kom., Amd.', 'Budi Santoso'],
    ['Dr. and S.Pd.I', 'Dr. Rina Wijaya, S.Pd.I', 'Rina Wijaya'],
    ['"the late" (Alm.) in a death claim', 'Alm. Budi Santoso', 'Budi Santoso'],
    ['an extra last word on the roster', 'Siti Aminah', 'Siti Aminah Lubis'],
    ['an extra last word on the claim', 'Siti Aminah Lubis', 'Siti Aminah'],
    ['a missing middle word', 'Ahmad Lubis', 'Ahmad Fauzi Lubis'],
    ['a dropped common first word', 'Ahmad Fauzi', 'Fauzi'],
    ['old spelling oe/u', 'Soekarno', 'Sukarno'],
    ['old spelling dj/j', 'Djoko Santoso', 'Joko Santoso'],
    ['old spelling tj/c and j/y', 'Tjahjo Kumolo', 'Cahyo Kumolo'],
    ['old spelling j/y alone', 'Sjahrir', 'Syahrir'],
    ['one typo in a word of 4+ letters', 'Budi Santosa', 'Budi Santoso'],
    ['doubled letters', 'Muhamad Yusuf', 'Muhammad Yusuf'],
    ['an abbreviation of Muhammad', 'Moh. Yusuf', 'Muhammad Yusuf'],
    ['an initial', 'M. Yusuf', 'Muhammad Yusuf'],
    ['a name split in two', 'Siti Nur Aini', 'Siti Nuraini'],
    ['an apostrophe and an accent', "Ma'ruf José", 'Maruf Jose'],
    ['a one-word common name, exactly', 'Nur', 'Nur'],
  ])('%s: "%s" ~ "%s"', (_why, claimed, roster) => {
    expect(namesMatch(claimed, roster)).toBe(true);
    expect(namesMatch(roster, claimed)).toBe(true);
  });
});

describe('namesMatch: different people', () => {
  it.each([
    ['completely different names', 'Ahmad Fauzi', 'Siti Aminah'],
    ['only "Muhammad" in common', 'Muhammad Yusuf', 'Muhammad Rizki'],
    ['only "Siti" in common', 'Siti', 'Siti Aminah'],
    ['only "Nur" in common', 'Nur Hidayat', 'Nur Aini'],
    ['only "Sri" in common', 'Sri Rahayu', 'Sri Wahyuni'],
    ['only Balinese birth-order names in common', 'I Made Sudarsana', 'I Made Wirawan'],
    ['a shared family name, different given names', 'Budi Santoso', 'Andi Santoso'],
    ['different last words on both sides', 'Siti Aminah Lubis', 'Siti Aminah Nasution'],
    ['two extra words', 'Budi', 'Budi Santoso Wijaya'],
    ['two letters apart', 'Ahmad Fauzi', 'Ahmad Fauzan'],
    ['a typo allowance does not apply to words under 4 letters', 'Budi Ani', 'Budi Ana'],
    ['only an initial in common', 'M. Yusuf', 'Muhammad Rizki'],
    ['an empty name', '', 'Budi'],
    ['nothing but a title', 'Dr.', 'Budi'],
  ])('%s: "%s" vs "%s"', (_why, claimed, roster) => {
    expect(namesMatch(claimed, roster)).toBe(false);
    expect(namesMatch(roster, claimed)).toBe(false);
  });
});
