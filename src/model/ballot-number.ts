// Ballot numbers are compared as numbers when they are numbers (SPEC §2.4): "3", "03" and
// "3.0" are one ballot, typed by two clerks with two habits. Anything else is compared as
// the text typed (after white space is tidied).

const ZERO_PADDED = /^0+(?=\d)/;
const WHOLE_WITH_ZERO_DECIMALS = /^(\d+)[.,]0+$/;

/** The form a ballot number is compared and shown in. */
export function ballotKey(text: string): string {
  const t = text.trim();
  const whole = WHOLE_WITH_ZERO_DECIMALS.exec(t);
  const digits = whole === null ? t : (whole[1] as string);
  return /^\d+$/.test(digits) ? digits.replace(ZERO_PADDED, '') : t;
}
