/** The pipeline's byte decoder is shared with the browser and lives in src/lib (scripts may import src/lib). */
export * from "../../src/lib/decode.ts";
