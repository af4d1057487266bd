import { openApiDocument } from "@/lib/http/openapi";
import { servedOrigin } from "@/lib/http/served-origin";

/** The document names the origin it was fetched from as its server, so "try it" and generated clients call this server. */
export function GET(request: Request) {
  return Response.json(openApiDocument(servedOrigin(request.headers)));
}
