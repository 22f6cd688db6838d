import type { ComponentProps } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "info" | "progress" | "good" | "bad";

/** A small status pill. Its look is the `badge` classes in globals.css: pages with dozens of them stay light. */
export function Badge({ tone = "neutral", className, ...props }: ComponentProps<"span"> & { tone?: BadgeTone }) {
  return <span className={cn("badge", `badge-${tone}`, className)} {...props} />;
}
