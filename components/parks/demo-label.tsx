import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";

/** Marks the demonstration park wherever its figures show: they are generated, not sourced. */
export function DemoParkLabel({ isDemo, t }: { isDemo: boolean; t: Translate }) {
  if (!isDemo) return null;
  return (
    <Badge tone="progress" data-demo-park title={t("demo.explain")}>
      {t("demo.label")}
    </Badge>
  );
}
