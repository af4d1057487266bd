import { sentence } from "@/lib/i18n/sentence";
import { apiRoute, ifMatch, parseBody, readJson, type RouteOptions } from "@/lib/http/api";
import { camunda, camundaOk } from "@/lib/http/camunda";
import { ProfileError } from "@/lib/profile/errors";
import { camundaProfileBody } from "@/lib/profile/schema";
import { getProfile, updateProfile } from "@/lib/profile/service";

// Every answer depends on the caller: Next need not watch the handler for what it reads.
export const dynamic = "force-dynamic";

type Params = { id: string; name?: string };
const options: RouteOptions<Params> = { auth: "basic", subject: (params) => params.id };

/** Camunda serves every route under /engine-rest/engine/{name}/ too; only the default engine exists here. */
function checkEngine(params: Params) {
  if (params.name !== undefined && params.name !== "default") {
    throw new ProfileError("NOT_FOUND", sentence("noProcessEngine", { name: params.name }));
  }
}

/** Camunda 7: a user's profile; the user id is the username. */
export const GET = apiRoute(camunda, options, async (_request, caller, params) => {
  checkEngine(params);
  return camundaOk(await getProfile(caller, { username: params.id }));
});

export const PUT = apiRoute(camunda, options, async (request, caller, params) => {
  checkEngine(params);
  const { id, ...input } = parseBody(camundaProfileBody, await readJson(request));
  // Camunda silently takes the path id; a body naming another user is more likely a bug: refuse it.
  if (id !== undefined && id !== params.id) {
    throw new ProfileError("BAD_REQUEST", sentence("idMismatch", { id, pathId: params.id }));
  }
  await updateProfile(caller, { username: params.id }, input, { via: "CAMUNDA_API", ifSequence: ifMatch(request) });
  return new Response(null, { status: 204 });
});
