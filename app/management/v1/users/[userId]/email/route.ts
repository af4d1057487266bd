import { apiRoute, ifMatch, parseBody, readJson } from "@/lib/http/api";
import { emailMessage, objectDetails, zitadel, zitadelOk } from "@/lib/http/zitadel";
import { selectOrganisation } from "@/lib/profile/access";
import { zitadelManagementEmailBody } from "@/lib/profile/schema";
import { getProfile, updateProfile } from "@/lib/profile/service";

// Every answer depends on the caller: Next need not watch the handler for what it reads.
export const dynamic = "force-dynamic";

type Params = { userId: string };

/** ZITADEL management v1: a user's email address and whether it is verified. */
export const GET = apiRoute<Params>(zitadel, { auth: "bearer" }, async (request, caller, { userId }) => {
  const orgId = selectOrganisation(caller, request.headers.get("x-zitadel-orgid"));
  const profile = await getProfile(caller, userId, { orgId });
  return zitadelOk({ details: objectDetails(profile), email: emailMessage(profile) }, profile);
});

/** Another user's address changes at once (verified if isEmailVerified, else a link goes to it); one's own is pending. */
export const PUT = apiRoute<Params>(zitadel, { auth: "bearer" }, async (request, caller, { userId }) => {
  const orgId = selectOrganisation(caller, request.headers.get("x-zitadel-orgid"));
  const { email, isEmailVerified } = parseBody(zitadelManagementEmailBody, await readJson(request));
  const { profile } = await updateProfile(caller, userId, { email }, { via: "ZITADEL_API", orgId, ifSequence: ifMatch(request), emailVerified: isEmailVerified });
  return zitadelOk({ details: objectDetails(profile) }, profile);
});
