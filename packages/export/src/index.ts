// The export package: pure functions board -> json, csv, svg, md (to come). Empty so that it type-checks.
export {};
