export * from "./enums";
export * from "./accounts";
export * from "./parks";
export * from "./projects";
export * from "./progress";
export * from "./sharing";
export * from "./audit";
export * from "./rollups";
