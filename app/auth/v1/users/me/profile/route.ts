import { apiRoute, ifMatch, parseBody, readJson } from "@/lib/http/api";
import { objectDetails, profileMessage, zitadel, zitadelOk } from "@/lib/http/zitadel";
import { zitadelProfileBody } from "@/lib/profile/schema";
import { getProfile, updateProfile } from "@/lib/profile/service";

// Every answer depends on the caller: Next need not watch the handler for what it reads.
export const dynamic = "force-dynamic";

/** ZITADEL auth v1: the caller's own profile. */
export const GET = apiRoute(zitadel, { auth: "bearer" }, async (_request, caller) => {
  const profile = await getProfile(caller, caller.id);
  return zitadelOk({ details: objectDetails(profile), profile: profileMessage(profile) }, profile);
});

export const PUT = apiRoute(zitadel, { auth: "bearer" }, async (request, caller) => {
  const input = parseBody(zitadelProfileBody, await readJson(request));
  const { profile } = await updateProfile(caller, caller.id, input, { via: "ZITADEL_API", ifSequence: ifMatch(request) });
  return zitadelOk({ details: objectDetails(profile) }, profile);
});
