import { apiRoute, ifMatch, parseBody, readJson } from "@/lib/http/api";
import { objectDetails, profileMessage, zitadel, zitadelOk } from "@/lib/http/zitadel";
import { selectOrganisation } from "@/lib/profile/access";
import { zitadelProfileBody } from "@/lib/profile/schema";
import { getProfile, updateProfile } from "@/lib/profile/service";

// Every answer depends on the caller: Next need not watch the handler for what it reads.
export const dynamic = "force-dynamic";

type Params = { userId: string };

/** ZITADEL management v1: any user of the selected organisation (x-zitadel-orgid, default the caller's). */
export const GET = apiRoute<Params>(zitadel, { auth: "bearer" }, async (request, caller, { userId }) => {
  const orgId = selectOrganisation(caller, request.headers.get("x-zitadel-orgid"));
  const profile = await getProfile(caller, userId, { orgId });
  return zitadelOk({ details: objectDetails(profile), profile: profileMessage(profile) }, profile);
});

export const PUT = apiRoute<Params>(zitadel, { auth: "bearer" }, async (request, caller, { userId }) => {
  const orgId = selectOrganisation(caller, request.headers.get("x-zitadel-orgid"));
  const input = parseBody(zitadelProfileBody, await readJson(request));
  const { profile } = await updateProfile(caller, userId, input, { via: "ZITADEL_API", orgId, ifSequence: ifMatch(request) });
  return zitadelOk({ details: objectDetails(profile) }, profile);
});
