// The named-engine form of the same routes (Camunda's JavaScript SDK uses /engine/default/...).
export { GET, PUT } from "@/app/engine-rest/user/[id]/profile/route";
