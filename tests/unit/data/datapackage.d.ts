// The official Frictionless JS library ships no types; only what the package test uses is declared.
declare module "datapackage" {
  export interface Resource {
    name: string;
    descriptor: { name: string; path?: string; encoding?: string; profile?: string };
    read(options: { cast: boolean; keyed?: boolean }): Promise<unknown[][]>;
  }
  export class Package {
    static load(descriptor: string, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    valid: boolean;
    errors: Error[];
    resources: Resource[];
  }
}
