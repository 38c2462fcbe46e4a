/**
 * The market mix model's data and result types, shared by the fit, the bootstrap, the outputs,
 * the diagnostics and the budget optimiser. Everything here is plain data (arrays, numbers,
 * strings) so a fit can be written to JSON by a loader and read back by a page.
 */
import type {SaturationKind} from "./saturation.js";

/** One paid media lever: its weekly spend (same currency as sales). */
export interface MediaLever {
  name: string;
  spend: ArrayLike<number>;
}

/** A variable with a linear effect: price or discount, promotion weeks, holidays, a market index. */
export interface ControlVariable {
  name: string;
  values: ArrayLike<number>;
}

/** Weekly data for one market mix model. All arrays have one value per week, oldest first. */
export interface MediaMixData {
  /** ISO date (YYYY-MM-DD) of each week's first day; drives the yearly seasonality. */
  dates: string[];
  sales: ArrayLike<number>;
  media: MediaLever[];
  controls: ControlVariable[];
}

/** The response of one lever: adstock decay, saturation and coefficient (sales at full saturation). */
export interface LeverResponse {
  name: string;
  /** Geometric adstock decay θ (weekly retention of pressure), in [0, 1). */
  decay: number;
  /** Weekly pressure (≈ steady-state weekly spend) at which the lever reaches half its maximum effect. */
  halfSaturation: number;
  /** Hill shape S (1 for the logistic). */
  shape: number;
  /** Weekly sales at full saturation. */
  beta: number;
  saturation: SaturationKind;
}

/** A numeric estimate with a percentile interval from the bootstrap draws. */
export interface Estimate {
  estimate: number;
  lower: number;
  upper: number;
  /** Bootstrap standard deviation. */
  sd: number;
}
