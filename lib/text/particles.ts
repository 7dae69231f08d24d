// Korean particles follow the sound the noun ends in: 을/이 after a final consonant (받침),
// 를/가 after a vowel. "을(를)" is what software writes when it does not know; people do not.

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
// Digits read aloud in Korean: 0 영, 1 일, 2 이, 3 삼, 4 사, 5 오, 6 육, 7 칠, 8 팔, 9 구.
const DIGIT_HAS_FINAL = [true, true, false, true, false, false, true, true, true, false];

/** Whether the noun's last sound has a final consonant; other characters count as none. */
export function endsWithFinalConsonant(noun: string): boolean {
  const last = noun
    .trim()
    .replace(/[\s)\]}"'」』.,!?]+$/u, "")
    .at(-1);
  if (!last) return false;
  const code = last.charCodeAt(0);
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) return (code - HANGUL_FIRST) % 28 !== 0;
  if (/[0-9]/.test(last)) return DIGIT_HAS_FINAL[Number(last)]!;
  // Latin letters as read in Korean: L 엘, M 엠, N 엔, R 알 end in a consonant; "P" (피) does not.
  return /[lmnr]/i.test(last);
}

/** The noun with its object particle: "이모티콘 팩을", "아메리카노 쿠폰을", "영화 관람권을", "커피를". */
export function withObjectParticle(noun: string): string {
  return `${noun}${endsWithFinalConsonant(noun) ? "을" : "를"}`;
}

/** The noun with its subject particle: "포인트가", "관람권이". */
export function withSubjectParticle(noun: string): string {
  return `${noun}${endsWithFinalConsonant(noun) ? "이" : "가"}`;
}
