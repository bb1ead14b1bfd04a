/** UCLA-3, the three questions read aloud; each answer 1 (sjældent) to 3 (ofte). The same words as on a visit. */
export const UCLA3_QUESTIONS = ['Hvor ofte føler du, at du mangler nogen at være sammen med?', 'Hvor ofte føler du dig holdt udenfor?', 'Hvor ofte føler du dig isoleret fra andre?'];
export const UCLA3_ANSWERS = ['Sjældent eller aldrig', 'En gang imellem', 'Ofte'];
/** A score of 7 or more reads as signs of loneliness (domain/shared/danish.ts, UCLA3.severeFrom). */
export const LONELY_FROM = 7;

/** The score in words, as the screener reads it to the citizen. */
export function scoreText(answers: number[]): string {
  if (answers.some((a) => a === 0)) return `Besvar alle tre spørgsmål (${answers.filter((a) => a > 0).length} af 3 besvaret).`;
  const score = answers.reduce((sum, a) => sum + a, 0);
  return score >= LONELY_FROM ? `Score ${score} af 9: tegn på ensomhed.` : `Score ${score} af 9: ikke tegn på svær ensomhed.`;
}
