export * from "./people";
export * from "./auth";
export * from "./plan";
export * from "./audit";
export * from "./ideas";
export * from "./training";
export * from "./pipeline";
export * from "./indicators";
