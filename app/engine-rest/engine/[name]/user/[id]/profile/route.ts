// The named-engine form of the same routes (Camunda's JavaScript SDK uses /engine/default/...).
export { GET, PUT } from "@/app/engine-rest/user/[id]/profile/route";
// Route segment config is read from this file itself, not through a re-export.
export const dynamic = "force-dynamic";
