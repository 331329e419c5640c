import type { Confidence } from './benefits';

/**
 * The table of permanent partial disability (tabel persentase cacat) of PP 44/2015's appendix, unchanged by
 * PP 82/2019: the percentage of the body part, which an assessment multiplies by 80 x the wage (anatomical) or, for a
 * loss of function, by the share of function lost as well (functional).
 *
 * Source and confidence: the rows marked S are the figures domain.md cites (eyes, ears, arms from the shoulder); the
 * others are transcribed from secondary reproductions of the appendix and marked NC until someone reads them in the
 * regulation's own text. Staff pick a row on the assessment form, which fills in `percent`; a verifier may still type
 * another figure (the doctor's letter decides), and the breakdown shows the percentage that was used.
 */
export interface BodyPart {
  /** Stable key (the form's value). */
  key: string;
  /** As the appendix names it. */
  id: string;
  en: string;
  percent: number;
  confidence: Confidence;
}

const S = 'S' as const;
const NC = 'NC' as const;

export const BODY_PART_TABLE_SOURCE = 'PP 44/2015 Lampiran (tabel persentase cacat), kept by PP 82/2019';

export const BODY_PARTS: readonly BodyPart[] = [
  { key: 'arm_right_shoulder', id: 'Lengan kanan dari sendi bahu ke bawah', en: 'Right arm from the shoulder', percent: 40, confidence: S },
  { key: 'arm_left_shoulder', id: 'Lengan kiri dari sendi bahu ke bawah', en: 'Left arm from the shoulder', percent: 35, confidence: S },
  {
    key: 'arm_right_elbow',
    id: 'Lengan kanan dari atau dari atas siku ke bawah',
    en: 'Right arm from or above the elbow',
    percent: 35,
    confidence: NC,
  },
  {
    key: 'arm_left_elbow',
    id: 'Lengan kiri dari atau dari atas siku ke bawah',
    en: 'Left arm from or above the elbow',
    percent: 30,
    confidence: NC,
  },
  {
    key: 'hand_right_wrist',
    id: 'Lengan kanan dari atau dari atas pergelangan tangan ke bawah',
    en: 'Right hand from or above the wrist',
    percent: 32,
    confidence: NC,
  },
  {
    key: 'hand_left_wrist',
    id: 'Lengan kiri dari atau dari atas pergelangan tangan ke bawah',
    en: 'Left hand from or above the wrist',
    percent: 28,
    confidence: NC,
  },
  { key: 'legs_both_hip', id: 'Kedua belah kaki dari pangkal paha ke bawah', en: 'Both legs from the hip', percent: 70, confidence: NC },
  { key: 'leg_one_hip', id: 'Sebelah kaki dari pangkal paha ke bawah', en: 'One leg from the hip', percent: 35, confidence: NC },
  { key: 'feet_both_ankle', id: 'Kedua belah kaki dari mata kaki ke bawah', en: 'Both feet from the ankle', percent: 50, confidence: NC },
  { key: 'foot_one_ankle', id: 'Sebelah kaki dari mata kaki ke bawah', en: 'One foot from the ankle', percent: 25, confidence: NC },
  { key: 'eyes_both', id: 'Kedua belah mata', en: 'Both eyes', percent: 70, confidence: S },
  {
    key: 'eye_one',
    id: 'Sebelah mata atau diplopia pada penglihatan dekat',
    en: 'One eye, or double vision at near sight',
    percent: 35,
    confidence: S,
  },
  { key: 'hearing_both', id: 'Pendengaran pada kedua belah telinga', en: 'Hearing in both ears', percent: 40, confidence: S },
  { key: 'hearing_one', id: 'Pendengaran pada sebelah telinga', en: 'Hearing in one ear', percent: 20, confidence: S },
  { key: 'thumb_right', id: 'Ibu jari tangan kanan', en: 'Right thumb', percent: 15, confidence: NC },
  { key: 'thumb_left', id: 'Ibu jari tangan kiri', en: 'Left thumb', percent: 12, confidence: NC },
  { key: 'index_right', id: 'Telunjuk tangan kanan', en: 'Right index finger', percent: 9, confidence: NC },
  { key: 'index_left', id: 'Telunjuk tangan kiri', en: 'Left index finger', percent: 7, confidence: NC },
  {
    key: 'finger_other_right',
    id: 'Salah satu jari lain tangan kanan',
    en: 'Another finger of the right hand',
    percent: 4,
    confidence: NC,
  },
  { key: 'finger_other_left', id: 'Salah satu jari lain tangan kiri', en: 'Another finger of the left hand', percent: 3, confidence: NC },
  {
    key: 'index_joint_right',
    id: 'Ruas pertama dari telunjuk kanan',
    en: 'First joint of the right index finger',
    percent: 4.5,
    confidence: NC,
  },
  {
    key: 'index_joint_left',
    id: 'Ruas pertama dari telunjuk kiri',
    en: 'First joint of the left index finger',
    percent: 3.5,
    confidence: NC,
  },
  {
    key: 'finger_joint_right',
    id: 'Ruas pertama dari jari lain tangan kanan',
    en: 'First joint of another finger of the right hand',
    percent: 2,
    confidence: NC,
  },
  {
    key: 'finger_joint_left',
    id: 'Ruas pertama dari jari lain tangan kiri',
    en: 'First joint of another finger of the left hand',
    percent: 1.5,
    confidence: NC,
  },
  { key: 'big_toe', id: 'Salah satu ibu jari kaki', en: 'A big toe', percent: 5, confidence: NC },
  { key: 'second_toe', id: 'Salah satu jari telunjuk kaki', en: 'A second toe', percent: 3, confidence: NC },
  { key: 'toe_other', id: 'Salah satu jari kaki lainnya', en: 'Another toe', percent: 2, confidence: NC },
  { key: 'smell', id: 'Kehilangan daya penciuman', en: 'Loss of the sense of smell', percent: 10, confidence: NC },
  { key: 'impotence', id: 'Impotensi', en: 'Impotence', percent: 30, confidence: NC },
];

export const bodyPart = (key: string): BodyPart | undefined => BODY_PARTS.find((p) => p.key === key);
