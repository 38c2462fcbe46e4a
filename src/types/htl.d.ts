// Type declarations for htl (Hypertext Literal), which ships none. Pages import it as npm:htl.
declare module "npm:htl" {
  export function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement | Text | DocumentFragment;
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): SVGElement | DocumentFragment;
}
declare module "htl" {
  export * from "npm:htl";
}
