// What must render on the Alyce clients-and-gifts page (see ../pages.ts).
import type {PageExpectation} from "../pages.js";

export const CLIENT_EXPECTATIONS: PageExpectation[] = [];
