/** The operand type of the rounding core (RULES.md §5): a displayed figure and its rounding radius. */
import { Decimal, halfOfDecimals } from "../decimal";

/** Half a unit of the second decimal (0.005): the radius of a figure printed to the 分 of 万元. */
export const HALF: Decimal = halfOfDecimals(2);

/**
 * The operand type of every comparison: a figure as displayed and the half-width of its rounding interval
 * (a table cell, a figure of the text, or a value derived from them). rules/context.ts `Operand` and
 * narrative/checker.ts `Ref` both are one.
 */
export interface Rounded {
  value: Decimal;
  /** Half-width of the rounding interval (0.005 for a 2-decimal 万元 figure, 0 for an unrounded 元 amount). */
  half: Decimal;
  /** The value in hundredths as a safe integer when known (a table cell's, Amount.units), else null or absent. */
  units?: number | null;
}

/** A figure printed with `dp` decimals, of its own unit (a percentage, a count): half a unit of its last digit. */
export function printed(value: Decimal, dp: number): Rounded {
  return { value, half: halfOfDecimals(dp) };
}

